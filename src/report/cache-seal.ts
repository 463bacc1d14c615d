import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { forgetAtRunEnd } from '../git/run-end.js';

/**
 * Every blame-cache entry is sealed: its file is `<HMAC-SHA256 hex>\n<JSON>`, the MAC over the
 * entry's place in the cache (`files/<key>.json`) and its JSON, under a key the cache directory
 * does not hold. A cache directory is restored in CI from `actions/cache`, which anyone who ever
 * ran code in a workflow of the repository may have written: its entries are trusted for counts
 * (a whole report, what git blame said of a file, who wrote a commit, a walk's anchors), so an
 * entry forged under a valid content key made the report lie. Unsealed or wrongly sealed entries
 * are misses (computed again and rewritten).
 *
 * The key: `AITRAIL_CACHE_SECRET` when set (CI: a repository secret, the same on every run, so
 * entries stay portable between clones; a fork's pull request run has no secret and cannot seal
 * an entry the default branch reads), else `<git common dir>/aitrail/cache-secret`, 32 random
 * bytes made on first use beside the cache directory, never inside it (a restored directory
 * does not carry it).
 */
const ENV = 'AITRAIL_CACHE_SECRET';
const NOT_SEALED = " not sealed under this clone's key ";
/**
 * The clone's key by cache directory, read once a run and forgotten at its end (row 1023): kept for the process, a
 * program calling the API over a folder whose repository was made again (removed and cloned anew) sealed its
 * entries under the old clone's key without writing it, and the next run of the CLI, making a key of its own,
 * found every entry foreign (warned, and computed cold).
 */
const keys = new Map<string, Promise<Buffer>>();
const forgetKeys = () => keys.clear();
/**
 * Each report's own count of entries read that exist but fail their seal (unsealed, or sealed under another key;
 * task s51x, after row 1018), carried by the report's asynchronous context (sealTallied), never a process-wide number:
 * two reports at once in one process (the typed API over two repositories) each said the other's entries or none,
 * and a report that failed left its count to the next report, of any repository (row 1021).
 */
const tallies = new AsyncLocalStorage<{ foreign: number }>();

/** `<common dir>/aitrail/cache-secret` for the cache directory `<common dir>/aitrail/blame-cache`. */
function secretFile(cacheRoot: string): string {
  return join(dirname(cacheRoot), 'cache-secret');
}

async function localSecret(cacheRoot: string): Promise<Buffer> {
  const file = secretFile(cacheRoot);
  const read = async () => {
    const text = (await readFile(file, 'utf8')).trim();
    return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : null;
  };
  try {
    const known = await read().catch(() => null);
    if (known) return known;
    // Made once: a temp file linked into place (link never replaces), so two runs agree on one.
    const fresh = randomBytes(32);
    // The temp file inside the cache directory: `<git dir>/aitrail/` holds only entries the
    // shims' fast path knows (src/core/fast-path-layout.ts).
    await mkdir(cacheRoot, { recursive: true });
    const temp = join(cacheRoot, `.cache-secret.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temp, `${fresh.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      try {
        await link(temp, file);
        return fresh;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      // Another run made it meanwhile; or it is not a key (truncated): replaced.
      const made = await read().catch(() => null);
      if (made) return made;
      await rename(temp, file);
      return fresh;
    } finally {
      await rm(temp, { force: true });
    }
  } catch {
    // a read-only git directory: entries sealed for this run only (no cache, no harm)
  }
  return randomBytes(32);
}

/** The sealing key for the cache at `cacheRoot` (one per run and directory). */
function keyFor(cacheRoot: string): Promise<Buffer> {
  const secret = process.env[ENV];
  if (secret) return Promise.resolve(createHash('sha256').update(`aitrail-cache-seal\0${secret}`).digest());
  let key = keys.get(cacheRoot);
  if (!key) {
    keys.set(cacheRoot, (key = localSecret(cacheRoot)));
    forgetAtRunEnd(forgetKeys);
  }
  return key;
}

function macOf(key: Buffer, cacheRoot: string, file: string, json: string): Buffer {
  const place = relative(cacheRoot, file).split(sep).join('/');
  return createHmac('sha256', key).update(place).update('\0').update(json).digest();
}

/** The JSON value of the entry `file` under `cacheRoot`, or undefined when it is missing, unsealed or sealed under another key. */
export async function readSealed(cacheRoot: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined; // no entry (an empty cache is no news)
  }
  try {
    const cut = text.indexOf('\n');
    const given = cut === 64 ? Buffer.from(text.slice(0, 64), 'hex') : null;
    const json = text.slice(65);
    if (!given || given.length !== 32 || !timingSafeEqual(given, macOf(await keyFor(cacheRoot), cacheRoot, file, json))) {
      const tally = tallies.getStore();
      if (tally) tally.foreign += 1;
      return undefined;
    }
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** Write `value` as the sealed entry `file` under `cacheRoot`, atomically (throws as writeFileAtomic does). */
export async function writeSealed(cacheRoot: string, file: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  const mac = macOf(await keyFor(cacheRoot), cacheRoot, file, json).toString('hex');
  await writeFileAtomic(file, `${mac}\n${json}`, { mkdir: true });
}

/**
 * `work` run with a count of its own of the entries it reads found unsealed or sealed under another key (a cache
 * restored from another clone without `AITRAIL_CACHE_SECRET`, or written under another secret): each was a
 * miss, so a CI run that restores the cache into a fresh checkout is cold every time without a word. The
 * warning is null when there were none (an empty or absent cache directory, every entry this key's). Only the
 * reads of `work` (and what it started) count: not another report running at the same time, nor one that failed
 * before it. Once per run is the caller's to keep (a trend says it once, for all its releases): a process that
 * makes several reports (the typed API, a test worker) hears it for each (task s51x, after row 1018; row 1021).
 * Inside another sealTallied (a trend around its releases' reports) the count is added to the enclosing one's, which
 * a trend says once for all its releases (row 1045).
 */
export async function sealTallied<T>(work: () => Promise<T>): Promise<{ value: T; warning: string | null }> {
  // A report inside another's count (a trend's releases): its entries are the enclosing one's too (row 1045).
  const outer = tallies.getStore();
  const tally = { foreign: 0 };
  try {
    const value = await tallies.run(tally, work);
    return { value, warning: foreignSealWarning(tally.foreign) };
  } finally {
    if (outer) outer.foreign += tally.foreign;
  }
}

function foreignSealWarning(count: number): string | null {
  if (count === 0) return null;
  const entries = count === 1 ? 'entry was' : 'entries were';
  return `${count} blame cache ${entries}${NOT_SEALED}(restored from another clone, such as an earlier CI run's actions/cache; written with another ${ENV}; or changed since) and ignored: this report was computed without them, and without one key on every run a restored cache is never used. Set ${ENV} from a repository secret; see README "Big repositories in CI".`;
}

