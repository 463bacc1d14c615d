import { beforeAll, describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { messageOf } from '../helpers/hooks.js';
import type { TestRepo } from '../helpers/gitdir.js';

const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const TRAILER = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

describe('commit-time hooks under the ways git commits (row 298)', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    ({ repo, env } = hookedRepo());
  });

  it('core.commentChar=auto with no status lines: an agent\'s `#123 …` subject typed in an editor is the subject git keeps, not a comment (commit-msg refused the commit as empty)', () => {
    const head = repo.git(['rev-parse', 'HEAD']);
    const made = tryGit(repo.dir, ['-c', 'core.commentChar=auto', '-c', 'commit.status=false', 'commit', '-q', '--allow-empty', '-e', '-m', '#123 fix the parser'], {
      env: { ...env, ...OPUS, GIT_EDITOR: 'true' },
    });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['rev-parse', 'HEAD^'])).toBe(head);
    expect(messageOf(repo.dir)).toBe(`#123 fix the parser\n\n${TRAILER}\n`);
  });
});
