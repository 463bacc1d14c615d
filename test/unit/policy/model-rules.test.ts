import { describe, expect, it } from 'vitest';
import { modelDenied } from '../../../src/core/policy/rules/model-denied.js';
import { modelNotAllowed } from '../../../src/core/policy/rules/model-not-allowed.js';
import { ai, facts, policy } from './facts.js';

describe('model-denied (policy.deny)', () => {
  it('refuses a denied model, naming commit, model, glob, path and a fix', () => {
    const [violation, ...rest] = modelDenied(facts({ attributions: [ai('qwen/qwen3-coder', { agent: 'qwen-code' })], paths: ['a.ts', 'b.ts'] }), policy({ deny: ['qwen/*'] }));
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ sha: 'a'.repeat(40), rule: 'model-denied', severity: 'error', model: 'qwen/qwen3-coder', agent: 'qwen-code', path: 'a.ts', paths: ['a.ts', 'b.ts'], pathCount: 2, setting: 'policy.deny' });
    expect(violation!.message).toContain('qwen/qwen3-coder');
    expect(violation!.message).toContain('"qwen/*"');
    expect(violation!.fix).toMatch(/rebase -i/);
  });
  it('deny wins over allow', () => {
    const config = { allow: ['qwen/*'], deny: ['qwen/*'] };
    const commit = facts({ attributions: [ai('qwen/qwen3-coder')] });
    expect(modelDenied(commit, policy(config))).toHaveLength(1);
    expect(modelNotAllowed(commit, policy(config))).toEqual([]);
  });
  it('passes models not denied, and never judges an unidentified model by globs', () => {
    expect(modelDenied(facts({ attributions: [ai('anthropic/claude-opus-4.6')] }), policy({ deny: ['qwen/*'] }))).toEqual([]);
    expect(modelDenied(facts({ attributions: [ai('unknown')] }), policy({ deny: ['*'] }))).toEqual([]);
  });
  it('reports a model once even when two signals found it', () => {
    const commit = facts({ attributions: [ai('qwen/qwen3-coder'), ai('qwen/qwen3-coder')] });
    expect(modelDenied(commit, policy({ deny: ['qwen/*'] }))).toHaveLength(1);
  });
  it('a commit that changes no file has a null path', () => {
    const [violation] = modelDenied(facts({ attributions: [ai('qwen/qwen3-coder')], paths: [] }), policy({ deny: ['qwen/*'] }));
    expect(violation).toMatchObject({ path: null, paths: [], pathCount: 0 });
  });
  it('lists at most 20 paths but counts them all', () => {
    const paths = Array.from({ length: 50 }, (_, index) => `f${index}`);
    const [violation] = modelDenied(facts({ attributions: [ai('qwen/x')], paths }), policy({ deny: ['qwen/*'] }));
    expect(violation!.paths).toHaveLength(20);
    expect(violation!.pathCount).toBe(50);
  });
  it('escapes hostile model names and globs in the message', () => {
    const [violation] = modelDenied(facts({ attributions: [ai('evil/\u001b[31mred\nline')] }), policy({ deny: ['evil/**'] }));
    expect(violation!.message).not.toMatch(/[\u001b\n]/);
    expect(violation!.model).toBe('evil/\u001b[31mred\nline');
  });
});

describe('model-not-allowed (policy.allow)', () => {
  it('absent allow = every model allowed', () => {
    expect(modelNotAllowed(facts({ attributions: [ai('deepseek/deepseek-chat')] }), policy({}))).toEqual([]);
  });
  it('refuses a model outside the allow list', () => {
    const [violation] = modelNotAllowed(facts({ attributions: [ai('deepseek/deepseek-chat', { agent: 'aider' })] }), policy({ allow: ['anthropic/*', 'openai/*'] }));
    expect(violation).toMatchObject({ rule: 'model-not-allowed', severity: 'error', model: 'deepseek/deepseek-chat', setting: 'policy.allow' });
    expect(violation!.message).toContain('"anthropic/*", "openai/*"');
  });
  it('allows a listed model', () => {
    expect(modelNotAllowed(facts({ attributions: [ai('openai/gpt-5.2-codex')] }), policy({ allow: ['anthropic/*', 'openai/*'] }))).toEqual([]);
  });
  it('an empty allow list allows no model', () => {
    expect(modelNotAllowed(facts({ attributions: [ai('anthropic/claude-opus-4.6')] }), policy({ allow: [] }))).toHaveLength(1);
  });
  it('leaves unidentified models to unknown-model', () => {
    expect(modelNotAllowed(facts({ attributions: [ai('unknown')] }), policy({ allow: ['anthropic/*'] }))).toEqual([]);
  });
});
