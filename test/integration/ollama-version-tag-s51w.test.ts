// Session 51 helper w (row 1020): row 1007 made an unknown ollama tag of a catalog model read
// that model (`qwen3-coder:rm` is `qwen/qwen3-coder`). A tag of digits goes on the model's version
// instead: `claude-opus-4:7` read `anthropic/claude-opus-4.7` before 1007 (as `claude-opus-4-7`
// does), and after it read the older `anthropic/claude-opus-4`, past a deny of the newer model at
// `check` and a server's pre-receive. Now a tag the family reads as the base's next version keeps
// that version; other unknown tags still read the base. This test failed before its fix
// (src/core/catalog.ts lookup).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe('a version written as an ollama tag keeps its version (row 1020)', () => {
  it('refused by a deny of the newer model at check and pre-receive; the base build tag still reads the base', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["anthropic/claude-opus-4.7", "openai/gpt-5.9", "qwen/qwen3-coder"]\n');
    expectEachRefused(remote, work, {
      opus: 'feat: a\n\nAssisted-by: claude-opus-4:7\n',
      thinking: 'feat: b\n\nAssisted-by: aider:anthropic/claude-opus-4:7-thinking\n',
      gpt: 'feat: c\n\nAssisted-by: aider:openai/gpt-5:9\n',
      build: 'feat: d\n\nAssisted-by: aider:qwen/qwen3-coder:1\n',
    }, (found, name) => expect(found, name).toContain(({ opus: 'anthropic/claude-opus-4.7', thinking: 'anthropic/claude-opus-4.7', gpt: 'openai/gpt-5.9', build: 'qwen/qwen3-coder' } as Record<string, string>)[name]));
  }, 120_000);

  it('an honest build tag of an allowed base passes', () => {
    const { work } = policyServer('policy:\n  allow: ["anthropic/claude-opus-4"]\n');
    work.git(['checkout', '-q', '-b', 'honest', 'main']);
    commitCase(work, 'honest', 'feat: a\n\nAssisted-by: claude-opus-4:my-build\n');
    const check = aitrail(work.dir, ['check', 'main..honest', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(0);
    work.git(['checkout', '-q', '-b', 'newer', 'main']);
    commitCase(work, 'newer', 'feat: b\n\nAssisted-by: claude-opus-4:7\n');
    const newer = aitrail(work.dir, ['check', 'main..newer', '--format', 'json'], { timeout: 60_000 });
    expect(newer.code, newer.stdout).toBe(1);
    expect(newer.stdout).toContain('anthropic/claude-opus-4.7');
  }, 120_000);
});
