// Review of row 628 (session 42, helper w): with `zai` a person's name, Z.ai's own co-author
// identities (`z.ai <noreply@z.ai>`, `Zai <noreply@z.ai>`, `ZAI <noreply@bigmodel.cn>`) named no one:
// a human commit, past `deny: ["z-ai/*"]`. Replayed through `aitrail check` and the real hooks.
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { commitWith, project, tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { makeRepo } from '../helpers/gitdir.js';
import { type Case, expectLog } from '../helpers/log-cases.js';

const ZAI_LINES = [
  'Co-authored-by: z.ai <noreply@z.ai>',
  'Co-authored-by: Zai <noreply@z.ai>',
  'Co-authored-by: Z.AI <noreply@z.ai>',
  'Co-authored-by: zai-glm <noreply@zhipuai.cn>',
  'Co-authored-by: ZAI <noreply@bigmodel.cn>',
];

const CASES: Case[] = [
  ...ZAI_LINES.map((line): Case => [`feat: x\n\n${line}\n`, ['unknown:z-ai/unknown']]),
  // A person named Zai stays a person (row 628), also at Z.ai's domain under a mailbox of their own.
  ['feat: x\n\nCo-authored-by: Zai Dium\n', []],
  ['feat: x\n\nCo-authored-by: Zai <zai.erb@example.edu>\n', []],
  ['feat: x\n\nCo-authored-by: Zai <zai@z.ai>\n', []],
];

describe("Z.ai's own co-author identities after row 628", () => {
  it('log reads them as Z.ai, people named Zai as people', () => {
    expectLog(CASES);
  });

  it('check refuses each under deny z-ai/*', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["z-ai/*"]\n' });
    const shas = ZAI_LINES.map((line, at) => repo.commit(`feat: z${at}\n\n${line}\n`, { [`z${at}.txt`]: `${at}\n` }));
    const { code, json } = checkJson(repo.dir, `${base}..HEAD`);
    expect(code).toBe(1);
    const refused = new Set(json.violations.filter((v) => v.severity === 'error').map((v) => v.sha));
    expect([...refused].sort()).toEqual([...shas].sort());
  });

  it('the commit-msg hook refuses it', () => {
    const { work } = project('policy:\n  deny: ["z-ai/*"]\n');
    const result = commitWith(work, 'feat: z\n\nCo-authored-by: Zai <noreply@z.ai>\n', { 'z.txt': 'z\n' });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/z-ai/);
  });

  it("init's shims refuse it (a person's author, the line alone names Z.ai)", () => {
    const { repo, env } = hookedRepo();
    repo.write('.aitrailrc.yml', 'policy:\n  deny: ["z-ai/*"]\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: policy'], { env }).code).toBe(0);
    repo.write('z.txt', 'z\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const result = tryGit(repo.dir, ['commit', '-q', '-F', '-'], { env, input: 'feat: z\n\nCo-authored-by: ZAI <noreply@bigmodel.cn>\n' });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/z-ai/);
  });
});
