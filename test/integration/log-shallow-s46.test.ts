import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

// aitrail log in a shallow clone (CI's actions/checkout default, fetch-depth: 1) counted the fetched commits only and
// said nothing: an agent's older commits vanished from the totals. It reads on and says where the history is cut.
function clone(source: TestRepo, args: string[]): string {
  const dir = join(tempDir(), 'clone');
  execFileSync('git', ['clone', '-q', ...args, `file://${source.dir}`, dir], { env: TEST_GIT_ENV });
  return dir;
}

function history(): TestRepo {
  const repo = makeRepo();
  repo.commit('feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'a.ts': 'a\n' });
  repo.commit('feat: lexer\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'b.ts': 'b\n' });
  repo.commit('docs: readme\n', { 'README.md': 'r\n' });
  return repo;
}

describe('aitrail log in a shallow clone (s46)', () => {
  it('says the history is cut, where, and how to fetch it; the full clone says nothing', () => {
    const repo = history();
    const shallow = clone(repo, ['--depth', '2']);
    const cutAt = execFileSync('git', ['rev-parse', 'HEAD~1'], { cwd: shallow, env: TEST_GIT_ENV, encoding: 'utf8' }).trim();
    for (const format of ['text', 'json']) {
      const result = aitrail(shallow, ['log', '--format', format]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`shallow clone and the history log read is cut at ${cutAt.slice(0, 12)}`);
      expect(result.stderr).toContain('git fetch --unshallow');
    }
    expect(aitrail(shallow, ['log']).stdout).toContain('2 commits, 1 AI-assisted, 1 human.');
    // -n 1 got the one commit it asked for (the tip, above the cut): nothing is missing from it.
    expect(aitrail(shallow, ['log', '-n', '1']).stderr).not.toContain('shallow clone');
    const full = clone(repo, []);
    const whole = aitrail(full, ['log']);
    expect(whole.stderr).not.toContain('shallow clone');
    expect(whole.stdout).toContain('3 commits, 2 AI-assisted, 1 human.');
  });
});
