// Row 583 reads the committed `.env` files from the repository git finds at the top, git's repository
// variables unset. The same `.env` may set git's settings (GIT_CONFIG_COUNT, read by every git the hooks
// start) with a value only `git grep` dies on (grep.threads=many): the agent's `git add` and `git commit`
// work on, and the hooks' `git grep` of the committed `.env` found nothing. Real repositories, the real `aitrail init`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectSwitchIgnored, hookedSubmodule, qwenCodeEnv } from '../helpers/planted-env-above.js';

const KILLS_GREP: Array<[string, string]> = [
  ['grep.threads', 'many'],
  ['grep.patternType', 'bogus'],
  ['color.grep.match', 'not-a-colour'],
];

describe('a committed .env that sets AITRAIL=0 and a git setting only git grep dies on', () => {
  for (const [key, value] of KILLS_GREP) {
    it(`GIT_CONFIG_COUNT with ${key}=${value}: Qwen Code's commit is refused, the switch named as ignored`, () => {
      const { sub, env } = hookedSubmodule(makeRepo(), 'lib');
      expect(tryGit(sub, ['reset', '-q']).code).toBe(0);
      const planted = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: key, GIT_CONFIG_VALUE_0: value };
      writeFileSync(join(sub, '.env'), `AITRAIL=0\n${Object.entries(planted).map(([k, v]) => `${k}=${v}`).join('\n')}\n`);
      expect(tryGit(sub, ['add', '.env']).code).toBe(0);
      expect(tryGit(sub, ['commit', '-q', '-m', 'chore: agent env'], { env }).code).toBe(0);
      const before = tryGit(sub, ['rev-parse', 'HEAD']).stdout.trim();
      const qwen = qwenCodeEnv(env, planted);
      writeFileSync(join(sub, 'q.ts'), 'qwen\n');
      expect(tryGit(sub, ['add', '-A'], { env: qwen }).code).toBe(0);
      // Before: exit 0, Qwen Code's commit with no trailer, the hooks off.
      expectSwitchIgnored(tryGit(sub, ['commit', '-q', '-m', 'feat: q'], { env: qwen }));
      expect(tryGit(sub, ['rev-parse', 'HEAD']).stdout.trim()).toBe(before);
    });
  }
});
