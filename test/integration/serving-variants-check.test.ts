// Row 339: DeepInfra's `DeepSeek-R1-Turbo` (the same weights, served quantised) declared in a trailer
// is refused by a policy that denies the exact model `deepseek/deepseek-r1`; the commit before it,
// declaring an allowed model, passes.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('a serving variant under an exact-id policy', () => {
  it('check refuses DeepSeek-R1-Turbo under deny: ["deepseek/deepseek-r1"]', () => {
    const repo = makeRepo();
    const base = repo.commit('config\n', { '.aitrailrc.json': '{"policy":{"deny":["deepseek/deepseek-r1"]}}\n' });
    repo.commit('allowed\n\nAssisted-by: aider:openai/gpt-oss-120b-Turbo\n', { 'a.txt': 'a\n' });
    const variant = repo.commit('feat\n\nAssisted-by: aider:deepseek-ai/DeepSeek-R1-Turbo\n', { 'b.txt': 'b\n' });
    const result = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { commits: number; violations: { sha: string; rule: string; model: string }[] };
    expect(report.commits).toBe(2);
    expect(report.violations.map(({ sha, rule, model }) => ({ sha, rule, model }))).toEqual([{ sha: variant, rule: 'model-denied', model: 'deepseek/deepseek-r1' }]);
  });
});
