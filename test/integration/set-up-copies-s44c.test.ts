import { describe, expect, it } from 'vitest';
import { commitCase, policyServer, project, tryGit } from '../helpers/enforce-repos.js';

// policyServer and project copy a pair made once per file and config (enforce-repos.ts copiedPair):
// each copy is a repository of its own whose origin is its own server, as a pair made for it was.
describe('set-up pairs copied once made (s44c)', () => {
  for (const [name, make] of [['policyServer', policyServer], ['project', project]] as const) {
    it(`${name}: two of one config push each to its own server, from the same base`, () => {
      const first = make('policy:\n  deny: ["qwen/*"]\n');
      const second = make('policy:\n  deny: ["qwen/*"]\n');
      expect(second.base).toBe(first.base);
      expect(second.remote.dir).not.toBe(first.remote.dir);
      expect(second.work.git(['remote', 'get-url', 'origin'])).toBe(second.remote.dir);
      expect(second.work.git(['rev-parse', 'origin/main', 'origin/HEAD'])).toBe(`${second.base}\n${second.base}`);
      expect(second.remote.git(['rev-parse', 'main'])).toBe(second.base);
      const sha = commitCase(second.work, 'one', 'feat: one\n');
      const push = tryGit(second.work.dir, ['push', '--no-verify', 'origin', 'main']);
      expect(push.code, push.stderr).toBe(0);
      expect(second.remote.git(['rev-parse', 'main'])).toBe(sha);
      expect(first.remote.git(['rev-parse', 'main'])).toBe(first.base);
      expect(first.work.git(['status', '--porcelain'])).toBe('');
      // Another config: another pair.
      const other = make('policy:\n  deny: ["openai/*"]\n');
      expect(other.base).not.toBe(first.base);
      expect(other.work.git(['show', 'HEAD:.aitrailrc.yml'])).toBe('policy:\n  deny: ["openai/*"]');
    });
  }
});
