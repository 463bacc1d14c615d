import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

describe('check A...B --policy-from: the same report whichever side is written first (699 with the policy named)', () => {
  it('main...feature and feature...main under --policy-from main list the same violations in the same order', () => {
    // Every commit made in the same second: git lists them in the order of the tips it was given.
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
    repo.commit(`feat: lexer\n\n${QWEN}\n`, { 'src/lexer.ts': 'export const l = 1;\n' });
    repo.git(['checkout', '-q', 'main']);
    repo.commit(`feat: main's own\n\n${QWEN}\n`, { 'src/m.ts': 'export const m = 1;\n' });
    const [one, other] = ['main...feature', 'feature...main'].map((range) => {
      const check = aitrail(repo.dir, ['check', range, '--policy-from', 'main', '--format', 'json']);
      expect(check.code, check.stderr).toBe(1);
      return (JSON.parse(check.stdout) as { violations: { sha: string; rule: string }[] }).violations;
    });
    expect(one).toHaveLength(6);
    expect(other).toEqual(one);
  });
});
