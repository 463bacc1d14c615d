// Red team (hostile repository): references with no end, and references repeated, in a settings
// value. Failed before the fix (the regexes scanned to the text's end from each opening).
import { describe, expect, it } from 'vitest';
import { resolvedReferences } from '../../src/agent-settings/env-reference.js';
import { substituted } from '../../src/agent-settings/opencode.js';

const ENV = { TEAM_MODEL: 'openrouter/qwen/qwen3-coder', GITHUB_TOKEN: 'ghp_secret', HOME: '/home/x' };

function took(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('references with no end cost linear time', () => {
  it('Gemini CLI and Qwen Code: 200 000 `${`, and 200 000 `$HOME`', () => {
    expect(took(() => expect(resolvedReferences('${'.repeat(200_000), ENV, 'gemini-cli')).toBe('${'.repeat(200_000)))).toBeLessThan(1_000);
    expect(took(() => resolvedReferences('$HOME'.repeat(200_000), ENV, 'qwen-code'))).toBeLessThan(3_000);
  });

  it('OpenCode: 200 000 `{env:`, and 100 000 `{env:TEAM_MODEL}`', () => {
    expect(took(() => expect(substituted('{env:'.repeat(200_000), ENV)).toBe('{env:'.repeat(200_000)))).toBeLessThan(1_000);
    expect(took(() => substituted('{env:TEAM_MODEL}'.repeat(100_000), ENV))).toBeLessThan(3_000);
  });
});

describe('references read as before', () => {
  it('a variable naming a model is its value; any other (a token, unset, __proto__) stays or is dropped as before', () => {
    expect(resolvedReferences('${TEAM_MODEL}', ENV, 'gemini-cli')).toBe('openrouter/qwen/qwen3-coder');
    expect(resolvedReferences('$TEAM_MODEL', ENV, 'gemini-cli')).toBe('openrouter/qwen/qwen3-coder');
    expect(resolvedReferences('qwen/$GITHUB_TOKEN ${GITHUB_TOKEN} ${', ENV, 'gemini-cli')).toBe('qwen/$GITHUB_TOKEN ${GITHUB_TOKEN} ${');
    // The name runs to the first `}` after `${`, as Gemini CLI's own regex reads it.
    expect(resolvedReferences('${${TEAM_MODEL}', ENV, 'gemini-cli')).toBe('${${TEAM_MODEL}');
    expect(resolvedReferences('} $TEAM_MODEL', ENV, 'gemini-cli')).toBe('} openrouter/qwen/qwen3-coder');
    expect(substituted('{env:TEAM_MODEL}', ENV)).toBe('openrouter/qwen/qwen3-coder');
    expect(substituted('qwen/{env:GITHUB_TOKEN}', ENV)).toBe('qwen/');
    expect(substituted('{env:__proto__}{env:constructor}x', ENV)).toBe('x');
  });
});
