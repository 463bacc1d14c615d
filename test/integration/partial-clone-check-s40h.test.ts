import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, reportOf } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { qwenNote } from '../helpers/qwen-code-notes.js';

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, env: TEST_GIT_ENV, encoding: 'utf8' });

describe('check in a partial clone whose remote cannot be reached (553)', () => {
  it.each([
    ['git-ai', 'refs/notes/ai'],
    ['Qwen Code', 'refs/notes/ai-attribution'],
  ])('fails closed when the %s notes cannot be fetched, instead of judging without them', (_tool, ref) => {
    // The remote (GitHub, with no server hook): main holds the policy; side a commit whose only AI evidence is Qwen's git-ai note.
    const remote = makeRepo();
    remote.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    remote.git(['config', 'uploadpack.allowFilter', 'true']);
    remote.git(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    remote.git(['checkout', '-q', '-b', 'side']);
    const qwen = remote.commit('feat: parser\n', { 'src/parser.ts': 'a\nb\n' });
    if (ref === 'refs/notes/ai') addNote(remote, qwen, gitAiNote({ 'src/parser.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    else qwenNote(remote, qwen, 'Qwen-Coder', ['src/parser.ts']);
    remote.git(['checkout', '-q', 'main']);
    // CI: actions/checkout with `filter: blob:none`, then the notes fetched (their blobs are left behind too).
    const clone = join(tempDir(), 'ci');
    git(tempDir(), ['clone', '-q', '--filter=blob:none', '-b', 'side', `file://${remote.dir}`, clone]);
    git(clone, ['fetch', '-q', 'origin', 'main:refs/remotes/origin/main', `${ref}:${ref}`]);
    const range = ['check', 'origin/main..origin/side', '--format', 'json'];
    // The remote out of reach (`persist-credentials: false` on a private repository, a network-less step).
    git(clone, ['remote', 'set-url', 'origin', join(tempDir(), 'gone')]);
    const cut = aitrail(clone, range);
    expect(cut.code, cut.stdout + cut.stderr).toBe(3);
    expect(reportOf(cut.stdout)).toBe('');
    expect(cut.stderr).toContain('this is a partial clone (cloned with --filter)');
    expect(cut.stderr).toContain('git clone without --filter');
    // Reachable again: git fetches the notes as check reads them, and Qwen's commit is refused.
    git(clone, ['remote', 'set-url', 'origin', `file://${remote.dir}`]);
    const reachable = aitrail(clone, range);
    expect(reachable.code, reachable.stderr).toBe(1);
    expect(reachable.stdout).toMatch(/"model": "qwen\//);
  });
});
