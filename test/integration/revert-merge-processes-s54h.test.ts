// Session 54 helper h (no row: a cost a user does not see): since row 1106 post-commit asked git, after every revert whose restored commit
// is noted, for that commit's parents and its note again (`rev-list --parents`, `notes list`: revertedMerge), to
// learn whether it was a merge without a note; prepare-commit-msg had already found that out. Found by following
// session 53's pointer and tracing a revert of a revert of an agent's commit. Now prepare-commit-msg marks the revert
// of a merge apart and post-commit asks only then: two git processes fewer per such revert, the note carried as before.
import { describe, expect, it } from 'vitest';
import { countedHooksRepo } from '../helpers/counted-hooks.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { gitCommands, traceFile } from '../helpers/git-trace.js';

const quiet = { AITRAIL: '0' };
const QWEN = session(NOTE_KEYS.qwen, '1-2');

describe("a revert's post-commit asks of a merge only when it restores one", () => {
  it('a revert of a revert of a noted commit: no `rev-list --parents` of it, its note not asked again in post-commit, the note carried', () => {
    const { repo, run } = countedHooksRepo();
    const agent = repo.commit('Add key\n', { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\nconst key2 = computeTheSecretKeyMaterial(2);\n' }, quiet);
    addNote(repo, agent, gitAiNote({ 'k.ts': [QWEN] }));
    expect(run(['revert', '--no-edit', 'HEAD'], quiet).status).toBe(0);
    const trace = traceFile('revert.trace');
    const again = run(['revert', '--no-edit', 'HEAD'], { GIT_TRACE: trace });
    expect(again.status, again.stderr).toBe(0);
    expect(again.started).toEqual(['prepare-commit-msg', 'post-commit']);
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toContain(`k.ts\n  ${QWEN}`);
    const commands = gitCommands(trace);
    expect(commands.filter((command) => command.includes('rev-list') && command.includes('--parents') && command.endsWith(agent)), commands.join('\n')).toEqual([]);
    // Whether the restored commit is noted: asked by the shim's gate and by prepare-commit-msg, never again by post-commit.
    expect(commands.filter((command) => / notes --ref=\S+ list /.test(` ${command}`) && command.endsWith(agent)).length, commands.join('\n')).toBe(2);
  });
});
