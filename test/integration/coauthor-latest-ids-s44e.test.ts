// Vendors' API model ids that end in `-latest`, named as a co-author at an address: Moonshot's
// `kimi-latest` (and `kimi-latest-8k`…) and Alibaba's `qwen-vl-max-latest`. The catalog drops a
// `-latest` suffix, so `kimi-latest` was `kimi` (a given name, no model) and `qwen-vl-max-latest`
// `qwen-vl-max` (no model it knew; the word `latest` read as a person's): each named no one, a
// human commit past `deny: ["moonshotai/*"]` / `deny: ["qwen/*"]`. A person called Kimi stays a person.
// Replayed through `log`, `aitrail check` and init's hooks.
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

const LINES: [string, string][] = [
  ['Co-authored-by: kimi-latest <kimi@example.com>', 'moonshotai/kimi-latest'],
  ['Co-authored-by: Kimi-Latest <noreply@example.com>', 'moonshotai/kimi-latest'],
  ['Co-authored-by: kimi-latest-8k <bot@example.com>', 'moonshotai/kimi-latest'],
  ['Co-authored-by: qwen-vl-max-latest <bot@example.com>', 'qwen/qwen-vl-max'],
  ['Co-authored-by: qwen-vl-max <bot@example.com>', 'qwen/qwen-vl-max'],
  ['Co-authored-by: Qwen-VL-Plus <qwen@example.com>', 'qwen/qwen-vl-plus'],
];

const CASES: Case[] = [
  ...LINES.map(([line, model]): Case => [`feat: x\n\n${line}\n`, [`unknown:${model}`]]),
  // People stay people: a given name alone, with a surname, and `Latest` written as a name is.
  ['feat: x\n\nCo-authored-by: Kimi <kimi@example.com>\n', []],
  ['feat: x\n\nCo-authored-by: Kimi Raikkonen <kimi.r@example.com>\n', []],
  ['feat: x\n\nCo-authored-by: Kimi Latest <kimi@example.com>\n', []],
  ['feat: x\n\nCo-authored-by: kimi <kimi@example.com>\n', []],
  // The `-latest` of a model's name still folds, and a single word's own model is still read.
  ['feat: x\n\nAssisted-by: codestral-latest\n', ['unknown:mistralai/codestral']],
  ['feat: x\n\nCo-authored-by: qwen-max-latest <bot@example.com>\n', ['unknown:qwen/qwen-max']],
  ['feat: x\n\nAssisted-by: claude-3-5-sonnet-latest\n', ['unknown:anthropic/claude-3.5-sonnet']],
];

describe("vendors' `-latest` API ids as a co-author at an address", () => {
  it('log reads each as its model, and people as people', () => {
    expectLog(CASES);
  });

  it('check refuses each under deny moonshotai/* and qwen/*', () => {
    const { refused, shas } = refusedBy('policy:\n  deny: ["moonshotai/*", "qwen/*"]\n', LINES.map(([line], at) => `feat: m${at}\n\n${line}\n`));
    expect(refused).toEqual([...shas].sort());
  });

  it("init's hooks refuse the commit (a person's author, the line alone names the model)", () => {
    const { repo, env } = hookedRepo();
    repo.write('.aitrailrc.yml', 'policy:\n  deny: ["moonshotai/*"]\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: policy'], { env }).code).toBe(0);
    repo.write('k.txt', 'k\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const result = tryGit(repo.dir, ['commit', '-q', '-F', '-'], { env, input: 'feat: k\n\nCo-authored-by: kimi-latest <kimi@example.com>\n' });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/moonshotai\/kimi-latest/);
    // A person named Kimi commits as before.
    const person = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-F', '-'], { env, input: 'docs: k\n\nCo-authored-by: Kimi <kimi@example.com>\n' });
    expect(person.code, person.stderr).toBe(0);
  });
});
