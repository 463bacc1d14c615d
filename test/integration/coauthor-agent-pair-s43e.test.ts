// aitrail's own `AGENT:MODEL` written on a co-author line (`Co-authored-by: aider:qwen3-coder`), or
// before an address under any key (`Assisted-by: aider:qwen3-coder <noreply@aider.chat>`): a name's
// reading took the pair for one word, so the line named no one: a human commit, past `deny: ["qwen/*"]`.
// Replayed through `log`, `aitrail check` and init's real hooks.
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { makeRepo } from '../helpers/gitdir.js';
import { type Case, expectLog } from '../helpers/log-cases.js';

const PAIRED = [
  'Co-authored-by: aider:qwen3-coder',
  'Co-authored-by: Aider:Qwen3-Coder',
  'Co-authored-by: aider:qwen3-coder <ada@example.com>',
  'Assisted-by: aider:qwen3-coder <ada@example.com>',
  'Assisted-by: aider:qwen3-coder <noreply@aider.chat>',
];

const CASES: Case[] = [
  ...PAIRED.map((line): Case => [`feat: x\n\n${line}\n`, ['aider:qwen/qwen3-coder']]),
  ['feat: x\n\nCo-authored-by: opencode:qwen3-coder\n', ['opencode:qwen/qwen3-coder']],
  // An agent's word, a colon and no model stays what it was: a person's line names no one.
  ['feat: x\n\nCo-authored-by: Cursor: Jane Doe\n', []],
  ['feat: x\n\nCo-authored-by: Devin: tier 2 <devin.smith@example.com>\n', []],
  ['feat: x\n\nCo-authored-by: Jane Doe <jane@example.com>\n', []],
];

describe("aitrail's AGENT:MODEL pair written as a co-author or before an address", () => {
  it('log reads the agent and its model', () => {
    expectLog(CASES);
  });

  it('check refuses each under deny qwen/*', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    const shas = PAIRED.map((line, at) => repo.commit(`feat: q${at}\n\n${line}\n`, { [`q${at}.txt`]: `${at}\n` }));
    const { code, json } = checkJson(repo.dir, `${base}..HEAD`);
    expect(code).toBe(1);
    const refused = new Set(json.violations.filter((v) => v.severity === 'error').map((v) => v.sha));
    expect([...refused].sort()).toEqual([...shas].sort());
  });

  it("init's hooks refuse the commit (a person's author, the line alone names aider and Qwen)", () => {
    const { repo, env } = hookedRepo();
    repo.write('.aitrailrc.yml', 'policy:\n  deny: ["qwen/*"]\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: policy'], { env }).code).toBe(0);
    for (const line of ['Co-authored-by: aider:qwen3-coder', 'Assisted-by: aider:qwen3-coder <noreply@aider.chat>']) {
      repo.write('q.txt', `${line}\n`);
      expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
      const result = tryGit(repo.dir, ['commit', '-q', '-F', '-'], { env, input: `feat: q\n\n${line}\n` });
      expect(result.code, result.stderr).not.toBe(0);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder/);
    }
  });
});
