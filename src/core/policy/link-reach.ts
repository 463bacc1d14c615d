import type { CompiledPathRule } from './compile-policy.js';
import { trimTrailing } from '../trim-run.js';
import { pathMatcher } from './glob-matcher.js';
import { macFoldedName } from '../mac-name.js';

/**
 * What a symbolic link's target is in the commit that makes the link: a file, a directory (with
 * the files under it, relative to it), or unknown (outside the repository, not there yet, a
 * submodule, or reached through another link).
 */
export type LinkTarget = { kind: 'file'; path: string } | { kind: 'directory'; path: string; files: readonly string[] } | { kind: 'unknown' };

/**
 * The repository path a link at `linkPath` whose text is `target` points to, resolved by its text
 * alone (as the file system would, minus other links on the way); null when it leaves the
 * repository (an absolute target, `..` past the top) or is empty. '' is the top itself.
 */
export function resolveLinkTarget(linkPath: string, target: string): string | null {
  if (target === '' || target.startsWith('/') || target.includes('\0')) return null;
  const parts = linkPath.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Compared as the path globs compare: case-insensitive, control characters read as `_` (glob-matcher.ts). */
const fold = (path: string): string => path.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '_').toLowerCase();

/**
 * The literal directories each glob of `rule` starts with (`src/crypto/**` → `src/crypto`);
 * '' for a glob that can match at any depth (`*.pem`, `secrets`, `** /keys/**`).
 */
function globBases(rule: CompiledPathRule): string[] {
  // Asked for each link and rule: worked out once per rule (a rule may hold 1,000 globs).
  let bases = basesOf.get(rule);
  if (bases === undefined) basesOf.set(rule, (bases = readBases(rule)));
  return bases;
}

const basesOf = new WeakMap<CompiledPathRule, string[]>();

function readBases(rule: CompiledPathRule): string[] {
  return rule.files.map((glob) => {
    const body = trimTrailing(glob.replace(/^\/+/, ''), '/');
    if (!body.includes('/')) return '';
    const literal: string[] = [];
    for (const segment of body.split('/')) {
      if (/[*?[\]{}()!+@\\]/.test(segment)) break;
      literal.push(segment);
    }
    return fold(literal.join('/'));
  });
}

/** A glob's literal directories and a link path: the link stands at or above them, or inside them (where the glob's wildcards may match). */
const related = (base: string, link: string): boolean => base === link || base.startsWith(`${link}/`) || link.startsWith(`${base}/`);

/** Whether a link at `linkPath` can be within reach of `rule` at all, whatever its target (when not, its target is never read). */
export function mayReach(rule: CompiledPathRule, linkPath: string): boolean {
  const link = fold(linkPath);
  return rule.matchFile(linkPath) !== undefined || globBases(rule).some((base) => base === '' || related(base, link));
}

/**
 * Whether a link at `linkPath` to `target` shows, at a path `rule` protects, lines that sit in a
 * file the rule does not protect (and so were never judged by it): a file link at a protected
 * path to an unprotected file; a directory link whose files show at protected paths, or that
 * stands above or at a directory the rule names, where files written later under its target
 * would show (unless the rule protects that place in the target too). A target that cannot be
 * known (nor what is written there later) is within reach when the link is at, above or inside
 * a directory the rule names. Not seen: a file written later under a directory link's target that
 * only a glob spanning the link's own name protects (`** /private/*.ts` and a link `app/private`:
 * its files at the time are checked).
 */
export function linkReaches(rule: CompiledPathRule, linkPath: string, target: LinkTarget): boolean {
  const protects = (path: string): boolean => rule.matchFile(path) !== undefined;
  const link = fold(linkPath);
  const bases = globBases(rule);
  const below = bases.filter((base) => base !== '' && (base === link || base.startsWith(`${link}/`)));
  if (target.kind === 'unknown') return protects(linkPath) || bases.some((base) => base !== '' && related(base, link));
  const into = target.path;
  if (protects(linkPath) && !protects(into)) return true;
  if (target.kind === 'file') return false;
  // A place the rule names at or under the link: the same place under the target must be protected too.
  if (below.some((base) => !protects(`${into === '' ? '' : `${into}/`}${base.slice(link.length + 1)}`.replace(/\/$/, '') || '.'))) return true;
  return target.files.some((file) => protects(`${linkPath}/${file}`) && !protects(into === '' ? file : `${into}/${file}`));
}

/**
 * Whether `rule` protects a path only by a name in it: each glob a plain name pattern (`*.pem`,
 * `secrets`, `**\/*.key`, `**\/keys/**`, but not `keys/**`, which starts at the top; letters,
 * digits, `.`, `_`, `-`, `*`, `?`), matched at any depth (as in .gitignore, glob-matcher.ts)
 * against each name of the path alone. Such a rule protects a path a link shows (the link's
 * path, then names of the changed file) exactly when it protects the link's path or the changed
 * file: one match for each link rather than one for each file it shows.
 */
export function protectsByNameOnly(rule: CompiledPathRule): boolean {
  return rule.files.length > 0 && rule.files.every((glob) => /^(?:\*\*\/(?:[A-Za-z0-9._?-]|\*(?!\*))+(?:\/|\/\*\*)?|(?:[A-Za-z0-9._?-]|\*(?!\*))+\/?)$/.test(glob));
}

/** A symbolic link in a tree and the repository path its text points to (resolveLinkTarget; '' the top). */
export interface ResolvedLink {
  path: string;
  text: string;
  target: string;
  /**
   * Set when `target` names no path of the tree exactly: its names as macOS reads them
   * (macFoldedName), each a component, since a Mac's checkout shows there any path equal to it
   * under that folding (`../../LIB/key.ts` shows `lib/key.ts`).
   */
  folded?: readonly string[];
}

/** A path's names as macOS reads them, one a component (remembered: a range asks each changed path of each link that misses). */
function foldedParts(path: string): readonly string[] {
  let parts = foldedPaths.get(path);
  if (parts === undefined) {
    if (foldedPaths.size >= 100_000) foldedPaths.clear();
    foldedPaths.set(path, (parts = path.split('/').map(macFoldedName)));
  }
  return parts;
}

const foldedPaths = new Map<string, readonly string[]>();

/**
 * For resolveThroughLinks' `foldedLink`: the link of `links` whose path equals `path` as macOS
 * reads names, when the tree (`exists`) holds nothing at `path` itself; the first by path when
 * several do. The folded index of the links is built at the first such miss.
 */
export function foldedLinkFinder(links: ReadonlyMap<string, string>, exists: (path: string) => boolean): (path: string) => string | undefined {
  let index: Map<string, string> | null = null;
  return (path) => {
    if (exists(path)) return undefined;
    if (index === null) {
      index = new Map();
      for (const at of [...links.keys()].sort()) {
        const key = foldedParts(at).join('/');
        if (!index.has(key)) index.set(key, at);
      }
    }
    return index.get(foldedParts(path).join('/'));
  };
}

/**
 * `link` with `folded` set when its target is neither a path of the tree nor the top (`exists`: the
 * tree's files and directories), or is one that has a folded twin (`twinned`): a tree holding both
 * `LIB/key.ts` and `lib/key.ts` is one file on a Mac, whichever git wrote last (a checkout of a
 * commit that changes only `lib/key.ts` writes it there), so `../../LIB/key.ts` shows either.
 */
export function foldedOnMiss(link: ResolvedLink, exists: (path: string) => boolean, twinned: ReadonlySet<string> = new Set()): ResolvedLink {
  if (link.target === '' || (exists(link.target) && !twinned.has(link.target))) return link;
  return { ...link, folded: link.target.split('/').map(macFoldedName) };
}

/** A whole path as macOS reads it (ASCII: its lower case, as macFoldedName reads an ASCII name). */
const foldedPath = (path: string): string => (ASCII.test(path) ? path.toLowerCase() : path.split('/').map(macFoldedName).join('/'));

/**
 * The `targets` (paths the tree holds) that another of `paths` (a tree's files and directories)
 * equals as macOS reads names (`LIB/key.ts` beside `lib/key.ts`, `LIB` beside `lib`). One pass over
 * the paths; one of printable ASCII is folded only when its length is a folded target's (an ASCII
 * name folds to its lower case, of the same length).
 */
export function foldedTwins(paths: Iterable<string>, targets: ReadonlySet<string>): ReadonlySet<string> {
  const wanted = new Map<string, number>();
  const lengths = new Set<number>();
  for (const target of targets) {
    const key = foldedPath(target);
    wanted.set(key, 0);
    lengths.add(key.length);
  }
  if (wanted.size === 0) return new Set();
  for (const path of paths) {
    if (!lengths.has(path.length) && ASCII.test(path)) continue;
    const key = foldedPath(path);
    const seen = wanted.get(key);
    if (seen !== undefined) wanted.set(key, seen + 1);
  }
  return new Set([...targets].filter((target) => (wanted.get(foldedPath(target)) ?? 0) > 1));
}

/**
 * Where `link` shows `path`: at the link's path (a file link to it), under it (a directory link
 * above it), or nowhere (undefined). By exact names, and for a link whose target the tree lacks
 * (`folded`), also by the names folded as macOS reads them (`src/crypto -> ../LIB` shows
 * `lib/x.ts` at `src/crypto/x.ts`).
 */
export function shownThrough(link: ResolvedLink, path: string): string | undefined {
  if (link.target === '') return `${link.path}/${path}`;
  if (path === link.target) return link.path;
  if (path.startsWith(`${link.target}/`)) return `${link.path}${path.slice(link.target.length)}`;
  const folded = link.folded;
  if (folded === undefined) return undefined;
  const parts = foldedParts(path);
  if (parts.length < folded.length) return undefined;
  for (let at = 0; at < folded.length; at += 1) if (parts[at] !== folded[at]) return undefined;
  if (parts.length === folded.length) return link.path;
  return `${link.path}/${path.split('/').slice(folded.length).join('/')}`;
}

/** A changed file as a link shows it elsewhere: `changed` (lib/key.ts) at `shown` (src/crypto/key.ts) through `link`. */
export interface ShownPath {
  changed: string;
  shown: string;
  link: ResolvedLink;
}

/**
 * Where `links` show the files of `changed`: a file link at its target, a directory link at every
 * file under its target (the top: every file), by folded names too for a target the tree lacks
 * (shownThrough). Followed through one link, as far as a link that
 * passes through another one is concerned: such a link's target names no file (row 21 refuses
 * it when a commit makes it).
 */
export function pathsShownByLinks(links: readonly ResolvedLink[], changed: readonly string[]): ShownPath[];
export function pathsShownByLinks(links: readonly ResolvedLink[], changed: readonly string[], keep: (shown: string) => boolean): Iterable<ShownPath>;
export function pathsShownByLinks(links: readonly ResolvedLink[], changed: readonly string[], keep?: (shown: string) => boolean): Iterable<ShownPath> {
  if (keep === undefined) return [...eachShown(links, changed, () => true)];
  return eachShown(links, changed, keep);
}

/** pathsShownByLinks one at a time, those `keep` accepts (a range may show a million paths: none is held for nothing). */
function* eachShown(links: readonly ResolvedLink[], changed: readonly string[], keep: (shown: string) => boolean): Generator<ShownPath> {
  for (const link of links) {
    for (const path of changed) {
      const shown = shownThrough(link, path);
      if (shown !== undefined && keep(shown)) yield { changed: path, shown, link };
    }
  }
}

/** A name the whole-path glob test reads as the last segment's own match (printable ASCII, no `\`, which picomatch may read as `/`). */
const PLAIN_NAME = /^[\x20-\x5b\x5d-\x7e]+$/;
const ASCII = /^[\x00-\x7f]*$/;
/**
 * A glob segment picomatch matches within one segment: letters, digits, `.`, `_`, `-`, space, `*`
 * (not `**`), `?`, and a brace list of plain words (`{crypto,keys}`, `*.{pem,key}`: no `.` in it,
 * which could make a range `{a..c}`, no slash, no nesting).
 */
const ONE_SEGMENT = /^(?:[A-Za-z0-9._ ?-]|\*(?!\*)|\{[A-Za-z0-9_ -]+(?:,[A-Za-z0-9_ -]+)+\})+$/;

/**
 * What a rule's globs ask of a file's name when the file's directory is not protected: each
 * glob's last segment, when every one is a pattern of one segment (`**\/keys/*.pem` → `*.pem`,
 * `secrets` → `secrets`, `src/{crypto,keys}/**` → `{crypto,keys}`), matched against the name
 * alone; null when one is not (`**`, classes, extglobs). A glob whose last segment is one segment
 * matches `dir/name` only where that segment matches `name`, so a name none of them matches is
 * protected only through its directory. Null for a rule with a negated glob.
 */
function nameTestOf(rule: CompiledPathRule): NameTest | null {
  const known = nameTests.get(rule);
  if (known !== undefined) return known;
  let endsInAny = false;
  const lasts = rule.files.map((glob) => {
    const segments = (trimTrailing(glob.replace(/^\/+/, ''), '/') || glob).split('/');
    // `X/**` matches `dir/name` where X matches `dir/name`, or `dir` or a directory above it (with `/**` after
    // it): X's last segment is the one a name must match (`src/{crypto,keys}/**` → `{crypto,keys}`).
    if (segments.length > 1 && segments[segments.length - 1] === '**') {
      segments.pop();
      endsInAny = true;
    }
    return segments.some((segment) => segment === '.' || segment === '..') ? '**' : segments[segments.length - 1]!;
  });
  let test: NameTest | null = null;
  // Not for a negated glob (`!**/*.md`, `!./x`): it matches every path its body does not, whatever the name
  // (`docs.md/run.ts`, behind a link to the unprotected `run.md`, was read as unprotected by its name `run.ts`).
  if (!rule.files.some((glob) => glob.includes('!')) && lasts.every((last) => ONE_SEGMENT.test(last))) {
    const lastMatch = pathMatcher(lasts);
    const seen = new Map<string, boolean>();
    const names = (name: string): boolean => {
      let found = seen.get(name);
      if (found === undefined) {
        if (seen.size >= 100_000) seen.clear();
        seen.set(name, (found = lastMatch(name) !== undefined));
      }
      return found;
    };
    // A name no last segment matches, to ask for `dir` what `X/**` says of every such name under it
    // (picomatch reads `k*/**` as not matching `keys` itself, but every file under it).
    const sentinel = endsInAny ? (SENTINELS.find((name) => !names(name)) ?? null) : null;
    if (!endsInAny || sentinel !== null) test = { names, sentinel };
  }
  nameTests.set(rule, test);
  return test;
}

/** Names a rule's last segments rarely match (nameTestOf's sentinel): plain printable ASCII, no `.` or `..`. */
const SENTINELS = ['~aitrail~', '~', '#', '=', '%25', ',', '@', '+'];

interface NameTest {
  /** Whether some glob's last segment matches the name. */
  names: (name: string) => boolean;
  /** For a rule with a glob `X/**`: a name no last segment matches, that answers for every other such name in a directory. */
  sentinel: string | null;
}

const nameTests = new WeakMap<CompiledPathRule, NameTest | null>();

/**
 * `rule.matchFile` for the paths links show (a million, for 300 links to the top and a
 * 4,000-file commit), answered by the directory where it can: a path under a protected directory
 * is protected (matchFile covers what is under a directory it matches); an ASCII path whose
 * directory is not protected and whose name no glob's last segment matches (nameTestOf) is not.
 * Only the rest is matched whole, `slow` of them. Which glob it returns may differ from
 * matchFile's (only whether one matches is read), never whether one does.
 */
export function shownPathMatcher(rule: CompiledPathRule): { match: (path: string) => string | undefined; slow: () => number } {
  const dirs = new Map<string, string | undefined>();
  const underDirs = new Map<string, string | undefined>();
  const names = nameTestOf(rule);
  let slow = 0;
  const match = (path: string): string | undefined => {
    const slash = path.lastIndexOf('/');
    if (slash <= 0) return (slow += 1), rule.matchFile(path);
    const dir = path.slice(0, slash);
    let atDir = dirs.get(dir);
    if (atDir === undefined && !dirs.has(dir)) {
      if (dirs.size >= 100_000) dirs.clear();
      dirs.set(dir, (atDir = rule.matchFile(dir)));
    }
    if (atDir !== undefined) return atDir;
    const name = path.slice(slash + 1);
    if (names !== null && PLAIN_NAME.test(name) && name !== '.' && name !== '..' && ASCII.test(dir) && !names.names(name)) {
      if (names.sentinel === null) return undefined;
      // A glob `X/**`: any name no last segment matches is answered as the sentinel is, once a directory.
      let under = underDirs.get(dir);
      if (under === undefined && !underDirs.has(dir)) {
        if (underDirs.size >= 100_000) underDirs.clear();
        underDirs.set(dir, (under = rule.matchFile(`${dir}/${names.sentinel}`)));
      }
      return under;
    }
    slow += 1;
    return rule.matchFile(path);
  };
  return { match, slow: () => slow };
}

/** Links followed on the way to one target before it is read as a loop (Linux's own limit, MAXSYMLINKS). */
export const MAX_LINK_HOPS = 40;

/** A target that names no place: the links on its way loop (or pass MAX_LINK_HOPS). */
export const LINK_LOOP = Symbol('link loop');

/**
 * The repository path a link at `linkPath` whose text is `text` shows, as the file system reads
 * it: each name on the way that is itself a symbolic link of `links` (path → text) is replaced by
 * its target, `..` after such a name going up from where it points (`src/crypto/k.ts ->
 * ../../lib/a.ts` with `lib/a.ts -> ../vendor/b.ts` shows `vendor/b.ts`; `../../d1/../lib/a.ts`
 * with `d1 -> x/y` shows `x/lib/a.ts`). Null when it leaves the repository or is empty; LINK_LOOP
 * when the links loop or pass MAX_LINK_HOPS. '' is the top. `ways`, when given, receives the
 * path read on at each link passed (that link's own path, the rest of the way by its text:
 * `lib/a.ts`, `d1/f.ts`): a commit that puts a file or directory there in place of the link
 * makes the first link show it. `foldedLink`, when given, names the link (its path in `links`) a
 * path on the way that is no link shows as macOS reads names (undefined for none): followed too.
 */
export function resolveThroughLinks(
  linkPath: string,
  text: string,
  links: ReadonlyMap<string, string>,
  ways?: string[],
  foldedLink?: (path: string) => string | undefined,
): string | null | typeof LINK_LOOP {
  const outside = (value: string): boolean => value === '' || value.startsWith('/') || value.includes('\0');
  if (outside(text)) return null;
  const parts = linkPath.split('/').slice(0, -1);
  const pending = text.split('/').reverse();
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.pop()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
      continue;
    }
    parts.push(part);
    let next = links.get(parts.join('/'));
    if (next === undefined && foldedLink !== undefined) {
      // A name the tree lacks that equals a link's path as macOS reads names: a Mac's checkout follows that link.
      const real = foldedLink(parts.join('/'));
      if (real !== undefined) {
        next = links.get(real);
        parts.splice(0, parts.length, ...real.split('/'));
      }
    }
    if (next === undefined) continue;
    if (ways !== undefined) {
      const way = resolveLinkTarget(`${parts.join('/')}/_`, [...pending].reverse().join('/') || '.');
      if (way !== null && !ways.includes(way)) ways.push(way);
    }
    if ((hops += 1) > MAX_LINK_HOPS) return LINK_LOOP;
    if (outside(next)) return null;
    parts.pop();
    for (const step of next.split('/').reverse()) pending.push(step);
  }
  return parts.join('/');
}

/**
 * The links `links` add inside directory links: a link `m` under the target `T` of a directory
 * link at `P` shows, at `P/(m less T)`, what `m` shows (`src/crypto -> ../lib` and `lib/inner ->
 * ../vendor`: `vendor/` at `src/crypto/inner`), and so on through links inside those, for those
 * `keep` accepts (within reach of a rule). A link pointing back inside the outer link's own target
 * (`up -> ..` in it) shows nothing the outer link does not already show, at a shorter path: not
 * added. Throws `tooMany` at `cap` added links (`found` has them).
 */
export function linksInsideDirectoryLinks(
  links: readonly ResolvedLink[],
  all: readonly ResolvedLink[],
  keep: (path: string) => boolean,
  cap: number,
  tooMany: () => Error,
  found: (added: ResolvedLink[]) => void = () => {},
): ResolvedLink[] {
  const known = new Set(links.map((link) => link.path));
  const added: ResolvedLink[] = [];
  // Those added so far, for a caller that keeps them past the cap.
  found(added);
  // By path: the links under a target are one run of them (found by halving, not by reading every link for every link).
  const sorted = [...all].sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
  const firstAtOrAfter = (prefix: string): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]!.path < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let round = links;
  for (let depth = 0; round.length > 0 && depth < MAX_LINK_HOPS; depth += 1) {
    const next: ResolvedLink[] = [];
    for (const outer of round) {
      // A link to the top shows every file already.
      if (outer.target === '') continue;
      const under = `${outer.target}/`;
      for (let at = firstAtOrAfter(under); at < sorted.length && sorted[at]!.path.startsWith(under); at += 1) {
        const inner = sorted[at]!;
        // Already shown by the outer link: its target at or under the outer target.
        if (inner.target === outer.target || inner.target.startsWith(under)) continue;
        const path = `${outer.path}/${inner.path.slice(under.length)}`;
        if (known.has(path) || !keep(path)) continue;
        known.add(path);
        const link = { path, text: inner.text, target: inner.target };
        next.push(link);
        added.push(link);
        if (added.length >= cap) throw tooMany();
      }
    }
    round = next;
  }
  return added;
}

/**
 * Whether `rule` protects a path `links` show a changed file at (the first glob that does, or
 * undefined), the file's own path aside: what linkShownPolicy asks of every file a range changes
 * (a person's 4,000 files and 300 links `src/dN/up -> ../..` are 1.2M shown paths). A file whose
 * name no glob's last segment matches (nameTestOf) is shown, through directory links, at paths
 * whose answer is that of their directory: answered once for the file's directory, not once a
 * link and a file. File links (the target is the file) and the other names are asked path by path
 * (shownPathMatcher; `slow` counts those matched whole). Exact: the same answer as asking each.
 */
export function linkShownMatcher(rule: CompiledPathRule, links: readonly ResolvedLink[]): { match: (path: string) => string | undefined; slow: () => number } {
  const shown = shownPathMatcher(rule);
  const names = nameTestOf(rule);
  const asciiLinks = links.every((link) => ASCII.test(link.path));
  const byTarget = new Map<string, ResolvedLink[]>();
  for (const link of links) byTarget.set(link.target, [...(byTarget.get(link.target) ?? []), link]);
  // Links whose target the tree lacks, asked of every path by its folded names (a Mac's checkout shows there what equals it so).
  const foldedLinks = links.filter((link) => link.folded !== undefined);
  const atFoldedFileLinks = (path: string): string | undefined => {
    for (const link of foldedLinks) {
      const at = shownThrough(link, path);
      if (at !== link.path) continue;
      const found = shown.match(at);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const byDir = new Map<string, string | undefined>();
  // Each link that shows `path` (a file link at its path, a directory link at its path and the rest), and what the rule says there.
  const eachShown = (path: string, dirLinksOnly: boolean): string | undefined => {
    if (!dirLinksOnly) {
      for (const link of byTarget.get(path) ?? []) {
        const found = shown.match(link.path);
        if (found !== undefined) return found;
      }
      const found = atFoldedFileLinks(path);
      if (found !== undefined) return found;
    }
    for (const link of links) {
      const at = shownThrough(link, path);
      if (at === undefined || at === link.path) continue;
      const found = shown.match(at);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const match = (path: string): string | undefined => {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const dir = slash === -1 ? '' : path.slice(0, slash);
    // A name no last segment reads: every directory link shows it where its directory decides (shownPathMatcher), the same for every such name.
    if (names !== null && asciiLinks && PLAIN_NAME.test(name) && name !== '.' && name !== '..' && ASCII.test(dir) && !names.names(name)) {
      for (const link of byTarget.get(path) ?? []) {
        const found = shown.match(link.path);
        if (found !== undefined) return found;
      }
      const atFileLink = atFoldedFileLinks(path);
      if (atFileLink !== undefined) return atFileLink;
      let found = byDir.get(dir);
      if (found === undefined && !byDir.has(dir)) {
        if (byDir.size >= 100_000) byDir.clear();
        byDir.set(dir, (found = eachShown(path, true)));
      }
      return found;
    }
    return eachShown(path, false);
  };
  return { match, slow: shown.slow };
}
