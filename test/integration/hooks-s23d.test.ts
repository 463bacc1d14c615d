import { beforeAll, describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { messageOf } from '../helpers/hooks.js';
import type { TestRepo } from '../helpers/gitdir.js';

const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };

describe('a commit with no message and no editor (GIT_EDITOR=:, --no-edit, -m \'\') is left to git', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    ({ repo, env } = hookedRepo());
  });
  const commit = (args: string[], extra: NodeJS.ProcessEnv = {}) => tryGit(repo.dir, ['commit', '-q', '--allow-empty', ...args], { env: { ...env, ...OPUS, AITRAIL_QUIET: '1', ...extra } });

  it('GIT_EDITOR=: git commit, nothing written: aborted as empty, as git does (it had made a commit whose subject was the trailer)', () => {
    const head = repo.git(['rev-parse', 'HEAD']);
    const made = commit([], { GIT_EDITOR: ':' });
    expect(made.code, made.stderr).toBe(1);
    expect(made.stderr).toContain('Aborting commit due to empty commit message.');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('--allow-empty-message with --no-edit or -m \'\': the empty message git was asked for (commit-msg had refused it)', () => {
    for (const args of [['--no-edit', '--allow-empty-message'], ['--allow-empty-message', '-m', '']]) {
      const head = repo.git(['rev-parse', 'HEAD']);
      const made = commit(args);
      expect(made.code, made.stderr).toBe(0);
      expect(repo.git(['rev-parse', 'HEAD^'])).toBe(head);
      expect(messageOf(repo.dir)).toBe('');
    }
  });

  it('a message written with -m, or typed in an editor, still gets its trailer', () => {
    expect(commit(['-m', '#123 fix the parser']).code).toBe(0);
    expect(messageOf(repo.dir)).toBe('#123 fix the parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    const typed = commit([], { GIT_EDITOR: "sed -i '1s/^/Typed subject/'" });
    expect(typed.code, typed.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('Typed subject\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
  });
});
