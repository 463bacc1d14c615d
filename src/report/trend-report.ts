import type { TrendRelease, TrendReport } from '../core/trend/types.js';
import { UsageError } from '../errors/usage-error.js';
import { UnknownRevisionError } from '../git/unknown-revision.js';
import { oneGlobAFlag } from './blame-messages.js';
import { locateRepo } from '../git/repo.js';
import { resolveCommit } from '../git/resolve-commit.js';
import { tagsByVersion } from '../git/version-tags.js';
import { sealTallied } from './cache-seal.js';
import { blameReport, type BlameRun } from './blame-report.js';
import { warnAmbiguous } from './warn-ambiguous.js';
import { trendMessages } from './trend-messages.js';
import { reportWarnings } from '../core/blame/report-warnings.js';

export interface TrendRun extends Omit<BlameRun, 'rev' | 'since' | 'onProgress'> {
  /** Revisions in order, after the tags. */
  revs?: string[];
  /** A glob over tag names (`v*`): those tags, in version order, come first. */
  tags?: string;
  /** Before each pair (1-based `index`). */
  onPair?: (index: number, count: number, since: string, rev: string) => void;
  /** The most releases (pairs, one blame each) a run compares; more is refused (exit 2). Default `TREND_MAX_RELEASES`. */
  maxReleases?: number;
  /** Files blamed within the current pair. */
  onProgress?: (done: number, total: number) => void;
}

interface Point {
  name: string;
  sha: string;
}

const UNSAFE = /[\0-\x1f\x7f]/;

/**
 * The most releases `trend` compares unless `--max-releases` says more (row 828): each is a blame,
 * and a glob over 10,000 tags (anyone who can push tags can add them) took minutes before a word.
 */
export const TREND_MAX_RELEASES = 1000;

/** The revisions to compare, resolved to commits: the matching tags in version order, then `revs`. */
async function points(root: string, run: TrendRun): Promise<Point[]> {
  const named: { name: string; spec: string; tag: boolean }[] = [];
  if (run.tags !== undefined) {
    if (run.tags === '' || UNSAFE.test(run.tags)) throw new UsageError(trendMessages.badGlob(run.tags));
    for (const tag of await tagsByVersion(root, run.tags)) named.push({ name: tag, spec: `refs/tags/${tag}`, tag: true });
  }
  for (const rev of run.revs ?? []) {
    if (rev === '' || rev.startsWith('-') || UNSAFE.test(rev)) throw new UsageError(trendMessages.badRev(rev));
    named.push({ name: rev, spec: rev, tag: false });
  }
  // Refused before any revision is resolved or blamed: one blame per release, and each tag one lookup.
  const max = run.maxReleases ?? TREND_MAX_RELEASES;
  if (!Number.isSafeInteger(max) || max < 1) throw new UsageError(trendMessages.badMax());
  if (named.length - 1 > max) throw new UsageError(trendMessages.tooMany(named.length, max, run.tags));
  const shas = await Promise.all(named.map(({ spec }) => resolveCommit(root, spec)));
  const out: Point[] = [];
  named.forEach(({ name, tag }, index) => {
    const sha = shas[index];
    if (sha) out.push({ name, sha });
    else if (tag) run.onWarning?.(trendMessages.notCommit(name));
    // Glob characters no ref name holds: a glob given after another flag's one (`--include '*.py' '*.sh'`), a usage slip.
    else if (oneGlobAFlag(name)) throw new UsageError(trendMessages.unknownRev(name));
    else throw new UnknownRevisionError('revision', name);
  });
  await warnAmbiguous(root, named.filter(({ tag }) => !tag).map(({ name }): [string, string] => ['revision', name]), run.onWarning);
  if (out.length < 2) throw new UsageError(trendMessages.tooFew(out.length, run.tags));
  return out;
}

/**
 * `aitrail trend`: for each consecutive pair (A, B) of the revisions, exactly what
 * `blame --since A --rev B` reports (same options, same cache), one pair after the other.
 */
export async function trendReport(given: TrendRun): Promise<TrendReport> {
  // Every warning said (stderr) rides in the report too (row 826).
  const said: string[] = [];
  const run: TrendRun = {
    ...given,
    onWarning: (message: string) => {
      said.push(message);
      given.onWarning?.(message);
    },
  };
  const cwd = run.cwd ?? process.cwd();
  const repo = await locateRepo(cwd);
  const list = await points(repo.root, run);
  const releases: TrendRelease[] = [];
  // The seal warning once per trend, not once per release (nor once per process: row 1018's warning, task s52a), after
  // the last release, counting every release's entries: said with the first one's count, a restored cache's later
  // releases' entries were left out of the figure (row 1045).
  const { warning: foreign } = await sealTallied(async () => {
    for (let index = 1; index < list.length; index += 1) {
      const since = list[index - 1]!;
      const rev = list[index]!;
      run.onPair?.(index, list.length - 1, since.name, rev.name);
      const { report } = await blameReport({ ...run, cwd, since: since.sha, rev: rev.sha, sayRewired: index === 1, sayForeignSeals: false });
      releases.push({ since: since.sha, rev: rev.sha, sinceName: since.name, revName: rev.name, totals: report.totals, ...(report.excluded ? { excluded: report.excluded } : {}) });
    }
  });
  if (foreign) run.onWarning!(foreign);
  const warnings = reportWarnings(said);
  return { releases, ...(warnings.length > 0 ? { warnings } : {}) };
}
