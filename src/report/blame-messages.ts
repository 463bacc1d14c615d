import { sanitize } from '../core/sanitize.js';

const show = (text: string): string => sanitize(text, { max: 200 });

const FETCH_ALL = '  git fetch --unshallow\n  (GitHub Actions: actions/checkout with `fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`)\n';

/** What `aitrail blame` says to people (errors that end the run, notes on stderr). */
export const blameMessages = {
  shallowCut: (cut: readonly string[]) =>
    `this is a shallow clone and its history is cut at ${cut.map((sha) => sha.slice(0, 12)).join(', ')}, inside what blame reads: ` +
    'git blame would give that commit every older line, so the report would be wrong.\n' +
    `Fetch the full history and run again:\n${FETCH_ALL}` +
    'or pass --since <rev> with a revision inside the fetched history, or --allow-shallow to count those lines apart as unknown history.',
  shallowMissingSince: (since: string) =>
    `this is a shallow clone and it lacks '${show(since)}', the --since revision.\nFetch the full history and run again:\n${FETCH_ALL}`,
  skippedLink: (path: string, kind: 'symlink' | 'submodule') =>
    kind === 'symlink'
      ? `skipped '${show(path)}': a symbolic link (blame counts the lines of files, not links); name its target instead.`
      : `skipped '${show(path)}': a submodule (another repository); run aitrail blame inside it.`,
  skippedInside: (path: string, link: string, kind: 'symlink' | 'submodule') =>
    kind === 'symlink'
      ? `skipped '${show(path)}': it is under '${show(link)}', a symbolic link in this revision; name the real path instead.`
      : `skipped '${show(path)}': it is inside the submodule '${show(link)}' (another repository); run aitrail blame inside it.`,
  attributesUnread: (reason: string) => `linguist-generated not read: ${reason}; generated files are counted like any other (leave them out with --exclude).`,
};
