import { describe, expect, it } from 'vitest';
import { pathMissingTrailer } from '../../../src/core/policy/rules/path-missing-trailer.js';
import { pathModels } from '../../../src/core/policy/rules/path-models.js';
import { ai, facts, policy } from './facts.js';

describe('path-model-not-allowed / path-model-denied (policy.paths[i].allow / deny)', () => {
  const crypto = { paths: [{ files: ['src/crypto/**'], allow: [] as string[] }] };
  it('`allow: []` refuses any AI change to matching files, naming the first matching file', () => {
    const commit = facts({ attributions: [ai('anthropic/claude-opus-4.6')], paths: ['README.md', 'src/crypto/aes.ts', 'src/crypto/rsa.ts'] });
    expect(pathModels(commit, policy(crypto))).toMatchObject([
      { rule: 'path-model-not-allowed', severity: 'error', path: 'src/crypto/aes.ts', paths: ['src/crypto/aes.ts', 'src/crypto/rsa.ts'], pathCount: 2, setting: 'policy.paths[0].allow' },
    ]);
  });
  it('passes AI changes elsewhere and human changes anywhere', () => {
    expect(pathModels(facts({ attributions: [ai('anthropic/claude-opus-4.6')], paths: ['src/app.ts'] }), policy(crypto))).toEqual([]);
    expect(pathModels(facts({ paths: ['src/crypto/aes.ts'] }), policy(crypto))).toEqual([]);
  });
  it('a path allow list narrows the global one', () => {
    const config = { allow: ['anthropic/*', 'openai/*'], paths: [{ files: ['infra/**'], allow: ['anthropic/*'] }] };
    const openai = facts({ attributions: [ai('openai/gpt-5.2-codex', { agent: 'codex' })], paths: ['infra/main.tf'] });
    const claude = facts({ attributions: [ai('anthropic/claude-opus-4.6')], paths: ['infra/main.tf'] });
    expect(pathModels(openai, policy(config))).toMatchObject([{ rule: 'path-model-not-allowed', model: 'openai/gpt-5.2-codex' }]);
    expect(pathModels(claude, policy(config))).toEqual([]);
  });
  it('an unidentified model cannot be shown to be on a path allow list', () => {
    const commit = facts({ attributions: [ai('unknown', { agent: 'cursor' })], paths: ['infra/x'] });
    expect(pathModels(commit, policy({ paths: [{ files: ['infra/**'], allow: ['anthropic/*'] }] }))).toHaveLength(1);
  });
  it('path deny refuses the model there only', () => {
    const config = { paths: [{ files: ['docs/**'], deny: ['openai/*'] }] };
    expect(pathModels(facts({ attributions: [ai('openai/gpt-5.2-codex')], paths: ['docs/a.md'] }), policy(config))).toMatchObject([{ rule: 'path-model-denied', setting: 'policy.paths[0].deny' }]);
    expect(pathModels(facts({ attributions: [ai('openai/gpt-5.2-codex')], paths: ['src/a.ts'] }), policy(config))).toEqual([]);
  });
  it('does not report again a model the global policy already refuses', () => {
    const config = { deny: ['qwen/*'], paths: [{ files: ['**'], allow: [] as string[] }] };
    expect(pathModels(facts({ attributions: [ai('qwen/qwen3-coder')] }), policy(config))).toEqual([]);
  });
  it('names the rule index', () => {
    const config = { paths: [{ files: ['a/**'], allow: [] as string[] }, { files: ['b/**'], allow: [] as string[] }] };
    expect(pathModels(facts({ attributions: [ai('x/y')], paths: ['b/1'] }), policy(config))[0]!.setting).toBe('policy.paths[1].allow');
  });
});

describe('path-missing-trailer (policy.paths[i].requireTrailers)', () => {
  const config = { paths: [{ files: ['src/crypto/**'], requireTrailers: ['Reviewed-by'] }] };
  const change = { attributions: [ai('anthropic/claude-opus-4.6')], paths: ['src/crypto/aes.ts'] };
  it('refuses an AI change there without the trailer', () => {
    const [violation] = pathMissingTrailer(facts(change), policy(config));
    expect(violation).toMatchObject({ rule: 'path-missing-trailer', severity: 'error', model: 'anthropic/claude-opus-4.6', path: 'src/crypto/aes.ts', setting: 'policy.paths[0].requireTrailers' });
    expect(violation!.message).toContain("'Reviewed-by'");
  });
  it('accepts it with the trailer (key case-insensitive, as git compares keys)', () => {
    expect(pathMissingTrailer(facts({ ...change, trailers: [{ key: 'reviewed-by', value: 'Ann <ann@example.com>' }] }), policy(config))).toEqual([]);
  });
  it('an empty value does not count', () => {
    expect(pathMissingTrailer(facts({ ...change, trailers: [{ key: 'Reviewed-by', value: ' ' }] }), policy(config))).toHaveLength(1);
  });
  it('human changes need no trailer; AI changes elsewhere need none', () => {
    expect(pathMissingTrailer(facts({ paths: ['src/crypto/aes.ts'] }), policy(config))).toEqual([]);
    expect(pathMissingTrailer(facts({ ...change, paths: ['src/app.ts'] }), policy(config))).toEqual([]);
  });
  it('one violation per missing trailer', () => {
    const two = { paths: [{ files: ['src/crypto/**'], requireTrailers: ['Reviewed-by', 'Tested-by'] }] };
    expect(pathMissingTrailer(facts({ ...change, trailers: [{ key: 'Tested-by', value: 'CI' }] }), policy(two)).map((violation) => violation.message)).toEqual([expect.stringContaining("'Reviewed-by'")]);
  });
});
