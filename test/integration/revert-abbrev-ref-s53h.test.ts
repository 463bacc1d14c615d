// row 1074: git's reference format names the reverted commit abbreviated (`This reverts commit 5ab9c3d (…)`), and git
// reads a short hex name as a branch or tag first when one is so named: `git rev-parse 5ab9c3d^@` follows the tag
// `5ab9c3d` (git only warns "refname is ambiguous"). A tag so named (a fetch brings it along with the history it
// tags) turned the shims' revert gate (row 1034), node's revertSource (rows 1015, 1042) and blame's revert following
// to the tag's commit: the revert of a revert of a noted agent commit reapplied the agent's lines with no note, and
// blame gave them to the person. The abbreviation is now looked for among objects only (`rev-parse --disambiguate`).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { countedHooksRepo } from '../helpers/counted-hooks.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { expectRevertOfRevertPastTag } from '../helpers/revert-abbrev.js';

const quiet = { AITRAIL: '0' };
const QWEN = session(NOTE_KEYS.qwen, '1-2');

describe('an abbreviated revert line beside a ref of that name (row 1074)', () => {
  it('the hooks: the revert of a revert carries the restored note though a tag is named like the abbreviation', () => {
    const { repo, run } = countedHooksRepo();
    const deny = repo.commit('deny', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n' }, quiet);
    const agent = repo.commit('Add key\n', { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\nconst key2 = computeTheSecretKeyMaterial(2);\n' }, quiet);
    addNote(repo, agent, gitAiNote({ 'k.ts': [QWEN] }));
    expect(run(['revert', '--no-edit', agent]).status).toBe(0);
    // A tag named like the first revert's abbreviation, at a commit whose parent has no note.
    const short = repo.git(['rev-parse', '--short=7', 'HEAD']).trim();
    repo.git(['tag', short, deny]);
    const second = run(['-c', 'core.abbrev=7', '-c', 'revert.reference=true', 'revert', '--no-edit', 'HEAD']);
    expect(second.status, second.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain(`This reverts commit ${short} (Revert "Add key"`);
    expect(second.started).toEqual(['prepare-commit-msg', 'post-commit']);
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toContain(`k.ts\n  ${QWEN}`);
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
  });

  it('blame: the revert of a revert gives the AI lines back to the AI though a tag is named like the abbreviation', () => {
    expectRevertOfRevertPastTag(7);
  });
});
