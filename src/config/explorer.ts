import { formatOf, parseConfigText, type Parsed } from './parse-config-text.js';
import { SEARCH_PLACES } from './search-places.js';

/** A parsed file as handed back through cosmiconfig: a wrapper, so cosmiconfig never sees config keys. */
export class ParsedFile {
  constructor(readonly parsed: Parsed) {}
}

export interface SafeExplorer {
  search(from: string): Promise<{ filepath: string; config?: unknown; isEmpty?: boolean } | null>;
  load(filepath: string): Promise<{ filepath: string; config?: unknown; isEmpty?: boolean } | null>;
}

type Loader = (filepath: string, content: string) => Promise<unknown>;
type ExplorerClass = new (options: Record<string, unknown>) => SafeExplorer;

/**
 * A cosmiconfig 9 explorer that can only read data, never run code.
 *
 * Why the deep import: the public `cosmiconfig()` factory first runs its meta-config lookup
 * (`getUserDefinedOptionsFromMetaConfig`), which searches `.config/config.{json,yaml,yml,js,
 * ts,cjs,mjs}` in `process.cwd()` with cosmiconfig's *default* loaders (JS/TS included) — so
 * simply constructing an explorer inside a hostile repository would execute its code, and
 * there is no option to turn that off. The `Explorer` class in `dist/Explorer.js` is what the
 * factory wraps; constructing it directly with `metaConfigFilePath: null` never touches the
 * meta-config, and `dist/index.js` (which holds that lookup) is never even loaded. The version
 * is pinned exactly in package.json, and test/integration/config-load.test.ts plants every
 * meta-config and JS config name and proves none runs.
 *
 * The other guards: only our loaders exist (no `.js`/`.ts`/… loader at all, so a stray JS
 * path fails instead of running); loaders return a `ParsedFile` wrapper, so cosmiconfig's
 * `$import` key (which would read and merge further files) is never seen; the search strategy
 * is `none` (the root only, never a parent directory); caches are off (a fresh read per call).
 * `loadConfig` calls `load` on every search place present rather than `search` (which stops at the
 * first): more than one config file is an error, never a silent choice.
 */
export async function createExplorer(): Promise<SafeExplorer> {
  const { Explorer } = (await import('cosmiconfig/dist/Explorer.js')) as unknown as { Explorer: ExplorerClass };
  const loader: Loader = async (filepath, content) => {
    const format = formatOf(filepath);
    if (format === null) throw new Error('refusing to load code as config'); // unreachable: no code search place
    const parsed = await parseConfigText(content, format, filepath);
    if (format !== 'package') return new ParsedFile(parsed);
    // package.json: cosmiconfig takes the `aitrail` key of what we return; no key = not here.
    return parsed.problem || parsed.data !== undefined ? { aitrail: new ParsedFile(parsed) } : {};
  };
  return new Explorer({
    moduleName: 'aitrail',
    packageProp: 'aitrail',
    searchPlaces: [...SEARCH_PLACES],
    loaders: { '.json': loader, '.yaml': loader, '.yml': loader, noExt: loader, default: loader },
    searchStrategy: 'none',
    ignoreEmptySearchPlaces: false,
    applyPackagePropertyPathToConfiguration: false,
    metaConfigFilePath: null,
    mergeImportArrays: false,
    mergeSearchPlaces: false,
    cache: false,
    transform: (result: unknown) => result,
  });
}
