// Session 29 (rows 346 and 347): agents' commit footprints seen in public repositories in 2026,
// read as a person's (or with no model) by `log`, `blame` and `check`: an `Agent-Model:` trailer
// (a pi extension's `Co-authored-by: pi <noreply@pi.dev>` / `Agent-Model: openai-codex/<model>`,
// projects' agent-signature rules), Cursor's cloud agent footer whose links now carry
// `?cursor_ref=pr_footer&cursor_cta=…`, Devin's `Link to Devin session:` line. Real git repos, the
// built CLI, a real bare server with the pre-receive hook, and the shims in a hooked repository.
// These tests failed before their fix.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURSOR_FOOTER_2026 as CURSOR_FOOTER } from '../helpers/agent-footers.js';
import { aitrail } from '../helpers/cli.js';
import { expectEachRefused, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}

const HISTORY: [string, string, string[]][] = [
  ['pi', 'fix: retry the upload\n\nCo-authored-by: pi <noreply@pi.dev>\nAgent-Model: openai-codex/gpt-5.1-codex\n', ['pi:openai/gpt-5.1-codex']],
  ['signature', 'fix: tighten web UI focus states\n\nAgent-Model: claude-sonnet-4.5\nAgent-Family: anthropic\nAgent-Session: s1\n', ['unknown:anthropic/claude-sonnet-4.5']],
  ['cursor', `Fix the login redirect (#48)\n\nFixes the redirect.\n\n${CURSOR_FOOTER}\n`, ['cursor:unknown']],
  ['devin', 'Fix the title (#281)\n\n- x\n\nLink to Devin session: https://app.devin.ai/sessions/42313eb582eb45e2b9dfcfdb001da682\nRequested by: @jane\n', ['devin:unknown']],
  // People: a subject scoped by the key, "none", a run linked in prose.
  ['scope', 'agent-model: add gpt-5 to the list\n', []],
  ['none', 'fix: x\n\nAgent-Model: none\n', []],
  ['prose', 'docs: note\n\nSee https://app.devin.ai/sessions/42313eb582eb45e2b9dfcfdb001da682 for the session.\n', []],
];

describe('real agents footprints of 2026 (rows 346, 347)', () => {
  it('log reads each as its agent and model, blame counts its lines; the people stay people', () => {
    const repo = makeRepo();
    const shas = HISTORY.map(([name, message]) => repo.commit(message, { [`${name}.ts`]: `// ${name}\nexport const ${name} = 1;\n` }));
    const log = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    const bySha = new Map((JSON.parse(log.stdout) as LogJson[]).map((entry) => [entry.sha, entry]));
    HISTORY.forEach(([name, , expected], at) => {
      const entry = bySha.get(shas[at]!)!;
      expect({ name, got: entry.attributions.map((a) => `${a.agent}:${a.model}`) }).toEqual({ name, got: expected });
      expect(entry.ai, name).toBe(expected.length > 0);
    });
    const blame = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(blame.code, blame.stderr).toBe(0);
    const files = new Map((JSON.parse(blame.stdout) as { files: { path: string; ai: number; byAgent: Record<string, number> }[] }).files.map((f) => [f.path, f]));
    expect(files.get('cursor.ts')?.byAgent).toEqual({ cursor: 2 });
    expect(files.get('devin.ts')?.byAgent).toEqual({ devin: 2 });
    expect(files.get('pi.ts')?.byAgent).toEqual({ pi: 2 });
    for (const person of ['scope.ts', 'none.ts', 'prose.ts']) expect(files.get(person)?.ai, person).toBe(0);
  });

  it('check and pre-receive refuse a denied model named by Agent-Model, and the footers (unknown models) under unknownModel: deny', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n');
    expectEachRefused(remote, work, {
      alone: 'feat: a\n\nAgent-Model: qwen3-coder\n',
      companion: 'feat: b\n\nCo-authored-by: pi <noreply@pi.dev>\nAgent-Model: qwen/qwen3-coder\n',
      cursor: `feat: c (#48)\n\n${CURSOR_FOOTER}\n`,
      devin: 'feat: d\n\nLink to Devin session: https://app.devin.ai/sessions/42313eb582eb45e2b9dfcfdb001da682\n',
    });
  }, 120_000);

  it('the shims hand a commit with Agent-Model to node, which records it; a person commit starts nothing', () => {
    const { repo, env, started } = hookedRepo();
    const starts = () => readFileSync(started, 'utf8').split('\n').filter(Boolean).length;
    const before = starts();
    repo.write('p.txt', 'person\n');
    repo.git(['add', '-A']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'fix: person'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    repo.write('m.txt', 'model\n');
    repo.git(['add', '-A']);
    const made = tryGit(repo.dir, ['commit', '-q', '-F', '-'], { env, input: 'feat: model\n\nAgent-Model: qwen3-coder\n' });
    expect(made.code, made.stderr).toBe(0);
    expect(starts()).toBeGreaterThan(before);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('qwen/qwen3-coder');
  }, 60_000);
});
