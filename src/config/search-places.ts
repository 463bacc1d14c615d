/** Where the config is searched, in the repository root only; more than one present is an error (DESIGN.md). */
export const SEARCH_PLACES = [
  'package.json',
  '.aitrailrc',
  '.aitrailrc.json',
  '.aitrailrc.yaml',
  '.aitrailrc.yml',
  'aitrail.config.json',
] as const;

/** Config files are small; anything bigger is refused unread (a hostile repo could plant a huge one). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** The most bytes a config file at `name` may hold: package.json holds more than the config (16 MB). */
export function configLimit(name: string): number {
  return /(^|[\\/:])package\.json$/.test(name) ? 16 * MAX_CONFIG_BYTES : MAX_CONFIG_BYTES;
}

/**
 * Whether a root entry's name may show as a search place, or be one on a case-insensitive file
 * system, without being one: it holds a character outside printable ASCII or white space at an end,
 * or is a search place in other cases (`.AITRAILRC.yml`). Cheap, so that callers on a hot path (a
 * hook's config search) load the reader of lookalike-places.ts only for such a name.
 */
export function mayShowAsPlace(name: string): boolean {
  if (!/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(name)) return true;
  const lower = name.toLowerCase();
  return lower !== name && (SEARCH_PLACES as readonly string[]).includes(lower);
}

/** A root file that looks meant as aitrail's config but is not a name it reads, and the name it should have. */
export interface MisnamedConfig {
  name: string;
  /** What to do: the search place to rename it to, or why it cannot be one. */
  hint: string;
}

const CODE_EXTENSION = /\.[cm]?[jt]sx?$/i;
const DATA_NAME = /^\.?aitrail(?:rc)?(?:[._-]config)?\.(?:ya?ml|json5?|jsonc|toml|ini)$/i;
const CODE_NAME = /^\.?aitrail(?:rc|[._-]config)\.[cm]?[jt]sx?$/i;

/**
 * The names among `names` (a repository root's entries) that look meant as aitrail's config and are
 * not a search place: an honest mistake that leaves the policy unenforced without a word (a
 * `.aitrail.yml` denying `qwen/*` that nothing reads). `.aitrail.yml`, `aitrail.yaml`,
 * `.AITRAILRC.yml`, `aitrailrc`, `aitrail.config.js`, `.aitrailrc.toml`…, each with its way on; never a
 * search place itself, nor a name that is no config's (`aitrail.js`, `aitrail.md`, `aitrail.json`, a `.aitrail` directory's name).
 * Also such a name in `.config/` (`.config/aitrailrc.yml`: where cosmiconfig-based tools look), which aitrail never reads.
 */
export function misnamedConfigs(names: readonly string[]): MisnamedConfig[] {
  const places: readonly string[] = SEARCH_PLACES;
  // `aitrail.json` alone is a likely name for a saved report (`aitrail blame --format json > aitrail.json`): not named.
  const meantName = (name: string): boolean => /^\.?aitrailrc$/i.test(name) || DATA_NAME.test(name) || CODE_NAME.test(name);
  const meant = (name: string): boolean => {
    const inConfigDir = CONFIG_DIR.exec(name);
    if (inConfigDir) return meantName(inConfigDir[1]!) || /^aitrail\.json$/i.test(inConfigDir[1]!);
    return !places.includes(name) && !/^aitrail\.json$/i.test(name) && meantName(name);
  };
  return [...new Set(names)].filter(meant).sort().map((name) => ({ name, hint: misnamedHint(name) }));
}

/**
 * `.config/<name>`: cosmiconfig 9's own search places (`.config/aitrailrc`, `.config/aitrailrc.yml`…,
 * which most cosmiconfig-based tools read), a folder aitrail never searches (the root only).
 */
const CONFIG_DIR = /^\.config\/([^/]+)$/;

/** The folder of `.config/` entries whose names `misnamedConfigs` may name: the paths to list beside the root's. */
export const CONFIG_DIR_NAME = '.config';

function misnamedHint(name: string): string {
  if (CODE_EXTENSION.test(name)) return 'aitrail never runs code from a repository, so it reads no JavaScript/TypeScript config: write the same settings as .aitrailrc.yml or .aitrailrc.json';
  if (CONFIG_DIR.test(name)) {
    const base = name.slice(CONFIG_DIR_NAME.length + 1);
    const extension = /\.(ya?ml|json)$/i.exec(base)?.[1]?.toLowerCase();
    const to = extension !== undefined ? `move it to .aitrailrc.${extension}` : /^\.?aitrailrc$/i.test(base) ? 'move it to .aitrailrc' : 'write the same settings as .aitrailrc.yml (YAML) or .aitrailrc.json';
    return `aitrail reads its config only at the repository root, not in .config/: ${to}`;
  }
  if (/^\.?aitrailrc$/i.test(name)) return 'not a name aitrail reads: rename it .aitrailrc';
  const extension = /\.(ya?ml|json)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === undefined) return 'not a format aitrail reads: write the same settings as .aitrailrc.yml (YAML) or .aitrailrc.json';
  return `not a name aitrail reads: rename it .aitrailrc.${extension}`;
}
