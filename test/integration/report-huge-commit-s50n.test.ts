// Row 966: row 943 refuses a commit object over 16 MiB unread in the judges, but the reports read it whole:
// `log` on a 34 MB message (`git hash-object -t commit -w`) took 41 s and 227 MB on a busy machine, `blame a` 18 s
// for a file that commit does not touch, and 200 MB would run a CI report job out of memory; a message padded past
// the bound with `Assisted-by:` at its end was read as that model. Now `log`, `blame` and `trend` do not keep such a
// commit's text: it is AI of an unknown model (`unread`), said on stderr and in the JSON's `warnings`.
// Row 1073: replayed with the bound divided by 256 (AITRAIL_SIZE_CAPS_DIVISOR: 64 KiB, commits of 80 KiB);
// one test keeps the real 16 MiB default (log on a 17 MiB message).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { SCALED, SCALED_ENV } from '../helpers/size-caps.js';

const CAP = 16 * 1024 * 1024;
const IDENT = 'A U Thor <author@example.com> 1700000000 +0000';
const notRead = (most: number): RegExp => new RegExp(`commit ([0-9a-f]{12}) was not read: (its text as git shows it|its object) is [\\d,]+ bytes, more than the ${most.toLocaleString('en-US')} a report reads, so it is counted as AI of an unknown model`);
const NOT_READ = notRead(SCALED.commit);
/** Past the bound under SCALED_ENV. */
const PAST = SCALED.commit + 16 * 1024;
const filler = (bytes: number): string => `${'x'.repeat(99)}\n`.repeat(Math.ceil(bytes / 100));

/** A commit on HEAD adding `big.ts` (3 lines), its message padded past the bound, a declaration at its end. */
function paddedCommit(repo: TestRepo, bytes = PAST): string {
  repo.write('big.ts', '1\n2\n3\n');
  repo.git(['add', 'big.ts']);
  const tree = repo.git(['write-tree']);
  const parent = repo.git(['rev-parse', 'HEAD']);
  const text = `tree ${tree}\nparent ${parent}\nauthor ${IDENT}\ncommitter ${IDENT}\n\nfeat: big\n\n${filler(bytes)}\nAssisted-by: qwen-code:qwen/qwen3-coder\n`;
  const sha = repo.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: text });
  repo.git(['reset', '-q', '--soft', sha]);
  return sha;
}

/** A merge of HEAD with itself whose `mergetag` header is past the bound (its tag's message declares qwen). */
function mergetagCommit(repo: TestRepo, bytes = PAST): string {
  const head = repo.git(['rev-parse', 'HEAD']);
  const tree = repo.git(['rev-parse', 'HEAD^{tree}']);
  const tag = `object ${head}\ntype commit\ntag v1\ntagger ${IDENT}\n\nrelease\n\n${filler(bytes)}\nAssisted-by: qwen-code:qwen/qwen3-coder`;
  const text = `tree ${tree}\nparent ${head}\nparent ${head}\nauthor ${IDENT}\ncommitter ${IDENT}\nmergetag ${tag.replace(/\n/g, '\n ')}\n\nMerge tag 'v1'\n`;
  const sha = repo.git(['hash-object', '-t', 'commit', '-w', '--stdin', '--literally'], { input: text });
  repo.git(['reset', '-q', '--soft', sha]);
  return sha;
}

interface Entry {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string; evidence: string[] }[];
  warnings?: string[];
}

function history(big: (repo: TestRepo, bytes?: number) => string, bytes = PAST): { repo: TestRepo; sha: string } {
  const repo = makeRepo();
  repo.commit('feat: a\n', { 'a.ts': 'a\n' });
  const sha = big(repo, bytes);
  repo.commit('feat: c\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'c.ts': 'c\n' });
  return { repo, sha };
}

describe('reports on a commit over 16 MiB (row 966)', () => {
  for (const [where, big, part, env, bytes, NOT_READ] of [
    ['message', paddedCommit, 'its text as git shows it', SCALED_ENV, PAST, notRead(SCALED.commit)],
    ['mergetag header', mergetagCommit, 'its object', SCALED_ENV, PAST, notRead(SCALED.commit)],
    // The real default, kept at its size (row 1073).
    ['message (at the real 16 MiB default)', paddedCommit, 'its text as git shows it', {}, CAP + 1024 * 1024, notRead(CAP)],
  ] as const) {
    it(`log does not read a commit whose ${where} is past the bound: unknown AI, said on stderr and in its entry`, () => {
      const { repo, sha } = history(big, bytes);
      const run = aitrail(repo.dir, ['log', '--format', 'json'], { env });
      expect(run.code, run.stderr).toBe(0);
      const entries = JSON.parse(run.stdout) as Entry[];
      expect(entries).toHaveLength(3);
      const entry = entries.find((e) => e.sha === sha)!;
      expect(entry.ai).toBe(true);
      expect(entry.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['unknown:unknown']);
      expect(entry.attributions[0]!.evidence[0]).toMatch(/^not read: /);
      expect(entry.warnings).toHaveLength(1);
      expect(entry.warnings![0]).toMatch(NOT_READ);
      expect(NOT_READ.exec(entry.warnings![0]!)?.[2]).toBe(part);
      // The commits around it read as before.
      expect(entries[0]!.attributions.map((a) => a.model)).toEqual(['anthropic/claude-opus-4.6']);
      expect(entries[2]).toMatchObject({ ai: false, attributions: [] });
      expect(entries[0]!.warnings).toBeUndefined();
      const said = run.stderr.split('\n').filter((line) => NOT_READ.test(line));
      expect(said).toEqual([`aitrail: warning: ${entry.warnings![0]}`]);
      expect(NOT_READ.exec(said[0]!)?.[1]).toBe(sha.slice(0, 12));
    });
  }

  it('blame counts the lines of such a commit as an unknown model and says so in warnings, cold and cached; a file it did not touch says nothing', () => {
    const { repo } = history(paddedCommit);
    for (const pass of ['cold', 'cached']) {
      const run = aitrail(repo.dir, ['blame', 'big.ts', '--format', 'json'], { env: SCALED_ENV });
      expect(run.code, `${pass}: ${run.stderr}`).toBe(0);
      const report = JSON.parse(run.stdout) as { totals: { ai: number; human: number; byModel: Record<string, number> }; warnings?: string[] };
      expect(report.totals).toMatchObject({ ai: 3, human: 0, byModel: { unknown: 3 } });
      expect(report.warnings?.filter((w) => NOT_READ.test(w))).toHaveLength(1);
      expect(run.stderr).toMatch(NOT_READ);
    }
    const other = aitrail(repo.dir, ['blame', 'a.ts', '--format', 'json'], { env: SCALED_ENV });
    expect(other.code, other.stderr).toBe(0);
    expect(JSON.parse(other.stdout)).toMatchObject({ totals: { ai: 0, human: 1 } });
    expect(other.stdout).not.toMatch(NOT_READ);
    expect(other.stderr).not.toMatch(NOT_READ);
  });

  it('trend counts it the same way and carries the warning in its JSON', () => {
    const { repo } = history(paddedCommit);
    repo.git(['tag', 'v1', 'HEAD~2']);
    repo.git(['tag', 'v2', 'HEAD']);
    const run = aitrail(repo.dir, ['trend', '--tags', 'v*', '--format', 'json'], { env: SCALED_ENV });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { warnings?: string[] };
    expect(report.warnings?.filter((w) => NOT_READ.test(w))).toHaveLength(1);
    expect(run.stdout).toContain('"unknown"');
    expect(run.stdout).not.toContain('qwen/qwen3-coder');
  });

  it('an honest 2 MB message is read whole as before', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n', { 'a.ts': 'a\n' });
    const sha = repo.commit(`feat: squash\n\n${filler(2 * 1024 * 1024)}\nAssisted-by: qwen-code:qwen/qwen3-coder\n`, { 'b.ts': 'b\n' });
    const run = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const entry = (JSON.parse(run.stdout) as Entry[]).find((e) => e.sha === sha)!;
    expect(entry.attributions.map((a) => `${a.agent}:${a.model}`)).toContain('qwen-code:qwen/qwen3-coder');
    expect(entry.warnings).toBeUndefined();
    expect(run.stderr).not.toContain('was not read');
  });
});
