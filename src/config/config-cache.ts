import { lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { aliasModelNames, MODEL_NAMES_TAG, primeModelNames } from '../core/catalog.js';
import type { LoadedConfig } from '../core/types.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { SCHEMA_HASH } from './schema-hash.generated.js';

/**
 * Bump when loading or validation rules change without a schema change (5: a YAML config holding a
 * lone carriage return or a control character is refused; an entry an older build wrote for one is not served; 6: so is a JSON config or
 * package.json `aitrail` key holding a lone carriage return; 7: a YAML plain value over several lines, and a file glob with
 * white space at a name's end or a space other than U+0020, a root file whose name shows as a search place, a folder at a search place;
 * 8: a file glob's lookalike letter set apart from its word by glob syntax, `src/[с]rypto/**`, a fullwidth or mathematical Latin letter, `src/ｃrypto/**`, a word all of lookalikes, `*.ру`, white space beside a comma of a `{…}` list, and a character that shows as `*` or `/`, `src/crypto/∗∗`, which a format-7 build accepted; 9: a model glob's brace range picomatch misreads, `{15..19}`, row 886; 10: a file glob's, `src/v{10..12}/**`, row 908).
 */
const CACHE_FORMAT = 10;
const CACHE_FILE = 'config-cache.json';

/** Identity of one candidate file: any change (content, replacement, symlink retarget) changes it. */
export interface FileStamp {
  path: string;
  /** `null`: nothing there. */
  size: number | null;
  mtimeMs: number | null;
  ctimeMs: number | null;
  ino: number | null;
  /** The link itself, when the path is a symlink (its target is what size/mtime/ino describe). */
  link: string | null;
}

interface CacheEntry {
  format: number;
  schema: string;
  key: string;
  stamps: FileStamp[];
  loaded: LoadedConfig;
  /** The config's `detect.aliases` keys with their normalised model names (catalog.ts aliasModelNames), under the catalog's tag. */
  names?: { tag: string; names: unknown };
}

/** Stamp every file whose presence or content could change the config in force. */
export function stampFiles(paths: readonly string[]): FileStamp[] {
  return paths.map((path) => {
    let link: string | null = null;
    try {
      // Most places hold nothing: asked without an exception each (a hook stamps six places on every run).
      const own = lstatSync(path, { throwIfNoEntry: false });
      if (own?.isSymbolicLink()) link = `${own.ino}:${own.mtimeMs}:${own.ctimeMs}`;
      const target = own === undefined ? undefined : statSync(path, { throwIfNoEntry: false });
      if (target === undefined) return { path, size: null, mtimeMs: null, ctimeMs: null, ino: null, link };
      return { path, size: target.size, mtimeMs: target.mtimeMs, ctimeMs: target.ctimeMs, ino: target.ino, link };
    } catch {
      return { path, size: null, mtimeMs: null, ctimeMs: null, ino: null, link };
    }
  });
}

/** The cached config when every stamp is unchanged, else null. Never throws. */
export function readConfigCache(cacheDir: string, key: string, stamps: readonly FileStamp[]): LoadedConfig | null {
  try {
    const entry = JSON.parse(readFileSync(join(cacheDir, CACHE_FILE), 'utf8')) as CacheEntry;
    if (entry.format !== CACHE_FORMAT || entry.schema !== SCHEMA_HASH || entry.key !== key) return null;
    if (JSON.stringify(entry.stamps) !== JSON.stringify(stamps)) return null;
    const { config, filepath } = entry.loaded;
    if (config === null || typeof config !== 'object' || Array.isArray(config)) return null;
    if (filepath !== null && typeof filepath !== 'string') return null;
    // A hook then normalises none of the config's aliases again (only names of this very catalog).
    const aliases = (config as { detect?: { aliases?: unknown } }).detect?.aliases;
    // Names an earlier catalog normalised (aitrail upgraded): a miss, so that the entry is written
    // again with this catalog's names; kept, it had every later hook normalise each alias (~1.5 ms).
    if (entry.names?.tag !== MODEL_NAMES_TAG && aliases !== null && typeof aliases === 'object' && Object.keys(aliases).length > 0) return null;
    if (entry.names?.tag === MODEL_NAMES_TAG) primeModelNames(aliases, entry.names.names);
    return { config, filepath };
  } catch {
    return null;
  }
}

/** Files modified this recently are not cached: a coarse clock (FAT: 2 s) could hide a second edit (git's "racy" problem). */
const RACY_MS = 2000;

/** Store a validated config (atomically: temp file + rename). Best effort: a cache is never required. */
export function writeConfigCache(cacheDir: string, key: string, stamps: readonly FileStamp[], loaded: LoadedConfig): void {
  const now = Date.now();
  if (stamps.some((stamp) => stamp.mtimeMs !== null && stamp.mtimeMs > now - RACY_MS)) return;
  const aliases = (loaded.config as { detect?: { aliases?: unknown } } | null)?.detect?.aliases;
  const entry: CacheEntry = { format: CACHE_FORMAT, schema: SCHEMA_HASH, key, stamps: [...stamps], loaded, names: { tag: MODEL_NAMES_TAG, names: aliasModelNames(aliases) } };
  try {
    writeFileAtomicSync(join(cacheDir, CACHE_FILE), JSON.stringify(entry), { mkdir: true });
  } catch {
    // read-only git dir, full disk…: run uncached
  }
}
