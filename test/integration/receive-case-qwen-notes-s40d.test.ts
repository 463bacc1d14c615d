// Rows 87 and 502 for Qwen Code's notes ref: on a server whose file system folds case
// (core.ignorecase), a push to `refs/NOTES/ai-attribution` writes the loose file git then reads
// for a packed `refs/notes/ai-attribution`, so the server's Qwen Code notes would be replaced past
// the check that keeps them (takenQwenNotes looks the ref up by its exact name).
import { describe, expect, it } from 'vitest';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { qwenNote } from '../helpers/qwen-code-notes.js';

describe("pre-receive on a case-insensitive server refuses a ref spelled like Qwen Code's notes ref", () => {
  it('refs/NOTES/ai-attribution and refs/notes/AI-Attribution are refused under core.ignorecase; a case-sensitive server keeps them apart', () => {
    const { remote, work } = policyServer('policy: {allow: ["*"], undeclared: allow, unknownModel: allow}\n');
    const sha = work.commit('feat: util\n', { 'lib/util.ts': 'u\n' });
    qwenNote(work, sha, 'Qwen-Coder', ['lib/util.ts']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', 'refs/notes/ai-attribution']).code).toBe(0);
    remote.git(['pack-refs', '--all']);
    remote.git(['config', 'core.ignorecase', 'true']);
    work.git(['notes', '--ref=refs/notes/ai-attribution', 'remove', sha]);
    for (const ref of ['refs/NOTES/ai-attribution', 'refs/notes/AI-Attribution']) {
      const push = tryGit(work.dir, ['push', '--no-verify', '--force', 'origin', `refs/notes/ai-attribution:${ref}`]);
      expect(push.code, ref).toBe(1);
      expect(push.stderr, ref).toContain('differs only in case from refs/notes/ai-attribution');
    }
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/notes/', 'refs/NOTES/'])).toBe('refs/notes/ai-attribution');
    remote.git(['config', 'core.ignorecase', 'false']);
    expect(tryGit(work.dir, ['push', '--no-verify', '--force', 'origin', 'refs/notes/ai-attribution:refs/NOTES/ai-attribution']).code).toBe(0);
  });
});
