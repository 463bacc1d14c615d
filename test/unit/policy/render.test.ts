import { describe, expect, it } from 'vitest';
import { evaluateCommit } from '../../../src/core/policy/evaluate.js';
import { escapeData, escapeProperty, renderVerdictGithub } from '../../../src/core/policy/render-github.js';
import { renderVerdictText } from '../../../src/core/policy/render-text.js';
import { verdictOf } from '../../../src/core/policy/verdict.js';
import { ai, facts, policy } from './facts.js';

const denied = (overrides = {}) => verdictOf(4, evaluateCommit(facts({ attributions: [ai('qwen/qwen3-coder', { agent: 'qwen-code' })], ...overrides }), policy({ deny: ['qwen/*'] })));

describe('renderVerdictText', () => {
  it('names commit, rule, setting, model, files and fix', () => {
    const text = renderVerdictText(denied());
    expect(text).toContain('1 error, 0 warnings in 1 of 4 commits');
    expect(text).toContain('aaaaaaaaaaaa "feat: something"');
    expect(text).toContain('rule:  model-denied (policy.deny)');
    expect(text).toContain('model: qwen/qwen3-coder (agent qwen-code)');
    expect(text).toContain('files: src/app.ts');
    expect(text).toContain('fix:');
  });
  it('says so when clean', () => {
    expect(renderVerdictText(verdictOf(1, []))).toBe('aitrail: 1 commit checked, no policy violations.\n');
  });
  it('escapes hostile subjects and paths', () => {
    const text = renderVerdictText(denied({ subject: 'x\u001b]0;pwned\u0007', paths: ['a\nb\u202e.ts'] }));
    expect(text).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(text).toContain('a\\nb\\u{202e}.ts');
  });
});

describe('renderVerdictGithub', () => {
  it('one ::error annotation per violation, with file and title', () => {
    const [line, summary] = renderVerdictGithub(denied()).trimEnd().split('\n');
    expect(line).toMatch(/^::error file=src\/app\.ts,title=aitrail model-denied%3A qwen\/qwen3-coder in aaaaaaaaaaaa::aaaaaaaaaaaa feat: something%0Amodel qwen/);
    expect(summary).toBe('aitrail: 4 commits checked, 1 error, 0 warnings.');
  });
  it('warnings are ::warning', () => {
    const verdict = verdictOf(1, evaluateCommit(facts({ attributions: [ai('unknown')] }), policy()));
    expect(renderVerdictGithub(verdict)).toMatch(/^::warning /);
  });
  it('escapes %, CR, LF in data and also : and , in properties', () => {
    expect(escapeData('50%\r\nx: y, z')).toBe('50%25%0D%0Ax: y, z');
    expect(escapeProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae');
  });
  it('a hostile path or subject cannot inject a workflow command', () => {
    const out = renderVerdictGithub(denied({ paths: ['x,title=y::\n::set-output name=a::b'], subject: 'ok\n::error::fake' }));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('file=x%2Ctitle=y%3A%3A');
    expect(lines[0]).not.toContain('\n::');
  });
  it('no file property when the commit changes no file', () => {
    expect(renderVerdictGithub(denied({ paths: [] }))).toMatch(/^::error title=/);
  });
});
