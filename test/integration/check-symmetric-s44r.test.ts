import { afterAll, describe, expect, it } from 'vitest';
import { aitrail, reportOf } from '../helpers/cli.js';
import { project, QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

const CLAUDE_UNNAMED = 'Co-authored-by: Claude <noreply@anthropic.com>';

/**
 * main holds `mainPolicy`; `feature` (forked at its first commit) commits `branchPolicy`, then
 * Qwen's commit and one of Claude's with no model named; main then gains a person's commit with
 * `mainMore` (the sides diverge).
 */
function divergedSides(mainPolicy: string, branchPolicy: string, mainMore: Record<string, string> = { 'README.md': 'hi\n' }) {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': mainPolicy });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit('chore: policy\n', { '.aitrailrc.yml': branchPolicy });
  const qwen = repo.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
  const claude = repo.commit(`feat: lexer\n\n${CLAUDE_UNNAMED}\n`, { 'src/lexer.ts': 'export const l = 1;\n' });
  repo.git(['checkout', '-q', 'main']);
  repo.commit('docs: more\n', mainMore);
  repo.git(['checkout', '-q', 'feature']);
  return { repo, qwen, claude };
}

describe('684: A...B with diverged sides never drops the policy it cannot read', () => {
  it("main's config unreadable (two config files): HEAD...main is exit 2 as main...HEAD is, not judged by the branch's own policy alone", () => {
    const { repo } = divergedSides('policy:\n  deny: ["qwen/*"]\n', 'policy:\n  deny: []\n', { '.aitrailrc.json': '{"policy":{"deny":["qwen/*"]}}\n' });
    for (const range of ['HEAD...main', 'main...HEAD', 'main..HEAD']) {
      const check = aitrail(repo.dir, ['check', range, '--format', 'json']);
      expect(check.code, `${range}: ${check.stdout}${check.stderr}`).toBe(2);
      expect(check.stderr).toContain('found 2 config files');
      expect(reportOf(check.stdout)).toBe('');
    }
  });
});

describe('685: A...B judged by two policies reports each finding once, at its stricter severity', () => {
  it('the same commit, rule and model under both policies: one violation, an error when either says error', () => {
    const { repo, qwen, claude } = divergedSides(
      'policy:\n  deny: ["qwen/*"]\n  undeclared: deny\n  unknownModel: deny\n',
      'policy:\n  deny: ["qwen/qwen3-*"]\n  undeclared: warn\n  unknownModel: allow\n',
    );
    for (const range of ['HEAD...main', 'main...HEAD']) {
      const check = aitrail(repo.dir, ['check', range, '--format', 'json']);
      expect(check.code, check.stderr).toBe(1);
      expect(check.stderr).toContain('either may be the target branch');
      const report = JSON.parse(check.stdout) as { ok: boolean; policy: string; violations: { sha: string; rule: string; severity: string }[] };
      expect(report.ok).toBe(false);
      // The report names both policies that judged, not the branch's own alone.
      expect(report.policy).toBe(`${repo.git(['rev-parse', range.split('...')[0]!])}:.aitrailrc.yml and ${repo.git(['rev-parse', range.split('...')[1]!])}:.aitrailrc.yml`);
      const found = report.violations.map(({ sha, rule, severity }) => `${sha === qwen ? 'qwen' : sha === claude ? 'claude' : sha} ${rule} ${severity}`).sort();
      // main..HEAD under main's policy alone finds the same four.
      expect(found, range).toEqual(['claude undeclared error', 'claude unknown-model error', 'qwen model-denied error', 'qwen undeclared error']);
      const text = aitrail(repo.dir, ['check', range]);
      expect(text.stdout).toContain('4 errors, 0 warnings');
    }
  });
});

describe("686: A...B whose side names the remote's default branch is judged by that branch's policy alone", () => {
  /** origin/main denies qwen/*; `feature` (a person's commit) forks; main then allows Qwen and holds Qwen's commit of its own. */
  function honestBranchBehindMain() {
    const { work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: [] });
    work.git(['checkout', '-q', '-b', 'feature']);
    work.commit('feat: by hand\n', { 'src/hand.ts': 'export const h = 1;\n' });
    work.git(['checkout', '-q', 'main']);
    work.commit('chore: allow qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
    const mainQwen = work.commit(`feat: main's own\n\n${QWEN}\n`, { 'src/main.ts': 'export const m = 1;\n' });
    work.git(['update-ref', 'refs/remotes/origin/main', mainQwen]);
    work.git(['checkout', '-q', 'feature']);
    return { work, mainQwen };
  }

  it("an honest pull request forked before main loosened its policy: origin/main...HEAD and HEAD...origin/main pass, main's own commits not judged by the branch's older policy", () => {
    const { work } = honestBranchBehindMain();
    for (const range of ['origin/main...HEAD', 'HEAD...origin/main', 'origin...feature', 'HEAD...origin/HEAD']) {
      const check = aitrail(work.dir, ['check', range, '--format', 'json']);
      expect(check.code, `${range}: ${check.stdout}${check.stderr}`).toBe(0);
      expect(check.stderr).toContain('the remote default branch origin/main]');
      expect(check.stderr).not.toContain('either may be');
    }
  });

  it("a branch that loosened its own config, written first: HEAD...origin/main judged by main's; a local name for the same commit is not the remote's branch (both policies)", () => {
    const { work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: [] });
    work.git(['checkout', '-q', '-b', 'evil']);
    work.commit('chore: loosen\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
    const qwen = work.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
    work.git(['checkout', '-q', 'main']);
    const moved = work.commit('docs: more\n', { 'README.md': 'more\n' });
    work.git(['update-ref', 'refs/remotes/origin/main', moved]);
    work.git(['checkout', '-q', 'evil']);
    for (const range of ['HEAD...origin/main', 'origin/main...HEAD', 'HEAD...main']) {
      const check = aitrail(work.dir, ['check', range, '--format', 'json']);
      expect(check.code, `${range}: ${check.stderr}`).toBe(1);
      expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ sha: qwen, rule: 'model-denied' }));
      expect(check.stderr, range).toContain(range === 'HEAD...main' ? 'either may be' : 'the remote default branch origin/main]');
    }
  });
});
