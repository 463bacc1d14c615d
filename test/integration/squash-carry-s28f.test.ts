// Row 341: `git rebase -i` with a `squash` (or `fixup -c`) step folding an agent's commit: git runs
// prepare-commit-msg before its editor and no commit-msg after it (the sequencer commits with
// --no-verify), so a person deleting the trailer lines in the editor made the squashed commit read
// as theirs. post-commit now amends the chain's last commit with the folded commits' models.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteOf } from '../helpers/agent-edits.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };
const TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/** An editor that deletes every `Assisted-by:` line of the message and appends `extra`. */
function editorDropping(extra = ''): string {
  const path = join(tempDir('aitrail-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\nsed -i '/^Assisted-by:/d' "$1"\nprintf '%s' '${extra}' >>"$1"\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('a rebase squash whose editor drops what the folded commits declared', () => {
  it('carries the models back (squash mid-list, fixup -c last), exactly, notes kept; keeps `Assisted-by: none`; leaves a human squash as git makes it', () => {
    const { repo, env } = hookedRepo();
    const commit = (name: string, ai: boolean) => {
      repo.write(`f-${name}.txt`, `${name}\n`);
      repo.git(['add', `f-${name}.txt`]);
      const made = tryGit(repo.dir, ['commit', '-q', '-m', `${name} work`], { env: ai ? { ...env, ...QWEN } : env });
      expect(made.code, made.stderr).toBe(0);
      return repo.git(['rev-parse', 'HEAD']);
    };
    const rebase = (script: string, editor: string, base: string, extra: NodeJS.ProcessEnv = {}, hooks = true) => {
      const done = tryGit(repo.dir, [...(hooks ? [] : ['-c', 'core.hooksPath=/dev/null']), 'rebase', '-q', '-i', base], { env: { ...env, ...extra, GIT_SEQUENCE_EDITOR: script, GIT_EDITOR: editor } });
      expect(done.code, done.stderr).toBe(0);
    };
    const trailers = (rev: string) => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)', rev]);

    // a person's squash of two people's commits: the commit git makes without aitrail's hooks
    commit('h1', false);
    commit('h2', false);
    const fixed = { GIT_COMMITTER_DATE: '@1700000000 +0000' };
    const start = repo.git(['rev-parse', 'HEAD']);
    rebase("sed -i '2s/^pick /squash /'", editorDropping(), 'HEAD~2', fixed, false);
    const plain = repo.git(['rev-parse', 'HEAD']);
    repo.git(['reset', '-q', '--hard', start]);
    rebase("sed -i '2s/^pick /squash /'", editorDropping(), 'HEAD~2', fixed);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(plain);

    commit('a', false);
    commit('b', true);
    commit('c', false);
    const d = commit('d', true);
    commit('e', false);
    addNote(repo, d, gitAiNote({ 'f-d.txt': [session(NOTE_KEYS.qwen, '1')] }));

    // squash mid-list (b into a), fixup -c as the last step (e into d, e's message)
    rebase("sed -i '2s/^pick /squash /;5s/^pick /fixup -c /'", editorDropping(), 'HEAD~5');
    expect(repo.git(['rev-list', '--count', 'HEAD~3..HEAD'])).toBe('3');
    expect(trailers('HEAD~2')).toBe('qwen-code:qwen/qwen3-coder');
    expect(trailers('HEAD~1')).toBe('');
    expect(trailers('HEAD')).toBe('qwen-code:qwen/qwen3-coder');
    expect(repo.git(['log', '-1', '--format=%B', 'HEAD'], { raw: true })).toBe(`e work\n\n${TRAILER}\n\n`);
    // the commit git made before the amend (HEAD's reflog): the same object but the trailer
    const reflog = repo.git(['reflog', '--format=%H %gs'], { raw: true }).split('\n');
    const at = reflog.findIndex((line) => line.endsWith(' rebase (squash): a work'));
    const [amended, made] = [reflog[at]!, reflog[at + 1]!].map((line) => repo.git(['cat-file', 'commit', line.split(' ')[0]!], { raw: true }));
    expect(reflog[at + 1]).toMatch(/ rebase \(squash\): a work$/);
    expect(amended).toBe(made!.replace(/\n$/, `\n\n${TRAILER}\n`));
    expect(made).toContain('\n\na work\n\nb work\n');
    expect(repo.git(['rev-parse', 'HEAD~2'])).toBe(repo.git(['rev-parse', reflog[at]!.split(' ')[0]!]));
    // the folded agent commit's git-ai note is on the final commit
    expect(noteOf(repo, 'HEAD').files).toEqual({ 'f-d.txt': ['1,1'] });

    // the person's own word under the key stays
    rebase("sed -i '2s/^pick /squash /'", editorDropping('\nAssisted-by: none\n'), 'HEAD~2');
    expect(trailers('HEAD')).toBe('none');
  });
});
