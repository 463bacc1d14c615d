import { describe, expect, it } from 'vitest';
import { undeclared } from '../../../src/core/policy/rules/undeclared.js';
import { unknownModel } from '../../../src/core/policy/rules/unknown-model.js';
import { ai, facts, policy } from './facts.js';

describe('unknown-model (policy.unknownModel)', () => {
  const commit = facts({ attributions: [ai('unknown', { agent: 'cursor', declared: false, evidence: 'trailer Made-with: Cursor' })] });
  it('warns by default', () => {
    expect(unknownModel(commit, policy({}))).toMatchObject([{ rule: 'unknown-model', severity: 'warning', model: 'unknown', agent: 'cursor', setting: 'policy.unknownModel' }]);
  });
  it('deny makes it an error, allow silences it', () => {
    expect(unknownModel(commit, policy({ unknownModel: 'deny' }))[0]!.severity).toBe('error');
    expect(unknownModel(commit, policy({ unknownModel: 'allow' }))).toEqual([]);
  });
  it('names the evidence and the configured trailer key in the fix', () => {
    const [violation] = unknownModel(commit, policy({}, 'Generated-by'));
    expect(violation!.message).toContain('Made-with: Cursor');
    expect(violation!.fix).toContain("'Generated-by: cursor:<vendor>/<model>'");
  });
  it('a declared trailer already there is not advised again: the fix says what to change in it', () => {
    const declared = facts({ attributions: [ai('unknown', { agent: 'unknown', declared: true, evidence: 'trailer Assisted-by: "unknown:unknown"' })] });
    const [violation] = unknownModel(declared, policy({}));
    expect(violation!.fix).toContain("Name the model in the trailer 'Assisted-by: unknown:unknown'");
    expect(violation!.fix).not.toMatch(/add the trailer/);
  });
  it('a vendor named without a model (qwen/unknown) is judged once: by deny/allow when they refuse it, else as an unknown model', () => {
    const qwen = facts({ attributions: [ai('qwen/unknown', { agent: 'unknown' })] });
    expect(unknownModel(qwen, policy({ unknownModel: 'deny', deny: ['qwen/*'] }))).toEqual([]);
    expect(unknownModel(qwen, policy({ unknownModel: 'deny', allow: ['anthropic/*'] }))).toEqual([]);
    expect(unknownModel(qwen, policy({ unknownModel: 'deny', allow: ['qwen/*'] }))).toMatchObject([{ rule: 'unknown-model', model: 'qwen/unknown', severity: 'error' }]);
  });
  it('ignores identified models', () => {
    expect(unknownModel(facts({ attributions: [ai('anthropic/claude-opus-4.6')] }), policy({ unknownModel: 'deny' }))).toEqual([]);
  });
});

describe('undeclared (policy.undeclared)', () => {
  const signature = ai('anthropic/claude-opus-4.6', { declared: false, evidence: 'trailer Co-authored-by: Claude Opus 4.6 <noreply@anthropic.com>' });
  it('warns by default when no attribution is declared', () => {
    expect(undeclared(facts({ attributions: [signature] }), policy({}))).toMatchObject([{ rule: 'undeclared', severity: 'warning', model: 'anthropic/claude-opus-4.6' }]);
  });
  it('deny makes it an error; the fix gives the exact trailer to add', () => {
    const [violation] = undeclared(facts({ attributions: [signature] }), policy({ undeclared: 'deny' }));
    expect(violation!.severity).toBe('error');
    expect(violation!.fix).toContain("'Assisted-by: claude-code:anthropic/claude-opus-4.6'");
    expect(violation!.message).toContain('Co-authored-by');
  });
  it('a commit with any declared attribution is declared', () => {
    const declared = ai('anthropic/claude-opus-4.6');
    expect(undeclared(facts({ attributions: [signature, declared] }), policy({ undeclared: 'deny' }))).toEqual([]);
  });
  it('allow silences it; human commits are never undeclared', () => {
    expect(undeclared(facts({ attributions: [signature] }), policy({ undeclared: 'allow' }))).toEqual([]);
    expect(undeclared(facts(), policy({ undeclared: 'deny' }))).toEqual([]);
  });
});
