// Session 51 helper r (row 1007): an ollama tag picks a build of one model (a size, a
// quantisation, `latest`, `cloud`, `instruct`: ollama.com/library/qwen3-coder lists `30b`, `480b`,
// `480b-cloud`, `30b-a3b-q4_K_M`… of the one model). An unknown tag was kept as words of the name:
// `Assisted-by: aider:qwen/qwen3-coder:rm` read `qwen/qwen3-coder-rm` and passed an exact
// `deny: ["qwen/qwen3-coder"]` at `check` and a server's pre-receive. Now an unknown tag of a catalog
// model reads that model; a known tag still reads its own model, and an honest unknown tag of an
// allowed model passes. This test failed before its fix (src/core/catalog.ts lookup, model-name.ts base).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe('an unknown ollama tag of a catalog model is that model (row 1007)', () => {
  it('refused by an exact deny of the model at check and pre-receive; known tags keep their own model', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/qwen3-coder"]\n');
    expectEachRefused(remote, work, {
      rm: 'feat: a\n\nAssisted-by: aider:qwen/qwen3-coder:rm\n',
      bare: 'feat: b\n\nAssisted-by: qwen3-coder:rm\n',
      size: 'feat: c\n\nAssisted-by: aider:ollama_chat/qwen3-coder:999b\n',
      cloud: 'feat: d\n\nAssisted-by: aider:qwen/qwen3-coder:480b-cloud\n',
    }, (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
    // The 30b build is a model of its own in the catalog: an exact deny of the 480b one leaves it.
    expectEachPasses(work, ['feat: e\n\nAssisted-by: aider:qwen/qwen3-coder:30b-a3b-instruct-q4_K_M\n']);
  }, 120_000);

  it('an honest unknown tag of an allowed model passes; of another model it is still refused', () => {
    const { work } = policyServer('policy:\n  allow: ["qwen/qwen3-coder"]\n');
    work.git(['checkout', '-q', '-b', 'honest', 'main']);
    commitCase(work, 'honest', 'feat: a\n\nAssisted-by: aider:qwen/qwen3-coder:my-build\n');
    const check = aitrail(work.dir, ['check', 'main..honest', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(0);
    work.git(['checkout', '-q', 'main']);
    work.git(['checkout', '-q', '-b', 'other', 'main']);
    commitCase(work, 'other', 'feat: b\n\nAssisted-by: aider:deepseek-r1:my-build\n');
    const other = aitrail(work.dir, ['check', 'main..other', '--format', 'json'], { timeout: 60_000 });
    expect(other.code, other.stdout).toBe(1);
    expect(other.stdout).toContain('deepseek/deepseek-r1');
  }, 120_000);
});
