// Vendors' API model ids the catalog did not know (Alibaba's `qwen-long`, Z.ai's `glm-4.5-airx`,
// `glm-4.5-x`, `glm-4.7-flashx`), named as a co-author at an address: at an address only a model the
// catalog knows is read (a person may be called `Qwen Li`), so each named no one: a human commit,
// past `deny: ["qwen/*"]` / `deny: ["z-ai/*"]`. Replayed through `log`, `aitrail check` and init's hooks.
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { makeRepo } from '../helpers/gitdir.js';
import { type Case, expectLog } from '../helpers/log-cases.js';

const LINES: [string, string][] = [
  ['Co-authored-by: qwen-long <qwen-long@example.com>', 'qwen/qwen-long'],
  ['Co-authored-by: Qwen-Long <noreply@example.com>', 'qwen/qwen-long'],
  ['Co-authored-by: glm-4.5-airx <noreply@example.com>', 'z-ai/glm-4.5-airx'],
  ['Co-authored-by: GLM-4.5-X <glm@example.com>', 'z-ai/glm-4.5-x'],
  ['Co-authored-by: glm-4.7-flashx <bot@example.com>', 'z-ai/glm-4.7-flashx'],
];

const CASES: Case[] = [
  ...LINES.map(([line, model]): Case => [`feat: x\n\n${line}\n`, [`unknown:${model}`]]),
  // People stay people: a given name alone, and a vendor's word before a surname written as a name is.
  ['feat: x\n\nCo-authored-by: Kimi <kimi.r@example.com>\n', []],
  ['feat: x\n\nCo-authored-by: Qwen Long <qwen.long@example.com>\n', []],
  ['feat: x\n\nCo-authored-by: Long <long@example.com>\n', []],
];

describe("vendors' API model ids as a co-author at an address", () => {
  it('log reads each as its model', () => {
    expectLog(CASES);
  });

  it('check refuses each under deny qwen/* and z-ai/*', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*", "z-ai/*"]\n' });
    const shas = LINES.map(([line], at) => repo.commit(`feat: m${at}\n\n${line}\n`, { [`m${at}.txt`]: `${at}\n` }));
    const { code, json } = checkJson(repo.dir, `${base}..HEAD`);
    expect(code).toBe(1);
    const refused = new Set(json.violations.filter((v) => v.severity === 'error').map((v) => v.sha));
    expect([...refused].sort()).toEqual([...shas].sort());
  });

  it("init's hooks refuse the commit (a person's author, the line alone names the model)", () => {
    const { repo, env } = hookedRepo();
    repo.write('.aitrailrc.yml', 'policy:\n  deny: ["qwen/*"]\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: policy'], { env }).code).toBe(0);
    repo.write('q.txt', 'q\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const result = tryGit(repo.dir, ['commit', '-q', '-F', '-'], { env, input: 'feat: q\n\nCo-authored-by: qwen-long <qwen-long@example.com>\n' });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/qwen\/qwen-long/);
  });
});
