// A co-author template filled in keeping its angle brackets (`<Tool Name> (<Model/Version>)` made
// `<Aider> (<qwen/qwen3-coder>)`): the brackets hold no address, and `(<qwen3-coder>)` was no word the
// reading knew, so the line named nothing: a human commit, past `deny: ["qwen/*"]` (row 627).
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { commitCase } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { type Case, expectLog } from '../helpers/log-cases.js';

const CASES: Case[] = [
  ['Refactor\n\nCo-authored-by: <Aider> (<qwen/qwen3-coder>)\n', ['aider:qwen/qwen3-coder']],
  ['Refactor\n\nCo-authored-by: <Tool Name> (<qwen3-coder>)\n', ['unknown:qwen/qwen3-coder']],
  ['Refactor\n\nCo-authored-by: x (<qwen/qwen3-coder>)\n', ['unknown:qwen/qwen3-coder']],
  // The template as it stands still names nothing (row 618), a person's line stays a person's.
  ['Refactor\n\nCo-authored-by: <Tool Name> (<Model/Version>)\n', []],
  ['Refactor\n\nCo-authored-by: Ada Lovelace (<ada>)\n', []],
];

describe('a co-author line whose angle brackets hold no address', () => {
  it('log reads the model in them', () => {
    expectLog(CASES);
  });

  it('check refuses it under deny qwen/*', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    commitCase(repo, 'qwen', 'feat: q\n\nCo-authored-by: <Aider> (<qwen/qwen3-coder>)\n');
    const { code, json } = checkJson(repo.dir);
    expect(code).toBe(1);
    expect(json.violations.map((v) => `${v.rule} ${v.model}`)).toContain('model-denied qwen/qwen3-coder');
  });
});
