import { accessSync, type BigIntStats, closeSync, constants, existsSync, lstatSync, opendirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { NO_FSMONITOR, runGitRawSync, runGitSync } from '../git/exec.js';
import { trackedFiles } from '../git/tracked-files.js';
import { inside } from './safe-path.js';
import { ledByTrackedLink } from './tracked-link.js';

export function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const isTracked = async (root: string, path: string) => (await trackedFiles(root, path).catch(() => ['?'])).length > 0;

/**
 * True when `path` is code the repository at `root` ships, as the shims judge it: inside the work
 * tree, and git tracks it or anything under the top's node_modules or the node_modules of
 * `packageDir`, or it leads through links (or a pnpm wrapper's target does) to a file git tracks
 * (hooks/* refuse to run such a binary). A git failure counts as shipped.
 */
export async function shipped(root: string, path: string, packageDir = ''): Promise<boolean> {
  if (!inside(root, path)) return false;
  if (await isTracked(root, 'node_modules')) return true;
  if (packageDir !== '' && (await isTracked(root, `${packageDir}/node_modules`))) return true;
  const rel = relative(root, path).split(sep).join('/');
  if (!rel.startsWith('node_modules/') && !(packageDir !== '' && rel.startsWith(`${packageDir}/node_modules/`)) && (await isTracked(root, rel))) return true;
  if (await ledIntoTracked(root, path, packageDir)) return true;
  // pnpm's .bin files are sh wrappers: `exec node "$basedir/../<package>/<bin>"`.
  // The wrapper's first lines only (a bundled bin can be megabytes).
  const text = fileHead(path);
  if (text === null) return false;
  // pnpm writes the bin path unescaped inside double quotes: a target holding $, ` or \ (the shell expands
  // it), or a line going on after its targets with anything but `"$@"` or `]; then`, is the repository's (as the shims judge it).
  for (const line of text.split('\n').slice(0, 64)) {
    if (!line.includes('"$basedir/')) continue;
    let rest = line;
    while (rest.includes('"$basedir/')) {
      rest = rest.slice(rest.indexOf('"$basedir/') + '"$basedir/'.length);
      const end = rest.indexOf('"');
      if (end < 0) return true;
      const target = rest.slice(0, end);
      rest = rest.slice(end + 1);
      if (/[$`\\]/.test(target)) return true;
      if (target !== '' && (await ledIntoTracked(root, join(dirname(path), target), packageDir, path))) return true;
    }
    const after = rest.replace(/^ +/, '');
    if (after !== '"$@"' && after !== ']; then') return true;
  }
  return false;
}

/**
 * Whether `path`'s real path (links followed: npm's `.bin`, a `file:` or `link:` dependency, a
 * node_modules that is a link) is a file of the work tree outside node_modules that git tracks, as
 * the shims judge it (src/install/shim-source.ts ledIntoTrackedLines), or one under node_modules that
 * pnpm (pnpmFromRepository) or npm (npmFromRepository) took from a folder or tarball in the work tree, or one
 * outside it in a pnpm store a committed .npmrc put there (outsideStore). `via`: the path as written that led
 * there (pnpm's wrapper for its target). A path that cannot be resolved counts as led there.
 */
async function ledIntoTracked(root: string, path: string, packageDir: string, via = path): Promise<boolean> {
  let real: string;
  let top: string;
  // Nothing there runs nothing: pnpm's wrapper names "$basedir/node", absent in every install.
  if (!existsSync(path)) return false;
  try {
    real = realpathSync(path);
    top = realpathSync(root);
  } catch {
    return true;
  }
  if (real === top) return false;
  // Outside the work tree through a link git tracks (a committed `file:` package's script, or a folder above
  // it, linked to /usr/bin/true): the repository chose what runs (as aitrail_lk). One git ls-files, only then.
  const untracked = ['node_modules', ...(packageDir !== '' ? [`${packageDir}/node_modules`] : [])];
  if (!inside(top, real)) {
    if (await ledByTrackedLink(root, path, untracked)) return true;
    const linkedOut = bunLinkedOut(root, path);
    if (linkedOut !== null && (await ledInTree(root, top, linkedOut, packageDir))) return true;
    return outsideStore(root, top, relative(root, via).split(sep).join('/'), real);
  }
  // In the work tree, not the repository's by its real path (untracked: node_modules, a gitignored folder): a link
  // git tracks on the way still makes it so (a committed `run.sh -> ../../node_modules/truthy/run.sh`), as aitrail_lk.
  return (await ledInTree(root, top, relative(top, real).split(sep).join('/'), packageDir)) || ledByTrackedLink(root, path, untracked);
}

/**
 * bun's `--backend=symlink` (row 965, as the shims' aitrail_bo): where a bun lock is beside package.json, the
 * path in the tree (relative to `root`) that `node_modules/.bin/<name>` links to in one hop, when it lies in a
 * package of the top's node_modules that is no link itself (`npm link`'s) and is itself a link out of the work
 * tree (bun's cache); null otherwise. It is judged as that path (ledInTree: npm's record, bun.lock or bun.lockb).
 */
function bunLinkedOut(root: string, path: string): string | null {
  if (!existsSync(join(root, 'bun.lock')) && !existsSync(join(root, 'bun.lockb'))) return null;
  const written = relative(root, path).split(sep).join('/');
  if (!written.startsWith('node_modules/.bin/')) return null;
  let target: string;
  try {
    target = readlinkSync(path);
  } catch {
    return null;
  }
  if (!/^\.\.\/[^/]+\/./.test(target) || target.startsWith('../.') || /\/\.\.?\/|\/\//.test(target) || target.includes('\0')) return null;
  const rel = `node_modules/${target.slice(3)}`;
  const parts = rel.slice('node_modules/'.length).split('/');
  if (parts[0]!.startsWith('@') && parts.length < 3) return null;
  const folder = `node_modules/${parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  try {
    return lstatSync(join(root, rel)).isSymbolicLink() && !lstatSync(join(root, folder)).isSymbolicLink() ? rel : null;
  } catch {
    return null;
  }
}

/** ledIntoTracked for a real path in the work tree (`rel`, relative to its top), judged by that path alone. */
async function ledInTree(root: string, top: string, rel: string, packageDir: string): Promise<boolean> {
  const modules = rel.startsWith('node_modules/') ? '' : rel.includes('/node_modules/') ? rel.slice(0, rel.indexOf('/node_modules/')) : null;
  // A nested project's by every folder from it up to the top (row 813): yarn 2+ reads each .yarnrc.yml upward
  // (`apps/.yarnrc.yml` for `apps/web`), npm and pnpm a workspace root's `.npmrc`.
  if (modules !== null && registryChosenUp(top, modules) !== undefined) return true;
  const store = inVirtualStore(root, top, rel, packageDir);
  if (store !== undefined) return store;
  for (const base of ['', ...(packageDir !== '' ? [packageDir] : [])]) {
    const modules = `${base === '' ? '' : `${base}/`}node_modules/`;
    if (rel.startsWith(modules)) return pnpmFromRepository(root, top, base, rel.slice(modules.length));
  }
  if (rel.startsWith('node_modules/') || (packageDir !== '' && rel.startsWith(`${packageDir}/node_modules/`))) return false;
  // Another folder's node_modules (a nested project, a workspace's own): npm's record there, else the top's (workspaces' keys).
  const nested = rel.indexOf('/node_modules/');
  if (nested >= 0) {
    const base = rel.slice(0, nested);
    if (hasInstallRecord(root, base) ? npmFromRepository(root, top, base, rel.slice(base.length + 1)) : npmFromRepository(root, top, '', rel)) return true;
  }
  return isTracked(root, rel);
}

const PUBLIC_REGISTRIES = new Set(['https://registry.npmjs.org', 'https://registry.yarnpkg.com']);

/**
 * The lines of a project's `name` (.npmrc, .yarnrc, .yarnrc.yml) naming the registry as plainly written, as the shims'
 * aitrail_rk reads them; undefined when a line may name it in a form not read here (row 805): a backslash in the
 * key (npm's ini and yarn 1 take a quoted key as JSON: `"\u0072egistry"=`), anywhere in a yarn file (YAML escapes),
 * `registry[]=`, yarn 1's `--registry`/`--install.registry` lines, `npmRegistryServer` in a .yarnrc.yml anywhere but
 * a plain `npmRegistryServer:` line (a flow mapping, an explicit key, an anchor).
 */
function registryLines(name: string, text: string, transport: string[] = []): string[] | undefined {
  const found: string[] = [];
  // Lines as npm's ini, yarn 1 and YAML split them: at a carriage return too (row 812); `config`, `prefix` and `$` read as well.
  for (const line of text.split(/[\r\n]/)) {
    if (!/registry|config|prefix|proxy|ssl|ca|\\|\$/i.test(line)) continue;
    const kind = registryKind(name, line);
    if (kind === 'unread') return undefined;
    if (kind === 'registry') found.push(line);
    if (kind === 'transport') transport.push(line);
  }
  return found;
}

/** A proxy or TLS key (row 855): `proxy`, `https-proxy`, `strict-ssl`, `ca`, `cafile` (yarn 1's `--…` too), yarn 2+'s `httpsProxy`, `enableStrictSsl`, `caFilePath`, `networkSettings`; not `noproxy`. */
function transportKey(name: string, key: string): boolean {
  if (key.startsWith('#') || (name !== '.yarnrc.yml' && /^noproxy$/i.test(key))) return false;
  if (/proxy|ssl|cafile/i.test(key)) return true;
  if (name === '.yarnrc.yml') return /networksettings/i.test(key);
  return /^ca$/i.test(key) || (name === '.yarnrc' && /^-.*ca$/i.test(key));
}

function registryKind(name: string, line: string): 'registry' | 'transport' | 'unread' | 'other' {
  if ((name === '.npmrc' ? (line.split('=')[0] ?? '') : line).includes('\\')) return 'unread';
  let key = line.replace(/^[ \t\r\f\v]+/, '').replace(/^["']/, '');
  if (name === '.npmrc') {
    key = (key.split('=')[0] ?? '').replace(/[ \t\r\f\v]+$/, '').replace(/["']$/, '');
    // Row 812: a comment is none; a key npm trims to another (a BOM, a Unicode space), fills (`reg${X?}istry`), or
    // that names a file npm reads as config (userconfig, globalconfig, prefix) may name a registry not read here.
    if (/^[ \t\r\f\v]*[#;]/.test(line)) return 'other';
    if (/[^-A-Za-z0-9_.~:/@%+{}?$"' \t]/.test(key)) return 'unread';
    if (!key.startsWith('//') && key.includes('$')) return 'unread';
    if (/^(userconfig|globalconfig|prefix)/i.test(key)) return 'unread';
    if (transportKey(name, key)) return 'transport';
    if (/^registry$/i.test(key)) return 'registry';
    return /^registry/i.test(key) ? 'unread' : 'other';
  }
  if (name === '.yarnrc') {
    if (!/^[@A-Za-z0-9"'#-]/.test(key)) return 'unread';
    if (transportKey(name, key.replace(/["':= \t\r\f\v][^]*$/, ''))) return 'transport';
    if (/^registry$/i.test(key)) return 'unread';
    if (/^registry["': \t\r\f\v]/i.test(key)) return 'registry';
    return /^registry|^-.*registry/i.test(key) ? 'unread' : 'other';
  }
  if (transportKey(name, key.replace(/:[^]*$/, ''))) return 'transport';
  if (!/npmregistryserver/i.test(line) || key.startsWith('#')) return 'other';
  if (!/^npmregistryserver/i.test(key)) return 'unread';
  return /^["']?[ \t\r\f\v]*:/.test(key.slice(17)) ? 'registry' : 'unread';
}

const HOME_REGISTRY_LINE = /^[ \t\r\f\v]*["']?(@[^:= \t\r\f\v\n"']*:)?(registry|npmregistryserver)["']?[ \t\r\f\v]*[=: \t\r\f\v]/i;

/** registryChosen for the project at `base` and every folder above it up to the top (row 813). */
export function registryChosenUp(top: string, base: string): string | undefined {
  for (let dir = base; ; dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') {
    const named = registryChosen(top, dir);
    if (named !== undefined || dir === '') return named;
  }
}

/**
 * Whether the project at `base` (relative to the top, '' the top) names a registry of its own, as the shims'
 * aitrail_rg: a `.npmrc` (npm, pnpm, yarn 1) or `.yarnrc` saying `registry`, a `.yarnrc.yml` saying
 * `npmRegistryServer`, other than the public registry and other than one the person names in their own files
 * (trustedRegistries, row 803): what was installed in its node_modules is what a server the repository chose
 * served (row 790). The file's base name, or undefined.
 */
export function registryChosen(top: string, base: string): string | undefined {
  for (const name of ['.npmrc', '.yarnrc', '.yarnrc.yml']) {
    const file = join(top, base, name);
    if (!isFileAt(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, 'latin1');
    } catch {
      continue;
    }
    const transport: string[] = [];
    const lines = registryLines(name, text, transport);
    if (lines === undefined) return name;
    // A proxy or TLS line (row 855): the person's only as the very same line of their own file, spaces around aside.
    if (transport.length > 0) {
      const trim = (line: string) => line.replace(/^[ \t\v\f\r]+|[ \t\v\f\r]+$/g, '');
      const own = new Set(ownFiles(top, file).flatMap((path) => readLines(path).map(trim)));
      if (transport.some((line) => !own.has(trim(line)))) return name;
    }
    const named = lines.filter((line) => !PUBLIC_REGISTRIES.has(registryValue(line)));
    if (named.length === 0) continue;
    const trusted = trustedRegistries(top, file);
    if (named.some((line) => !trusted.has(registryValue(line)))) return name;
  }
  return undefined;
}

/**
 * The registries the person names in their own ~/.npmrc, ~/.yarnrc (`registry`, `@scope:registry`) and
 * ~/.yarnrc.yml (`npmRegistryServer`), as the shims' aitrail_rt: none when HOME is not absolute, or it or a folder
 * above it is the top (a dotfiles repository, a HOME a committed .env points into the work tree), nor from a file
 * that is the project's own `file`.
 */
function trustedRegistries(top: string, file: string): Set<string> {
  const found = new Set<string>();
  for (const own of ownFiles(top, file)) for (const line of readLines(own)) if (HOME_REGISTRY_LINE.test(line)) found.add(registryValue(line));
  found.delete('');
  return found;
}

/** The person's own ~/.npmrc, ~/.yarnrc, ~/.yarnrc.yml (as aitrail_hg): none when HOME is not absolute or it or a folder above it is the top; never the project's `file`. */
function ownFiles(top: string, file: string): string[] {
  const home = process.env.HOME ?? '';
  if (!home.startsWith('/')) return [];
  for (let dir = home; dir !== ''; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
    if (sameFile(dir, top)) return [];
  }
  return ['.npmrc', '.yarnrc', '.yarnrc.yml'].map((name) => join(home, name)).filter((own) => isFileAt(own) && !sameFile(own, file));
}

/** A file's lines as grep reads them (latin1, split at line feeds); unreadable: none. */
function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'latin1').split('\n');
  } catch {
    return [];
  }
}

/** A registry line's value as aitrail_rv reads it: the key (and a scope) off, spaces, one `=`/`:`, quotes and one trailing `/` aside. */
function registryValue(line: string): string {
  let value = line.replace(/^[ \t\r\f\v]+/, '').replace(/^["']/, '');
  if (value.startsWith('@') && value.includes(':')) value = value.slice(value.indexOf(':') + 1);
  if (/^npmregistryserver/i.test(value)) value = value.slice(17);
  else if (/^registry/i.test(value)) value = value.slice(8);
  else return '';
  value = value.replace(/^["']/, '').replace(/^[ \t\r\f\v]+/, '').replace(/^[=:]/, '').replace(/^[ \t\r\f\v]+/, '').replace(/^["']/, '');
  return value.replace(/[ \t\r\f\v]+$/, '').replace(/["']$/, '').replace(/\/$/, '');
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * pnpm's `virtual-store-dir` (a committed .npmrc) other than `<base>/node_modules/.pnpm`, in the work tree:
 * `<dir>/<folder>/node_modules/…` with pnpm's lock.yaml in `<dir>`, at any `/node_modules/` of the path
 * (also under the top's node_modules: `node_modules/vs`, `sub/node_modules/vs`; 660), as aitrail_vs.
 */
function inVirtualStore(root: string, top: string, rel: string, packageDir: string): boolean | undefined {
  let prefix = rel;
  for (;;) {
    const at = prefix.lastIndexOf('/node_modules/');
    if (at < 0) return undefined;
    prefix = prefix.slice(0, at);
    // packageDir's own node_modules (npm's layout there): pnpmFromRepository, as before.
    if (packageDir !== '' && prefix === packageDir) continue;
    const dir = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '.';
    if (dir === 'node_modules/.pnpm') continue;
    // Another folder's store (packageDir's, a nested project's, Rush's common/temp): judged by its lock.
    if (dir.endsWith('/node_modules/.pnpm')) {
      const base = dir.slice(0, -'/node_modules/.pnpm'.length);
      return pnpmFromRepository(root, top, base, rel.slice(base.length + '/node_modules/'.length));
    }
    try {
      if (statSync(join(top, dir, 'lock.yaml')).isFile()) return true;
    } catch {
      // no pnpm store there
    }
  }
}

/**
 * npm's layout, as the shims judge it (aitrail_np in src/install/shim-source.ts): a `file:` dependency on a
 * tarball the repository commits, or on a folder with a committed .npmrc's `install-links=true` (npm 11's
 * `install-strategy=linked` too), is copied under node_modules, untracked. npm's own record,
 * `<base>/node_modules/.package-lock.json` (indented as the project's package.json: the unit from its second
 * line), is read as the shims' grep reads it: each `"resolved": "file:…"`/`"git+file:…"` line at an entry's depth
 * and the 4 lines before it; an entry whose key is a folder holding `path` (relative to `<base>`), or whose key
 * is not among those lines, and whose source lands in the work tree (relative to `<base>`) or cannot be read
 * (an escape, a `git+file:` not absolute or holding `%`) is the repository's. No record: not judged.
 */
/**
 * bun's layout (row 873): no record under node_modules; its lock beside package.json says where each package
 * came from, as the shims read it (aitrail_nb in src/install/shim-source.ts): `bun.lockb` (binary) is the
 * repository's (said as bun.lockb, row 907); in `bun.lock` every entry `["<name>@<version>", "<tarball URL, or empty for the default registry>", …]`
 * of the package holding `path` must be a version from the default registry or a registry's tarball of it
 * (registryTarball); any other source, or none, is the repository's, said as bun.lock.
 */
function bunFromRepository(root: string, top: string, base: string, path: string, stale = false): boolean {
  if (!stale && isFileAt(join(root, base, 'bun.lockb'))) {
    lockCause = 'bun.lockb';
    return true;
  }
  let text: string;
  try {
    const file = join(root, base, 'bun.lock');
    if (!statSync(file).isFile()) return false;
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const after = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
  const name = after[0]!.startsWith('@') ? `${after[0]}/${after[1]}` : after[0]!;
  const opener = `["${name}@`;
  const named = `"${name}@`;
  const key = `"${name}"`;
  // bun reads bun.lock as JSONC (row 906): a comment or a string may hold a line in the judged form bun never
  // installs, and the real entry may be written over lines. A backslash, a `'`, a `/*`, a key `"<name>"` not
  // followed by `: "`, `,`, `]` or `: ["<name>@`, or a `"<name>@` not in the one judged form per line (after `[`,
  // no `//` before it): the repository's.
  const lines = text.split('\n').filter((line) => line.includes(named) || line.includes(key) || /[\\']|\/\*/.test(line));
  const hostile = lines.some((line) =>
    /[\\']|\/\*/.test(line) ||
    line.split(key).slice(1).some((after) => !(after.startsWith(': "') || after.startsWith(',') || after.startsWith(']') || after.startsWith(`: ${opener}`))) ||
    (line.includes(named) && (line.split(named).length !== 2 || !line.slice(0, line.indexOf(named)).endsWith('[') || line.slice(0, line.indexOf(named)).includes('//'))),
  );
  const entries = lines.filter((line) => line.includes(opener));
  // Beside npm's record (row 893, `stale`): judged only where bun wrote the package's entry.
  if (stale && !hostile && entries.length === 0) return false;
  const judged = !hostile && entries.length > 0 && entries.every((line) => {
    const rest = line.slice(line.indexOf(opener) + opener.length);
    const version = rest.slice(0, rest.indexOf('"'));
    if (!/^[0-9][0-9A-Za-z.+-]*$/.test(version)) return false;
    const tail = rest.slice(version.length);
    if (!tail.startsWith('", "')) return false;
    const url = tail.slice(4, tail.indexOf('"', 4));
    return url === '' || registryTarball(top, url, name);
  });
  if (!judged) {
    lockCause = 'bun.lock';
    return true;
  }
  return bunConfigNamed(join(root, base));
}

/** A line that may say where bun fetches from, or how (row 891); in bunfig.toml a backslash too (TOML's escaped keys). */
const BUN_SETTING = /registry|proxy|tls|ssl|cafile|(^|[^a-z0-9-])ca([^a-z0-9-]|$)/i;
const BUN_PUBLIC = new Set(['registry = "https://registry.npmjs.org/"', 'registry = "https://registry.npmjs.org"', 'registry="https://registry.npmjs.org/"', 'registry="https://registry.npmjs.org"']);

/**
 * bun takes its registry (and a proxy or TLS setting) from the project's bunfig.toml and the `.env` files it loads at
 * install, and fetches a lock entry's `""` from there (row 891), as the shims read them (aitrail_nw): a bunfig.toml
 * line saying registry, proxy, tls, ssl, ca or cafile, or holding a backslash, but the public registry as written, or
 * such a line in `.env`/`.env.*`, is the repository's, said as that file.
 */
function bunConfigNamed(dir: string): boolean {
  const lines = (file: string) => {
    try {
      return statSync(file).isFile() ? readFileSync(file, 'latin1').split('\n') : [];
    } catch {
      return [];
    }
  };
  const blank = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;
  if (lines(join(dir, 'bunfig.toml')).some((line) => (line.includes('\\') || BUN_SETTING.test(line)) && line.replace(blank, '') !== '' && !BUN_PUBLIC.has(line.replace(blank, '')))) {
    lockCause = 'bunfig.toml';
    return true;
  }
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name === '.env' || name.startsWith('.env.')).sort();
  } catch {
    return false;
  }
  const named = names.find((name) => lines(join(dir, name)).some((line) => BUN_SETTING.test(line)));
  if (named === undefined) return false;
  lockCause = named;
  return true;
}

/**
 * True when a file or folder of the package holding `path` (relative to `at`), or `path` itself, changed status and
 * content after npm wrote its `record` (`find -cnewer … -newer … -print -quit`, as the shims' aitrail_na reads it): bun
 * linked or wrote it over npm's install, from a bun.lockb aitrail does not read (row 915); bun makes every folder and
 * link anew, so their times are its install's. A tree restored with its times kept (`cp -a`, a CI cache: change times
 * new, times as npm left them) or `chmod`ed after npm is npm's (row 945). Unreadable: true.
 * The walk ends at the first such entry and holds one folder's handle at a time (a package of a million files).
 */
function changedAfterRecord(at: string, path: string, record: string): boolean {
  try {
    const written = statSync(record, { bigint: true }).mtimeNs;
    const later = (status: BigIntStats) => status.ctimeNs > written && status.mtimeNs > written;
    const changed = (entry: string) => later(lstatSync(entry, { bigint: true }));
    const head = path.slice(0, path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const after = path.slice(head.length).split('/');
    const folder = join(at, head, after[0]!.startsWith('@') ? `${after[0]}/${after[1]}` : after[0]!);
    if (changed(folder) || changed(join(at, path))) return true;
    const folders = [folder];
    for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
      const listing = opendirSync(dir);
      try {
        for (let entry = listing.readSync(); entry; entry = listing.readSync()) {
          const full = join(dir, entry.name);
          const status = lstatSync(full, { bigint: true });
          if (later(status)) return true;
          // A link to a folder is not walked (find's default -P): its own times are what count.
          if (status.isDirectory()) folders.push(full);
        }
      } finally {
        listing.closeSync();
      }
    }
    return false;
  } catch {
    return true;
  }
}

function npmFromRepository(root: string, top: string, base: string, path: string): boolean {
  if (berryFromRepository(root, top, base, path)) return true;
  if (yarnFromRepository(root, top, base, path)) return true;
  if (hasInstallRecord(root, base) && cacheInWorkTree(root, top, base)) return true;
  let lines: string[];
  try {
    const file = join(root, base, 'node_modules', '.package-lock.json');
    if (!statSync(file).isFile()) return bunFromRepository(root, top, base, path);
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    return bunFromRepository(root, top, base, path);
  }
  // A bun.lock beside npm's record (row 893): bun replaces the package and leaves the record as npm wrote it.
  if (isFileAt(join(root, base, 'bun.lock')) && bunFromRepository(root, top, base, path, true)) return true;
  // A bun.lockb beside npm's record (row 915): bun keeps writing it, so no bun.lock tells what bun put there.
  if (isFileAt(join(root, base, 'bun.lockb')) && changedAfterRecord(join(root, base), path, join(root, base, 'node_modules', '.package-lock.json'))) {
    lockCause = 'bun.lockb';
    return true;
  }
  if (lines.length < 2) return true;
  const unit = /^[\t ]*/.exec(lines[1]!)![0];
  if (unit === '') return true;
  const resolvedAt = `${unit.repeat(3)}"resolved": "`;
  const keyAt = `${unit.repeat(2)}"`;
  const matches = new Set<number>();
  lines.forEach((line, at) => {
    if (line.startsWith(`${resolvedAt}file:`) || line.startsWith(`${resolvedAt}git+file:`)) for (let i = Math.max(0, at - 4); i <= at; i++) matches.add(i);
  });
  let key = '';
  let previous = -2;
  for (const at of [...matches].sort((a, b) => a - b)) {
    if (at !== previous + 1) key = '';
    previous = at;
    const line = lines[at]!;
    if (line.startsWith(resolvedAt)) {
      if (key !== '' && !path.startsWith(`${key}/`)) continue;
      const value = line.slice(resolvedAt.length).replace(/"[^"]*$/, '');
      if (/[\\"]/.test(value)) return true;
      let source: string;
      if (value.startsWith('file:')) source = value.slice('file:'.length);
      else if (value.startsWith('git+file:///')) source = value.slice('git+file://'.length).replace(/#.*$/, '');
      else return true;
      if (source.includes('%')) return true;
      if (pnpmPathInside(top, base, source)) return true;
    } else if (line.startsWith(keyAt) && /": \{/.test(line)) {
      key = line.slice(keyAt.length).replace(/": \{[^]*$/, '');
    } else if (line.startsWith(`${unit.repeat(2)}}`)) {
      key = '';
    }
  }
  // The entry of the package holding `path`: npm writes where it took it third at most; none (a committed lock's
  // local `resolved` npm dropped, a hash found in a cache) or one that is no URL: the repository's (aitrail_np).
  if (!path.includes('node_modules/')) return false;
  const head = path.slice(0, path.lastIndexOf('node_modules/'));
  const parts = path.slice(head.length + 'node_modules/'.length).split('/');
  const name = parts[0]!.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]!;
  const entry = `${unit.repeat(2)}"${head}node_modules/${name}": {`;
  let judged = false;
  for (let at = 0; at < lines.length; at++) {
    if (!lines[at]!.includes(entry)) continue;
    for (let next = at + 1; next <= at + 4 && next < lines.length; next++) {
      const line = lines[next]!;
      if (line.startsWith(`${unit.repeat(2)}}`) || line.includes(entry)) break;
      // A `name`: an alias (`"aitrail": "npm:other@1"`), another package in aitrail's place (row 791).
      if (line.startsWith(`${unit.repeat(3)}"name": "`)) return true;
      if (!line.startsWith(resolvedAt)) continue;
      const source = line.slice(resolvedAt.length).replace(/"[^]*$/, '');
      // A URL (row 833): a registry's tarball of this very package, the public registry's or one the person names.
      if (/^(https?:\/\/|git\+https?:\/\/|git\+ssh:\/\/|git:\/\/)/.test(source)) {
        if (!registryTarball(top, source, name)) return lockNamedIt(root, base);
      } else if (!/^(file:|git\+file:)/.test(source)) return true;
      judged = true;
    }
    // No source at all: a registry package under `omit-lockfile-registry-resolved=true` too, when the lock says so.
    if (!judged && !lockNamesRegistryOnly(root, top, base, `${head}node_modules/${name}`)) return true;
    judged = false;
  }
  return false;
}

/**
 * yarn 2+'s `nodeLinker: node-modules` (row 856), as the shims' aitrail_nz: its record
 * `<base>/node_modules/.yarn-state.yml` keys each package's folders by the locator it installed, which a committed
 * yarn.lock's `resolution:` chose whatever package.json asks. The locator of the longest folder holding `path`:
 * `<name>@npm:<semver>` is a registry install (its registry judged by registryChosen); a URL must be a registry's
 * tarball of it (registryTarball); anything else, no such folder, a backslash: the repository's (said as yarn.lock).
 */
function berryFromRepository(root: string, top: string, base: string, path: string): boolean {
  const file = join(root, base, 'node_modules', '.yarn-state.yml');
  if (!isFileAt(file)) return false;
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch {
    return false;
  }
  let key = '';
  let best = '';
  let bestKey = '';
  for (const line of text.split('\n')) {
    if (line.includes('\\')) return berryRefused();
    if (/^[^ #]/.test(line)) key = line;
    else if (line.startsWith('    - "') && line.endsWith('"')) {
      const at = line.slice(7, -1);
      if (at !== '' && path.startsWith(`${at}/`) && at.length > best.length) [best, bestKey] = [at, key];
    }
  }
  if (best === '') return berryRefused();
  const name = best.replace(/^.*node_modules\//, '');
  const locator = bestKey.replace(/^"/, '').replace(/:$/, '').replace(/"$/, '');
  if (!locator.startsWith(`${name}@`)) return berryRefused();
  const ref = locator.slice(name.length + 1);
  if (/^npm:[0-9][0-9A-Za-z.+-]*\.[0-9][0-9A-Za-z.+-]*\.[0-9][0-9A-Za-z.+-]*$/.test(ref)) return false;
  if (/^https?:\/\//.test(ref) && registryTarball(top, ref, name)) return false;
  return berryRefused();
}

function berryRefused(): true {
  lockCause = 'yarn.lock';
  return true;
}

/**
 * As the shims' aitrail_nl: the lock npm installed from (`<base>`'s npm-shrinkwrap.json, else package-lock.json) read
 * as JSON tokens (strings and brackets, by depth): true when every entry keyed `key` in the top-level `packages` (npm
 * reads no other) names a plain semver `version` and no `resolved` but a registry's tarball of it (npm fetched
 * `<name>@<version>` from the registry and, under `omit-lockfile-registry-resolved=true`, wrote no source in its
 * record; `npm ci` leaves the lock's `resolved`), and HEAD's npm-shrinkwrap.json and package-lock.json name no other
 * source for it (`npm install` under that setting rewrites the work tree's lock, dropping a committed `resolved`): a
 * tarball of the public registry or of one the person names (registryTarball, row 833). No lock, no such entry, a
 * backslash, a line over 4096 bytes: false (the repository's).
 */
function lockNamesRegistryOnly(root: string, top: string, base: string, key: string): boolean {
  let text: string | undefined;
  for (const name of ['npm-shrinkwrap.json', 'package-lock.json']) {
    const file = join(root, base, name);
    if (!isFileAt(file)) continue;
    try {
      text = readFileSync(file, 'latin1');
    } catch {
      return false;
    }
    break;
  }
  const urls: string[] = [];
  if (text === undefined || lockEntryVerdict(text, key, urls) !== 'registry') return false;
  for (const name of ['npm-shrinkwrap.json', 'package-lock.json']) {
    const path = base === '' ? name : `${base}/${name}`;
    let committed: string;
    try {
      committed = runGitRawSync([...NO_FSMONITOR, 'cat-file', 'blob', `HEAD:${path}`], { cwd: root }).toString('latin1');
    } catch {
      continue;
    }
    if (lockEntryVerdict(committed, key, urls) === 'other') return false;
  }
  // Each `resolved` either lock names (row 833): a registry's tarball of this very package (registryTarball).
  const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return urls.every((url) => registryTarball(top, url, name)) || !lockNamedIt(root, base);
}

/**
 * The lock whose `resolved` made hookBinary's last refused candidate the repository's (row 833), for init's and
 * status's note (binaryMissingCause), as the shims' aitrail_lr: `<base>`'s npm-shrinkwrap.json, else package-lock.json.
 */
let lockCause: string | undefined;
function lockNamedIt(root: string, base: string): true {
  lockCause = isFileAt(join(root, base, 'npm-shrinkwrap.json')) ? 'npm-shrinkwrap.json' : 'package-lock.json';
  return true;
}

/**
 * Whether `url`, a lock's `resolved`, is a registry's tarball of the package `name` (`<registry>/<name>/-/<base>-….tgz`,
 * no `/`, `..`, `%`, `?`, `#` after it) from the public registry or one the person names in their own files
 * (trustedRegistries), as the shims' aitrail_rs: anything else (another host, a git source) a lock or package.json
 * the repository commits named (row 833).
 */
function registryTarball(top: string, url: string, name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const under = (registry: string) => {
    if (!url.startsWith(`${registry}/${name}/-/`)) return false;
    const tail = url.slice(`${registry}/${name}/-/`.length);
    return !tail.includes('..') && /^[A-Za-z0-9._+-]*$/.test(tail) && tail.startsWith(`${base}-`) && tail.endsWith('.tgz');
  };
  for (const registry of PUBLIC_REGISTRIES) if (under(registry)) return true;
  for (const registry of trustedRegistries(top, '')) if (under(registry)) return true;
  return false;
}

/**
 * One lock's entries keyed `key` in its top-level `packages`: `registry` when there is one and each names a plain
 * semver version and no `resolved` but a URL one (each pushed to `urls`), `none` when there is none, `other` otherwise (also a
 * backslash anywhere, a line over 4096 bytes, a string left open).
 */
function lockEntryVerdict(text: string, key: string, urls: string[]): 'registry' | 'none' | 'other' {
  let depth = 0;
  let entryDepth = 0;
  let inEntry = false;
  let pending = false;
  let versionNext = false;
  let resolvedNext = false;
  let versioned = false;
  let found = false;
  let topKey = '';
  let inPackages = false;
  for (const line of text.split('\n')) {
    if (line.includes('\\') || line.length > 4096) return 'other';
    let rest = line;
    for (;;) {
      const at = rest.search(/[[\]{}"]/);
      if (at < 0) break;
      const c = rest[at]!;
      rest = rest.slice(at + 1);
      if (c === '"') {
        const end = rest.indexOf('"');
        if (end < 0) return 'other';
        const token = rest.slice(0, end);
        rest = rest.slice(end + 1);
        if (versionNext) {
          versionNext = false;
          if (!/^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$/.test(token)) return 'other';
          versioned = true;
          continue;
        }
        if (resolvedNext) {
          resolvedNext = false;
          if (!/^(https?|git\+https?|git\+ssh|git):\/\//.test(token)) return 'other';
          urls.push(token);
          continue;
        }
        if (inEntry && depth === entryDepth && token === 'resolved') resolvedNext = true;
        if (inEntry && depth === entryDepth && token === 'version') versionNext = true;
        if (depth === 1) topKey = token;
        pending = depth === 2 && inPackages && token === key;
        continue;
      }
      if (versionNext || resolvedNext) return 'other';
      if (c === '{' || c === '[') {
        depth++;
        if (depth === 2) inPackages = c === '{' && topKey === 'packages';
        if (c === '{' && pending) {
          inEntry = true;
          entryDepth = depth;
          versioned = false;
          found = true;
        }
      } else {
        if (inEntry && depth === entryDepth) {
          inEntry = false;
          if (!versioned) return 'other';
        }
        depth--;
      }
      pending = false;
    }
  }
  if (inEntry) return 'other';
  return found ? 'registry' : 'none';
}

/**
 * As the shims' aitrail_nc: a cache or offline mirror setting (`cache`, `cache-folder`, `yarn-offline-mirror`) in
 * `<base>`'s or the top's `.npmrc`/`.yarnrc` (more than 2000 lines: counts too): npm or yarn may take a package its record calls a registry one from
 * a cache the repository commits. Counts as the repository's.
 */
function cacheInWorkTree(root: string, top: string, base: string): boolean {
  const files = new Set([join(root, base, '.npmrc'), join(root, base, '.yarnrc'), join(root, '.npmrc'), join(root, '.yarnrc')]);
  for (const file of files) {
    let text: string;
    try {
      if (!statSync(file).isFile()) continue;
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n');
    if (lines.length > 2000) return true;
    for (const line of lines) {
      const setting = /^[\t\n\v\f\r ]*"?(--)?([a-z]+\.)?(yarn-offline-mirror|cache-folder|cache)(["=\t\n\v\f\r ]|$)/.exec(line);
      if (setting !== null && cacheValueCounts(root, top, line.slice(setting[0].length - setting[4]!.length))) return true;
    }
  }
  return false;
}

/**
 * As aitrail_nc's value: an absolute path (or `~/…`, the home folder's) outside the work tree `top` holds nothing the
 * repository commits (the user's own cache): not counted; a plain relative one is judged by what git tracks
 * (cacheTracked); anything else (in the work tree, an expansion, a quote or escape left, none) counts.
 */
function cacheValueCounts(root: string, top: string, rest: string): boolean {
  let value = rest.startsWith('"') ? rest.slice(1) : rest;
  value = value.replace(/^[=\t\n\v\f\r ]*/, '').replace(/[\t\n\v\f\r ]*$/, '');
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  if (value.startsWith('~/')) {
    const home = process.env.HOME ?? '';
    if (home === '') return true;
    value = `${home}/${value.slice(2)}`;
  }
  if (/[\\"'$`]/.test(value)) return true;
  if (!value.startsWith('/')) return cacheTracked(root, value);
  return pnpmPathInside(top, '', value);
}

/**
 * As aitrail_cu: a relative cache value (`cache=.npm`) of plain components (letters, digits, `.`, `_`, `-`; no `.` or
 * `..` component) is the person's own cache, untracked, unless git tracks anything at any depth under a folder so
 * named, or at the value or a folder on its way (a committed link or submodule): npm resolves it from where it runs.
 * Without case (on a case-insensitive file system `cache=.NPM` is the committed `.npm`), in checked-out submodules too
 * (npm run in `lib/` reads `lib/.npm`, which the submodule's own repository may commit).
 * Anything else counts. One git ls-files.
 */
function cacheTracked(root: string, value: string): boolean {
  const plain = value.replace(/^(\.\/)+/, '').replace(/\/$/, '');
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(plain) || plain.split('/').some((part) => part === '.' || part === '..')) return true;
  const parts = plain.split('/');
  const specs = [`:(glob,icase)**/${plain}/**`, ...parts.map((_, at) => `:(glob,icase)**/${parts.slice(0, at + 1).join('/')}`)];
  try {
    const out = runGitSync([...NO_FSMONITOR, 'ls-files', '--recurse-submodules', '-z', '--', ...specs], {
      cwd: root,
      env: { GIT_LITERAL_PATHSPECS: '0', GIT_GLOB_PATHSPECS: undefined, GIT_NOGLOB_PATHSPECS: undefined, GIT_ICASE_PATHSPECS: undefined },
    });
    return out !== '';
  } catch {
    return true;
  }
}

/** Whether `<base>/node_modules` holds npm's (`.package-lock.json`) or yarn classic's (`.yarn-integrity`) record. */
function hasInstallRecord(root: string, base: string): boolean {
  return isFileAt(join(root, base, 'node_modules', '.package-lock.json')) || isFileAt(join(root, base, 'node_modules', '.yarn-integrity'));
}

/**
 * yarn classic's layout, as the shims judge it (aitrail_ny in src/install/shim-source.ts): yarn 1 copies a `file:`
 * folder or unpacks a tarball the repository commits into node_modules, untracked, and a committed yarn.lock may
 * resolve a registry range to a local tarball. yarn's record, `<base>/node_modules/.yarn-integrity`, is read for
 * the package's name (its folder after the last node_modules/ of `path`): each line `    "<name>@<range>"`
 * (topLevelPatterns, lockfileEntries with `: "<resolved>"`): a local range or source landing in the work tree
 * (relative to `<base>`), an escape, or a range that is no path resolved from a folder (""), is the repository's.
 */
function yarnFromRepository(root: string, top: string, base: string, path: string): boolean {
  let lines: string[];
  try {
    const file = join(root, base, 'node_modules', '.yarn-integrity');
    if (!statSync(file).isFile()) return false;
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    return false;
  }
  let name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const parts = name.split('/');
  name = name.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]!;
  if (name === '' || /[\\"]/.test(name)) return true;
  const at = `    "${name}@`;
  for (const whole of lines) {
    if (!whole.startsWith(at)) continue;
    if (whole.includes('\\')) return true;
    const line = whole.slice(at.length);
    const range = line.replace(/"[^]*$/, '');
    const kind = yarnSource(top, base, range, true);
    if (kind === 0) return true;
    const rest = line.slice(line.indexOf('"') + 1);
    if (rest.startsWith(': ""')) {
      if (kind === 2) return true;
    } else if (rest.startsWith(': "')) {
      const source = rest.slice(3).replace(/"[^"]*$/, '');
      // A URL a committed yarn.lock named (row 835): a registry's tarball of this package (yarn's `#<sha1>` aside).
      if (YARN_URL.test(source)) {
        if (!registryTarball(top, source.replace(/#[^]*$/, ''), name)) {
          lockCause = 'yarn.lock';
          return true;
        }
      } else if (yarnSource(top, base, source, false) === 0) return true;
    }
  }
  return false;
}

/** The sources yarn names by URL or host shorthand (aitrail_yj's first case, aitrail_ny's URL case). */
const YARN_URL = /^(https?:\/\/|git\+https?:\/\/|git\+ssh:\/\/|git:\/\/|ssh:\/\/|npm:|github:|gitlab:|bitbucket:|gist:)/;

/** A yarn range (`isRange`) or resolved source: 0 a path in the work tree (or unreadable), 1 not, 2 a range that is no path. */
function yarnSource(top: string, base: string, value: string, isRange: boolean): 0 | 1 | 2 {
  let path: string;
  if (YARN_URL.test(value)) return 1;
  if (value.startsWith('file:') || value.startsWith('link:')) path = value.slice(5);
  else if (value.startsWith('git+file://')) path = value.slice('git+file://'.length);
  else if (value.startsWith('~/')) path = `${process.env.HOME ?? ''}/${value.slice(2)}`;
  else if (/^(\/|\.\/|\.\.\/)/.test(value) || value === '.' || value === '..') path = value;
  else if (isRange) return 2;
  else path = value;
  path = path.replace(/#[^]*$/, '');
  if (path.includes('%')) return 0;
  return pnpmPathInside(top, base, path) ? 0 : 1;
}

/**
 * A real path outside the work tree reached through `written` (a path in it, relative to `root`), as the shims
 * judge it (aitrail_vo): pnpm's `virtual-store-dir` in a committed .npmrc may put its store outside the work
 * tree, holding a copy of a committed `file:` folder. `<base>/node_modules/.modules.yaml` (base: what comes
 * before the first node_modules/ of `written`) names the store (`virtualStoreDir`, relative to that
 * node_modules); a real path under it is judged by the store's lock.yaml as the default store's.
 */
function outsideStore(root: string, top: string, written: string, real: string): boolean {
  const first = written.startsWith('node_modules/') ? 0 : written.indexOf('/node_modules/');
  if (first < 0) return false;
  const base = written.slice(0, first);
  let text: string;
  try {
    const modules = join(root, base, 'node_modules', '.modules.yaml');
    if (!statSync(modules).isFile()) return false;
    text = readFileSync(modules, 'utf8');
  } catch {
    return false;
  }
  const found = text.split('\n').filter((line) => line.startsWith('virtualStoreDir: ') || line.startsWith('  "virtualStoreDir": '));
  if (found.length === 0) return false;
  if (found.length > 1) return true;
  let value = found[0]!;
  value = value.startsWith('virtualStoreDir: ') ? value.slice('virtualStoreDir: '.length) : value.slice(value.indexOf(': "') + 3).replace(/,$/, '').replace(/"$/, '');
  if (value === '' || /[\\"']/.test(value)) return true;
  const store = takenFrom(`${top}${base === '' ? '' : `/${base}`}/node_modules`, value);
  if (store === null) return true;
  let storeStat;
  try {
    storeStat = statSync(store);
  } catch {
    return false;
  }
  for (let dir = real.slice(0, real.lastIndexOf('/')); dir !== ''; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
    try {
      const s = statSync(dir);
      if (s.dev === storeStat.dev && s.ino === storeStat.ino) return pnpmFromRepository(root, top, base, `.pnpm/${real.slice(dir.length + 1)}`, `${dir}/lock.yaml`);
    } catch {
      // not there
    }
  }
  return false;
}

/** The package name a pnpm lock key begins with, `/` as `+` (`@scope+name@`); `file:` for pnpm 8's `file:…` keys. */
function pnpmKeyName(key: string): string {
  if (key.startsWith('file:')) return 'file:';
  const name = key.startsWith('@') ? `@${key.slice(1).split('@')[0]}@` : `${key.split('@')[0]}@`;
  return name.includes('/') ? `${name.slice(0, name.indexOf('/'))}+${name.slice(name.indexOf('/') + 1)}` : name;
}

/**
 * Whether the package at `path` under `<base>/node_modules/` came from a folder or tarball in the work
 * tree, as the shims judge it (aitrail_pn, aitrail_pin in src/install/shim-source.ts): pnpm hard-links or
 * unpacks a `file:` dependency into its virtual store (`.pnpm/aitrail@file+vendor+aitrail/…`), or, with
 * `node-linker=hoisted`, into node_modules/aitrail. pnpm's lock there (`.pnpm/lock.yaml`) says where it
 * took each package from: every entry of the package names on the path (the store folder's, else each
 * one after a node_modules/) whose resolution is local (`directory:`, `tarball: file:`) is judged,
 * relative to `<base>`; one in the work tree, one that cannot be read, or, for a `file+` store folder,
 * none at all, counts as the repository's. No lock (npm's layout): not the repository's. The store
 * folder's name is not decoded: `+` stands for `/` and for a name's own `+`, an upper-case path is
 * hashed, and a committed pnpm-lock.yaml names a package `file:../elsewhere` whose resolution is
 * `vendor/aitrail`.
 */
function pnpmFromRepository(root: string, top: string, base: string, path: string, storeLock?: string): boolean {
  const names = new Set<string>();
  let listed = new Set<string>();
  let none = false;
  if (/^\.pnpm\/[^/]+\//.test(path)) {
    const folder = path.split('/')[1]!;
    none = folder.includes('file+');
    names.add(folder.startsWith('file+') ? 'file:' : folder.startsWith('@') ? `@${folder.slice(1).split('@')[0]}@` : `${folder.split('@')[0]}@`);
  } else {
    for (let rest = path; ; ) {
      const parts = rest.split('/');
      names.add(rest.startsWith('@') && parts.length > 1 ? `${parts[0]}+${parts[1]}@` : `${parts[0]}@`);
      const next = rest.indexOf('/node_modules/');
      if (next < 0) break;
      rest = rest.slice(next + '/node_modules/'.length);
    }
    listed = pnpmHoistedKeys(root, base, path);
  }
  const lock = storeLock ?? join(root, base, 'node_modules', '.pnpm', 'lock.yaml');
  // No pnpm lock: npm's layout, judged by npm's own record: packageDir's, else the top's (workspaces).
  if (!isFileAt(lock)) {
    if (none) return true;
    if (storeLock !== undefined) return false;
    return base === '' || hasInstallRecord(root, base)
      ? npmFromRepository(root, top, base, `node_modules/${path}`)
      : npmFromRepository(root, top, '', `${base}/node_modules/${path}`);
  }
  let lines: string[];
  try {
    lines = readFileSync(lock, 'utf8')
      .split('\n')
      .filter((line) => /^([A-Za-z]| {2}[^ ]| {4}resolution: )/.test(line));
  } catch {
    return none;
  }
  // The lock's `patchedDependencies:` (row 872): a patch the repository commits, applied by pnpm to the
  // package it names (`aitrail@1.0.0`, `aitrail`): what runs is the repository's, whatever registry served it.
  let patches = false;
  for (const line of lines) {
    if (/^[A-Za-z]/.test(line)) patches = line.startsWith('patchedDependencies:');
    else if (patches && line.startsWith('  ') && !line.startsWith('   ')) {
      let key = line.slice(2).replace(/:( .*)?$/, '');
      if (key.startsWith("'") || key.startsWith('"')) key = key.slice(1, -1);
      if (names.has(pnpmKeyName(key))) {
        lockCause = 'pnpm-lock.yaml';
        return true;
      }
    }
  }
  let led = false;
  // Listed keys (hoisted): every entry is judged too (`any`), for keys the lock spells otherwise (pnpm 8).
  let any = false;
  let found = false;
  let matching = false;
  let keyName = '';
  for (const line of lines) {
    if (/^[A-Za-z]/.test(line)) continue;
    if (line.startsWith('    resolution: ')) {
      if (!matching && listed.size === 0) continue;
      const map = line.slice('    resolution: '.length);
      if (!(map.startsWith('{') && map.endsWith('}'))) {
        any = true;
        if (matching) led = true;
        continue;
      }
      for (const item of map.slice(1, -1).split(', ')) {
        // A tarball URL a committed pnpm-lock.yaml named for the package (row 836): a registry's tarball of it.
        if (matching && item.startsWith('tarball: ') && !item.startsWith('tarball: file:') && !registryTarball(top, item.slice('tarball: '.length), keyName)) {
          lockCause = 'pnpm-lock.yaml';
          any = true;
          led = true;
          continue;
        }
        // A git source (`{commit: …, repo: …, type: git}`, row 871) or any other `type:` but a folder: the repository's.
        if (matching && item !== 'type: directory' && /^(type|repo|commit): /.test(item)) {
          lockCause = 'pnpm-lock.yaml';
          any = true;
          led = true;
          continue;
        }
        const local = item.startsWith('directory: ') ? item.slice('directory: '.length) : item.startsWith('tarball: file:') ? item.slice('tarball: file:'.length) : undefined;
        if (local === undefined) continue;
        if (matching) none = false;
        if (pnpmPathInside(top, base, local)) {
          any = true;
          if (matching) led = true;
        }
      }
      continue;
    }
    let key = line.slice(2);
    if (key.endsWith(':')) key = key.slice(0, -1);
    if (key.startsWith("'") || key.startsWith('"')) key = key.slice(1, -1);
    const bare = key.replace(/^\//, '');
    keyName = bare.startsWith('@') ? `@${bare.slice(1).split('@')[0]}` : bare.split('@')[0]!;
    if (listed.size > 0) {
      matching = listed.has(key);
      if (matching) found = true;
    } else {
      matching = names.has(pnpmKeyName(key));
    }
  }
  if (none) return true;
  if (listed.size > 0 && !found) return any;
  return led;
}

/**
 * With `node-linker=hoisted` the folder under node_modules is named by the dependency's alias
 * (`"aitrail": "file:vendor/x"` of a package named x is the lock's `x@file:vendor/x`; pnpm 8 keys it
 * `file:vendor/x`): the lock keys pnpm's `<base>/node_modules/.modules.yaml` lists (`hoistedLocations`,
 * YAML, or JSON from pnpm 10) for a folder holding `path`, read as the shims read them (aitrail_pn).
 */
function pnpmHoistedKeys(root: string, base: string, path: string): Set<string> {
  const keys = new Set<string>();
  let text: string;
  try {
    const modules = join(root, base, 'node_modules', '.modules.yaml');
    if (!statSync(join(root, base, 'node_modules', '.pnpm', 'lock.yaml')).isFile() || !statSync(modules).isFile()) return keys;
    text = readFileSync(modules, 'utf8');
  } catch {
    return keys;
  }
  const at = `node_modules/${path}`;
  let key = '';
  for (const line of text.split('\n')) {
    const unquote = (value: string): string => (value.startsWith("'") || value.startsWith('"') ? value.slice(1, -1) : value);
    if (line.startsWith('    "') && line.endsWith('": [')) key = line.slice('    "'.length, -'": ['.length);
    else if (line.startsWith('    - ') || line.startsWith('      "')) {
      const folder = unquote(line.startsWith('    - ') ? line.slice('    - '.length) : line.slice('      '.length).replace(/,$/, ''));
      if (key !== '' && at.startsWith(`${folder}/`)) keys.add(key);
    } else if (line.startsWith('    "')) key = '';
    else if (/^ {2}[^ ]/.test(line)) {
      key = line.slice(2);
      if (key.endsWith(':')) key = key.slice(0, -1);
      key = unquote(key);
    }
  }
  return keys;
}

/**
 * As the shims' aitrail_at: `path` taken from the folder `dir` (absolute: as it is), its leading `..`s taken off
 * `dir`; null when `.`/`..` is left inside or `//` (where it lands cannot be told).
 */
function takenFrom(dir: string, path: string): string | null {
  let at = path;
  if (!path.startsWith('/')) {
    let rest = path;
    for (;;) {
      if (rest === '..') rest = '';
      else if (rest.startsWith('../')) rest = rest.slice(3);
      else break;
      dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')));
    }
    at = rest === '' ? dir : `${dir}/${rest}`;
  }
  return /\/\.{1,2}\/|\/\//.test(`${at}/`) ? null : at;
}

/** Whether a path pnpm's lock names, relative to `<top>/<base>` (`..`s first) or absolute, lands in the work tree `top` (an ancestor that is it); a quoted one, one with `.`/`..` inside or `//`, counts as in it. */
function pnpmPathInside(top: string, base: string, path: string): boolean {
  if (path === '' || path.startsWith("'") || path.startsWith('"')) return true;
  const at = takenFrom(base === '' ? top : `${top}/${base}`, path);
  if (at === null) return true;
  let topStat;
  try {
    topStat = statSync(top);
  } catch {
    return true;
  }
  for (let dir = at; dir !== ''; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
    try {
      const s = statSync(dir);
      if (s.dev === topStat.dev && s.ino === topStat.ino) return true;
    } catch {
      // a folder that is not there is not the top
    }
  }
  return false;
}

/**
 * Where the installed hooks will find `aitrail` when git runs them in the work tree `root`: the
 * node_modules/.bin of the package that ran init (`packageDir`, relative to `root`), then the top's
 * (husky puts it on PATH too), else PATH, skipping a binary the repository ships (as the shims
 * do). `undefined` when they will not find one. npx's temporary install (`…/_npx/…`), which
 * `npx aitrail init` runs from, does not count: it is gone from PATH when git runs the hooks.
 * Bare repositories (pre-receive) look at PATH only.
 */
export async function hookBinary(root: string, env: NodeJS.ProcessEnv, options: { bare?: boolean; packageDir?: string } = {}): Promise<string | undefined> {
  const { bare = false, packageDir = '' } = options;
  // A bare ask (a server's pre-receive: PATH only) judges no lock: it leaves the cause the work tree's ask found, which
  // status's note reads after asking both in a push-to-deploy repository (row 1044).
  if (!bare) lockCause = undefined;
  const locals = [...new Set([packageDir, ''])].map((dir) => join(root, dir, 'node_modules', '.bin', 'aitrail'));
  for (const local of bare ? [] : locals) {
    if (executable(local) && !(await shipped(root, local, packageDir))) return local;
  }
  // As the shims' PATH walk: PATH's first aitrail that is not the repository's (`shipped`), a relative or empty
  // entry read at the top (where git runs hooks); the repository's is passed over for PATH's next (row 825:
  // the shims did so only for node_modules/.bin's, and husky's PATH holds the relative one first). Skipping
  // relative entries would name a folder the hooks do not look in the same order. npx's own temporary
  // folder (on PATH while `npx aitrail init` runs, never at a commit) is passed over.
  // yarn 2+'s wrapper (`yarn exec aitrail init`: its folder first on PATH, gone at commit time) is passed over for
  // PATH's next aitrail, as the shims do (row 804); with none, it is judged as they judge it.
  let wrapper: string | undefined;
  for (const entry of (env.PATH ?? '').split(delimiter)) {
    const dir = bare ? entry : resolve(root, entry === '' ? '.' : entry);
    if ((bare && (dir === '' || !isAbsolute(dir))) || resolve(dir).split(sep).includes('_npx')) continue;
    const candidate = join(dir, 'aitrail');
    if (!executable(candidate) || !isFileAt(candidate)) continue;
    if (bare) return candidate;
    if (wrapper === undefined) {
      if (await shipped(root, candidate, packageDir)) continue;
      if (yarnWrapper(candidate) === undefined) return candidate;
      wrapper = candidate;
      continue;
    }
    if (sameFile(candidate, wrapper)) continue;
    if (yarnWrapper(candidate) !== undefined) break;
    // The repository's is passed over for PATH's next, as before the wrapper (row 852).
    if (await shipped(root, candidate, packageDir)) continue;
    return candidate;
  }
  return wrapper !== undefined && !yarnWrapperIntoTree(root, wrapper) && yarnWrapper(wrapper) === false ? wrapper : undefined;
}

/** Whether `path` is yarn 2+'s PATH wrapper by its first two lines (as the shims' aitrail_yx): true when its script lies in a zip (Plug'n'Play), false when not, undefined when it is no such wrapper. */
function yarnWrapper(path: string): boolean | undefined {
  const [first, second] = (fileHead(path) ?? '').split('\n');
  if (first !== '#!/bin/sh' || second === undefined || !second.startsWith('exec "') || !second.includes(`" '`)) return undefined;
  return second.includes('.zip/');
}

/**
 * Why the hooks will find no aitrail, for init's and status's note: the project file naming a registry of its own
 * (`.npmrc`, …) where node_modules/.bin/aitrail is (row 803), the lock whose `resolved` named its server (row 833,
 * as hookBinary just found), `yarn` where PATH's aitrail is yarn's wrapper (row 804).
 */
export function binaryMissingCause(root: string, env: NodeJS.ProcessEnv, packageDir = ''): string | undefined {
  let top: string;
  try {
    top = realpathSync(root);
  } catch {
    return undefined;
  }
  for (const base of [...new Set([packageDir, ''])]) {
    const local = join(root, base, 'node_modules', '.bin', 'aitrail');
    if (!executable(local)) continue;
    const named = registryChosenUp(top, base);
    if (named !== undefined) return named;
  }
  if (lockCause !== undefined) return lockCause;
  for (const entry of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(resolve(root, entry === '' ? '.' : entry), 'aitrail');
    if (executable(candidate) && isFileAt(candidate)) return yarnWrapper(candidate) === undefined ? undefined : 'yarn';
  }
  return undefined;
}

/**
 * Whether `path` is yarn 2+'s wrapper (`yarn run`/`yarn exec` put a folder of them first on PATH, `/tmp/xfs-*`:
 * `#!/bin/sh` then `exec "<node>" '<script>' "$@"`) whose script lies in the work tree (a `portal:`/`link:` package
 * there, a copy yarn unplugged there), or whose line is not ended as yarn ends it: the repository's, as the shims
 * judge it (aitrail_yw in src/install/shim-source.ts). Anything else is not judged here.
 */
export function yarnWrapperIntoTree(root: string, path: string): boolean {
  const text = fileHead(path);
  if (!text) return false;
  const [first, second] = text.split('\n');
  if (first !== '#!/bin/sh' || second === undefined || !second.startsWith('exec "') || !second.includes(`" '`)) return false;
  let target = second.slice(second.indexOf(`" '`) + 3);
  if (!target.endsWith(`' "$@"`)) return true;
  target = target.slice(0, -`' "$@"`.length);
  if (target.includes("'") || !isAbsolute(target)) return true;
  let top: string;
  try {
    top = realpathSync(root);
  } catch {
    return true;
  }
  if (inside(resolve(root), target)) return true;
  for (let folder = dirname(target); folder !== dirname(folder); folder = dirname(folder)) {
    try {
      if (realpathSync(folder) === top) return true;
    } catch {
      // A folder that is not there is not the top.
    }
  }
  return yarnCopyNotRegistry(target);
}

/**
 * Whether a wrapper's target outside the work tree lies in a copy yarn made (`<slug>/node_modules/<name>/…`: an
 * unplugged folder a committed .yarnrc.yml puts outside, `pnpUnpluggedFolder: ../x`, or its cache's zip) of
 * anything but a registry package, which yarn names `<name>-npm-<version>-<10 hex>` (`file:` gives
 * `<name>-file-<hash>`), as aitrail_yw judges it.
 */
function yarnCopyNotRegistry(target: string): boolean {
  const parts = target.split('/');
  for (let at = 1; at < parts.length; at++) {
    if (parts[at] !== 'node_modules') continue;
    let slug = parts[at - 1] ?? '';
    if (slug.endsWith('.zip')) slug = slug.slice(0, slug.lastIndexOf('-'));
    if (!/-[0-9a-f]{10}$/.test(slug)) continue;
    slug = slug.slice(0, -11);
    const [first = '', second = '', third] = parts.slice(at + 1);
    if (first.startsWith('@') ? third === undefined : second === '') return true;
    const name = first.startsWith('@') ? `${first}-${second}` : first;
    if (!slug.startsWith(`${name}-npm-`) || !/^[0-9][0-9A-Za-z.+-]*$/.test(slug.slice(name.length + 5))) return true;
  }
  return false;
}

function isFileAt(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The one line that says the hooks will not find aitrail, and what to do. */
export function binaryMissingNote(bare: boolean, cause?: string): string {
  if (bare) return "Warning: aitrail is not on this server's PATH, so pre-receive will reject every push until you run: npm i -g aitrail";
  if (cause === 'yarn')
    return "Warning: the hooks will not find an aitrail they can run: yarn's wrapper (yarn run, yarn exec) is gone when git runs them, and under Plug'n'Play node cannot run the package without yarn's loader, which aitrail never loads; so every commit will be blocked until you run: npm i -g aitrail";
  if (cause === 'package-lock.json' || cause === 'npm-shrinkwrap.json' || cause === 'yarn.lock' || cause === 'pnpm-lock.yaml' || cause === 'bun.lock')
    return `Warning: the hooks will not run node_modules/.bin/aitrail: it was installed from a source the project's ${cause} names (a server in its resolved URL, or a git repository, a patch or a file), which is not the public registry nor one your own ~/.npmrc names, and a repository can name any source there; so every commit will be blocked until you name that registry in your own ~/.npmrc (registry=, the same URL), or run: npm i -g aitrail`;
  if (cause === 'bun.lockb')
    return "Warning: the hooks will not run node_modules/.bin/aitrail: it was installed by bun from the project's bun.lockb, a binary lock aitrail does not read, and a repository can name any source there; so every commit will be blocked until bun writes its text lock (bun install --save-text-lockfile --frozen-lockfile --lockfile-only) and bun.lockb is deleted, or you run: npm i -g aitrail";
  if (cause === 'bunfig.toml' || cause === '.env' || cause?.startsWith('.env.'))
    return `Warning: the hooks will not run node_modules/.bin/aitrail: it was installed by bun, which takes its registry (or a proxy or TLS setting) from the project's ${cause}, and a repository can name any server there; so every commit will be blocked until you name your registry in your own ~/.npmrc instead (registry=, the same URL) and not in ${cause}, or run: npm i -g aitrail`;
  if (cause !== undefined)
    return `Warning: the hooks will not run node_modules/.bin/aitrail: it was installed from the registry the project's ${cause} names (or through a proxy or TLS setting it names: proxy, https-proxy, strict-ssl, ca, cafile), which is not the public one, and a repository can name any server there; so every commit will be blocked until you name that registry in your own ~/${cause} as well (the same URL; a proxy or TLS line as it is), or run: npm i -g aitrail`;
  return 'Warning: the hooks will not find the aitrail binary (not in node_modules/.bin, not on PATH, or only one the repository ships, which they refuse to run), so every commit will be blocked until you run: npm i -D aitrail (or npm i -g aitrail)';
}

/** A file's first 16 KiB as UTF-8: `''` when `path` is no regular file, null when it cannot be read (a wrapper's head: pnpm's, yarn's). */
function fileHead(path: string): string | null {
  try {
    if (!statSync(path).isFile()) return '';
    const fd = openSync(path, 'r');
    const head = Buffer.alloc(16384);
    try {
      return head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}
