import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { project, QWEN, QWEN_KEY } from '../helpers/enforce-repos.js';
import { addNote } from '../helpers/git-ai-notes.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

interface Report {
  base: string | null;
  otherBase: string | null;
  policy: string;
  violations: { sha: string; rule: string; severity: string; message: string }[];
}

/**
 * main (`deny: ["qwen/*"]`, undeclared and unknown models errors) and `feature` (its own looser
 * policy, Qwen's and Claude's commits) diverged, main holding a Qwen commit of its own: every
 * commit made in the same second (git lists them in the order of the tips it was given).
 */
function diverged() {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: deny\n  unknownModel: deny\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/qwen3-*"]\n  undeclared: warn\n  unknownModel: allow\n' });
  repo.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
  repo.commit('feat: lexer\n\nCo-authored-by: Claude <noreply@anthropic.com>\n', { 'src/lexer.ts': 'export const l = 1;\n' });
  repo.git(['checkout', '-q', 'main']);
  repo.commit(`feat: main's own\n\n${QWEN}\n`, { 'src/m.ts': 'export const m = 1;\n' });
  return repo;
}

describe('699: a diverged A...B judged by two policies reports the same, in the same order and words, whichever side is written first', () => {
  it('main...feature and feature...main: the same violations, word for word and in order; base and otherBase name both tips', () => {
    const repo = diverged();
    const main = repo.git(['rev-parse', 'main']);
    const feature = repo.git(['rev-parse', 'feature']);
    const reports = ['main...feature', 'feature...main'].map((range) => {
      const check = aitrail(repo.dir, ['check', range, '--format', 'json']);
      expect(check.code, check.stderr).toBe(1);
      return JSON.parse(check.stdout) as Report;
    });
    // At f7e0bfc: each in git's order of its spelling, with the left tip's words on a tie (`"qwen/*"` or `"qwen/qwen3-*"`).
    expect(reports[1]!.violations).toEqual(reports[0]!.violations);
    expect(reports[0]!.violations.filter((violation) => violation.rule === 'model-denied')).toHaveLength(2);
    // The second policy's commit, which `base` (the left tip's) left out.
    expect([reports[0]!.base, reports[0]!.otherBase]).toEqual([main, feature]);
    expect([reports[1]!.base, reports[1]!.otherBase]).toEqual([feature, main]);
    // One policy: no second commit.
    const one = JSON.parse(aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']).stdout) as Report;
    expect([one.base, one.otherBase]).toEqual([main, null]);
  });
});

describe('699: one policy, the remote default branch named on either side', () => {
  it('origin/main...HEAD and HEAD...origin/main: the same violations in the same order', () => {
    const { work } = project('policy:\n  deny: ["qwen/*"]\n  undeclared: deny\n', { hooks: [] });
    work.git(['checkout', '-q', '-b', 'feature']);
    work.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
    work.commit(`feat: lexer\n\n${QWEN}\n`, { 'src/lexer.ts': 'export const l = 1;\n' });
    work.git(['checkout', '-q', 'main']);
    const own = work.commit(`feat: main's own\n\n${QWEN}\n`, { 'src/m.ts': 'export const m = 1;\n' });
    work.git(['update-ref', 'refs/remotes/origin/main', own]);
    work.git(['checkout', '-q', 'feature']);
    const [first, second] = ['origin/main...HEAD', 'HEAD...origin/main'].map((range) => {
      const check = aitrail(work.dir, ['check', range, '--format', 'json']);
      expect(check.code, check.stderr).toBe(1);
      return JSON.parse(check.stdout) as Report;
    });
    expect(first!.violations).toHaveLength(6);
    expect(second!.violations).toEqual(first!.violations);
  });
});

describe("700: the second tip's policy says its own warnings", () => {
  it("a note the second policy's path rules read, and a misnamed config at the second tip: both said; what both judgements say, once", () => {
    const repo = makeRepo();
    // main allows everything; its older commit wrote lib/key.ts, with a git-ai note that cannot be parsed.
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
    const older = repo.commit('feat: key\n', { 'lib/key.ts': QWEN_KEY });
    addNote(repo, older, 'not a git-ai note\n');
    repo.git(['checkout', '-q', '-b', 'feature']);
    // feature protects src/crypto (path rules: lines judged, their writers' notes read), keeps a stricter file aitrail does not read, and moves the key there.
    repo.commit('chore: protect crypto\n', {
      '.aitrailrc.yml': 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n',
      '.aitrail.yml': 'policy:\n  deny: ["qwen/*"]\n',
    });
    repo.git(['rm', '-q', 'lib/key.ts']);
    const moved = repo.commit('refactor: key into crypto\n', { 'src/crypto/key.ts': QWEN_KEY });
    // A note both judgements read (a commit of the range): said once.
    addNote(repo, moved, 'not a git-ai note either\n');
    repo.git(['checkout', '-q', 'main']);
    repo.commit('docs: more\n', { 'README.md': 'more\n' });
    const check = aitrail(repo.dir, ['check', 'main...feature', '--format', 'json']);
    expect(check.code, check.stderr).toBe(0);
    // At f7e0bfc: neither said (the second judgement's warnings dropped, B's tip's files not listed).
    expect(check.stderr).toContain(`the git-ai note of commit ${older.slice(0, 12)} is malformed`);
    // Under the line naming feature's policy, which it concerns.
    expect(check.stderr).toMatch(/\[tip of feature as well[^\n]*\]\naitrail: warning: \.aitrail\.yml at the repository root looks meant as aitrail's config/);
    expect(check.stderr.match(/\.aitrail\.yml.*looks meant/g)).toHaveLength(1);
    expect(check.stderr.match(new RegExp(`note of commit ${moved.slice(0, 12)} is malformed`, 'g'))).toHaveLength(1);
    expect((JSON.parse(check.stdout) as Report).otherBase).toBe(repo.git(['rev-parse', 'feature']));
  });
});
