import type picomatchType from 'picomatch';
import { canonicalModel } from '../catalog.js';
import { FAMILIES, VENDOR_NAMES } from '../model-data.js';
import { familyOf } from '../model-name.js';
import { globIndex, type IndexedGlob } from './glob-index.js';
import { simpleGlobRegex } from './simple-glob.js';
import { trimTrailing } from '../trim-run.js';
import { macFoldedName } from '../mac-name.js';
import { familyShape, versionedFamily, versionlessFamily, type VersionlessFamily } from './model-family.js';
import { familyWitness, literalAutomaton, regexAutomaton, type JudgedGlob, type Track } from './family-language.js';

/** The work units (automaton states, walked moves) one family id's judgment may take (row 887). */
const FAMILY_WORK = 2_000_000;

/** Returns the first glob that matches, or undefined. */
export type GlobMatcher = (subject: string) => string | undefined;

type Test = (subject: string) => boolean;

let loaded: typeof picomatchType | undefined;
/** picomatch, loaded on first need (commit-msg with simple model globs never pays for it). */
function picomatch(): typeof picomatchType {
  // node:module when first needed: loading it cost every hook ~0.5 ms.
  loaded ??= process.getBuiltinModule('node:module').createRequire(import.meta.url)('picomatch') as typeof picomatchType;
  return loaded;
}

const OPTIONS = { dot: true, nocase: true } as const;

/** picomatch semantics (`dot`, `nocase`); simple globs without picomatch itself. */
function compile(glob: string): Test {
  const simple = simpleGlobRegex(glob);
  if (simple) return (subject) => simple.test(subject);
  return picomatch()(glob, OPTIONS);
}

/**
 * picomatch's `**` never matches across a newline, so `src/crypto/a<LF>b.ts` (a legal git path)
 * or a model id with a control character would slip past a rule. Globs judge such subjects
 * with every control character read as `_`.
 */
function plain(subject: string): string {
  // Tested first: a path without one (nearly all) is returned as it is, no new string made.
  return CONTROL.test(subject) ? subject.replace(CONTROLS, '_') : subject;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A glob's leading `!`s (picomatch negation; not the `!` of an extglob `!(…)`): whether they negate, and the glob without them. */
function negation(glob: string): { negated: boolean; body: string } {
  let bangs = /^!*/.exec(glob)![0].length;
  if (bangs > 0 && glob[bangs] === '(') bangs -= 1;
  return { negated: bangs % 2 === 1, body: glob.slice(bangs) };
}

/**
 * A glob's vendor written as people write it (`zhipu/*`, `moonshot/*`, `alibaba`, `deepseek-ai/*`,
 * `zai-org/*`), as the vendor of the ids detection writes (`z-ai/*`, `moonshotai/*`, `qwen`): ids
 * are canonical, so a literal vendor name other than the canonical one would match no model. A
 * brace list of literal names is each of them (`{qwen,zhipu}/*` is `{qwen,z-ai}/*`).
 */
function canonicalVendor(body: string): string {
  const slash = body.indexOf('/');
  const vendor = slash === -1 ? body : body.slice(0, slash);
  const literal = (name: string) => (/^[a-z0-9._-]+$/i.test(name) ? VENDOR_NAMES.get(name.toLowerCase()) : undefined);
  const list = /^\{([a-z0-9._-]+(?:,[a-z0-9._-]+)+)\}$/i.exec(vendor)?.[1]?.split(',');
  if (list?.some((name) => literal(name) !== undefined)) return `{${list.map((name) => literal(name) ?? name).join(',')}}${body.slice(vendor.length)}`;
  const canonical = literal(vendor);
  return canonical === undefined ? body : canonical + body.slice(vendor.length);
}

/**
 * A glob without glob characters written otherwise than the id it names, as people copy a model's
 * name from its vendor or host (`anthropic/claude-opus-4-6`, `qwen/Qwen3-Coder-480B-A35B-Instruct`,
 * `deepseek-ai/DeepSeek-V3.1`, `claude-opus-4-6`): that id, as the catalog reads the name (ids are
 * canonical, so as written the glob matched no model: a deny denied nothing, an allow refused the
 * very model it names). Only a reading of the vendor the glob names (any vendor for a bare name):
 * `acme/claude-opus-4.6`, a team's own model, is not Anthropic's. Null when it is no such name.
 */
export function literalModelId(glob: string): string | null {
  if (!/^[A-Za-z0-9._/:@+-]+$/.test(glob)) return null;
  const id = canonicalModel(glob, {}, { isModel: true });
  if (id === null || id === glob.toLowerCase() || id.endsWith('/unknown')) return null;
  const slash = glob.indexOf('/');
  if (slash === -1) return id;
  const vendor = glob.slice(0, slash).toLowerCase();
  return (VENDOR_NAMES.get(vendor) ?? vendor) === id.slice(0, id.indexOf('/')) ? id : null;
}

type FamilyWord = (typeof FAMILIES)[number];

/** A glob that is only a model family's word (`claude`, `gpt`, `gemini`, `kimi`, `glm`, `grok`): that family, else null. */
function familyNamed(glob: string): FamilyWord | null {
  const word = glob.toLowerCase();
  return /^[a-z0-9]+$/.test(word) ? (FAMILIES.find((family) => family.word === word) ?? null) : null;
}

/**
 * Whether an id (or the name part a glob without `/` is also tried on) is a model of that family:
 * its name starts with the word (`claude-opus-4.6`, `gpt-5`, `kimi-k2`), its vendor the family's.
 * `deny: ["kimi", "glm"]` denied nothing (only a vendor's name was read so): Kimi and GLM passed.
 */
function ofFamily(subject: string, family: FamilyWord): boolean {
  const slash = subject.indexOf('/');
  if (slash === -1 || subject.slice(0, slash).toLowerCase() !== family.vendor) return false;
  return familyOf(subject.slice(slash + 1).toLowerCase())?.word === family.word;
}

/**
 * Model-id globs (`anthropic/*`, `qwen/*`, `*coder*`): case-insensitive; a vendor named otherwise
 * than in ids (`zhipu/*`) is read as the canonical one (`z-ai/*`); a pattern without `/`
 * matches the model name after the vendor, so `*` matches every model and `*qwen*` any
 * vendor's qwen models, or the vendor itself: `deny: ["qwen"]` denies every qwen model rather
 * than nothing, and a family's word its models (`deny: ["claude"]`: familyNamed); a literal
 * model name written otherwise than its id is that id (literalModelId). A negated glob matches every model its glob does not: `!qwen*` is no qwen model
 * (negating each of those readings apart would let `qwen/qwen3-coder` match `!qwen*` by its full id).
 */
export function modelMatcher(globs: readonly string[], options: { versionless?: 'any' | 'every' } = {}): GlobMatcher {
  const versionless = options.versionless ?? 'any';
  // picomatch's own `basename` option also applies to patterns with a slash; do it by hand.
  const compiled = globs.map((glob) => {
    const { negated, body: written } = negation(glob);
    const body = canonicalVendor(written);
    const test = compile(body);
    // Without `/` the written glob may also be a name (`mistral`): both readings are kept.
    const asWritten = body !== written && !body.includes('/') ? compile(written) : undefined;
    const id = literalModelId(written);
    const family = familyNamed(written);
    const read = asWritten ? (subject: string) => test(subject) || asWritten(subject) : test;
    const readings = (subject: string) => read(subject) || (id !== null && subject.toLowerCase() === id) || (family !== null && ofFamily(subject, family));
    return { glob, negated, written, body, asWritten: asWritten === undefined ? null : written, id, family, read, literal: id ?? canonicalVendor(written).toLowerCase(), listed: /[[{]/.test(written), test: id === null && family === null ? read : readings, byName: !body.includes('/') };
  });
  type Entry = (typeof compiled)[number];
  const hits = ({ test, byName }: Entry, model: string): boolean => {
    const name = model.slice(model.lastIndexOf('/') + 1);
    const vendor = model.includes('/') ? model.slice(0, model.indexOf('/')) : '';
    return test(model) || (byName && (test(name) || (vendor !== '' && test(vendor))));
  };
  // A family named without a version (model-family.ts), judged by the versions it can be, each glob by
  // its own reading (a negated one too: `!anthropic/claude-opus-4.1` is every model but 4.1):
  // - a deny refuses it when it refuses any of them, or a version the catalog does not know yet
  //   (`anthropic/claude-opus-5*`, `-[5-9]*`, `-{5,6}`);
  // - an allow passes it only when it names the id itself (`anthropic/claude-opus`) or allows every one, a
  //   later one too: a glob the id's own name happens to match (`google/gemini-*pro`) does not pass
  //   `google/gemini-pro`, which runs `gemini-3-pro-preview` that glob refuses.
  // An allow (row 854): every version, every later one the deny side tries, and the version left open after each leading
  // digit (`allowProbes`): `anthropic/claude-opus-[5-9]*` with `-4*` passes 4.x, 5 to 9.x and 999, but not Opus 10.
  const passesEvery = (entry: Entry, family: VersionlessFamily): boolean => exactlyEvery([entry], family) ?? family.allowProbes.every((member) => entry.negated !== hits(entry, member));
  // Row 870: the probe ids above are a finite sample of a family with no last version (a deny of `-2[0-9]*` reaches only
  // Opus 20+, which none of them is). Each glob's expression is read as an automaton and walked with the family's ids
  // (family-language.ts): a deny reaching any id of the family, or an id no glob of an allow passes, is found exactly, and
  // the id it finds is judged again by the glob itself. A glob the reader does not take leaves the probes' judgment.
  const automata = new Map<string, JudgedGlob | null>();
  // Row 887: the work one family judgment may do (automaton states built, moves walked), whatever the list's length: a hostile
  // list of 1,000 globs each under its own limits took ~10 s in every hook. Past it the family is refused (fail closed).
  let work = { left: FAMILY_WORK };
  const judgedGlob = (entry: Entry, family: VersionlessFamily, prefix: string): JudgedGlob | null => {
    const key = `${compiled.indexOf(entry)}\n${family.id}`;
    if (automata.has(key)) return automata.get(key)!;
    const vendor = family.id.slice(0, family.id.indexOf('/'));
    let always = (entry.byName && entry.read(vendor)) || (entry.family !== null && ofFamily(family.id, entry.family));
    const tracks: Track[] = [];
    let readable = true;
    // (picomatch's matcher also takes a subject equal to its glob: a glob with a glob character is no family id, one without is its own expression.)
    for (const glob of [entry.body, ...(entry.asWritten === null ? [] : [entry.asWritten])]) {
      for (const on of entry.byName ? (['id', 'name'] as const) : (['id'] as const)) {
        const start = on === 'id' ? prefix : prefix.slice(prefix.indexOf('/') + 1);
        // Read without an automaton: a glob whose literal start leaves the family's (`qwen/*`) takes none of its ids; one that is
        // the family's start then `*` (`anthropic/*`, `claude*`) takes every one (the ids past the prefix have no `/`).
        const head = (/^[a-z0-9][a-z0-9_:-]*(?:\/[a-z0-9_:-]*)?/i.exec(glob)?.[0] ?? '').toLowerCase();
        if (!start.startsWith(head) && !head.startsWith(start)) continue;
        if (start.startsWith(head) && /^\*{1,2}$/.test(glob.slice(head.length))) {
          always = true;
          continue;
        }
        const budget = { left: Math.min(5000, work.left) };
        const automaton = regexAutomaton((simpleGlobRegex(glob) ?? picomatch().makeRe(glob, OPTIONS)).source, true, budget);
        work.left -= Math.min(5000, work.left) - budget.left;
        if (automaton === null) readable = false;
        else tracks.push({ automaton, on });
      }
    }
    if (entry.id !== null) tracks.push({ automaton: literalAutomaton(entry.id), on: 'id' });
    const made = readable ? { tracks, always, negated: entry.negated } : null;
    automata.set(key, made);
    return made;
  };
  /** Whether the globs together pass every id of the family (each by any of them); undefined: a floating id, judged by its probes. */
  function exactlyEvery(entries: readonly Entry[], family: VersionlessFamily): boolean | undefined {
    const shape = familyShape(family);
    if (shape === null) return undefined;
    const globs = entries.map((entry) => judgedGlob(entry, family, shape.prefix));
    // Row 885: a glob the reader does not take (an extglob `!(…)`, a size past its budget) or a walk past its limit refuses
    // the family (the probes passed `allow: ["anthropic/claude-opus-!(2[0-9]*)"]`, which refuses Opus 20); so does a witness
    // the glob itself does not confirm (the reader misread it, so its `null` would not be sure either).
    if (globs.some((glob) => glob === null)) return false;
    // A version or later id the probes hold that no glob passes refuses the family at once (no walk); the walk decides the rest.
    const probe = [...family.members, ...family.laterIds].find((member) => entries.every((entry) => entry.negated === hits(entry, member)));
    if (probe !== undefined) return false;
    const witness = familyWitness(shape, 'open', globs as JudgedGlob[], (outcomes) => !outcomes.some(Boolean), work);
    return witness === null;
  }
  /** Whether a deny glob refuses some id of the family (a version the catalog does not know too). */
  const reachesAny = (entry: Entry, family: VersionlessFamily): boolean => {
    const shape = familyShape(family);
    if (shape === null) return false;
    const glob = judgedGlob(entry, family, shape.prefix);
    // Row 885: a deny the judge cannot decide (a glob it does not read, a walk past its limit, a witness the glob does not
    // confirm) refuses the family: the probes it fell back on passed `deny: ["anthropic/claude-opus-2[0-9]!(x)"]` and a
    // deny padded past 5,000 states, which reach Opus 20.
    if (glob === null) return true;
    const witness = familyWitness(shape, shape.builds ? 'builds' : 'none', [glob], (outcomes) => outcomes[0]!, work);
    return witness !== null;
  };
  const byVersions = (entry: Entry, family: VersionlessFamily, model: string): boolean => {
    if (versionless === 'every') return (!entry.negated && (entry.literal === model || entry.literal === family.id)) || passesEvery(entry, family);
    if (entry.negated) return [...family.members, family.later, ...family.laterIds].some((member) => !hits(entry, member)) || reachesAny(entry, family);
    // Only a class or a brace list is tried on the later versions' ids: versionNamed reads the others by their words.
    if (family.members.some((member) => hits(entry, member)) || (entry.listed && family.laterIds.some((member) => hits(entry, member)))) return true;
    const named = versionNamed(entry.written);
    return (named !== null && named.family === family.id && named.at === family.at) || reachesAny(entry, family);
  };
  const judged = new Map<string, string | undefined>();
  return (raw) => {
    const model = plain(raw);
    const direct = compiled.find((entry) => entry.negated !== hits(entry, model))?.glob;
    // A deny's hit on the id itself refuses it; an allow's is judged again by the versions below.
    if (direct !== undefined && versionless === 'any') return direct;
    // An id with a version in its name is no family: the common case (`anthropic/claude-opus-4.6`) stops here.
    const family = versionlessFamily(model);
    if (family === null) return direct;
    // A family id is judged on ~120 ids (allowProbes): once per matcher (a range's commits name the same few).
    const key = model.toLowerCase();
    if (judged.has(key)) return judged.get(key);
    const verdict = byFamily(family, key);
    if (judged.size < 1000) judged.set(key, verdict);
    return verdict;
  };
  function byFamily(family: VersionlessFamily, model: string): string | undefined {
    work = { left: FAMILY_WORK };
    if (versionless === 'every' && compiled.length >= 2) {
      // One walk for the whole list (row 870) rather than one per glob then the list: a list passes what any of its globs passes.
      const named = compiled.find((entry) => !entry.negated && (entry.literal === model || entry.literal === family.id));
      const exact = named === undefined ? exactlyEvery(compiled, family) : true;
      if (exact !== undefined) return exact ? (named ?? compiled.find((entry) => entry.negated !== hits(entry, family.later)) ?? compiled[0]!).glob : undefined;
    }
    const one = compiled.find((entry) => byVersions(entry, family, model))?.glob;
    if (one !== undefined || versionless !== 'every' || compiled.length < 2) return one;
    // An allow of several globs passes the family when together they pass every id `allowProbes` holds, each by any glob
    // (`["anthropic/claude-opus-4*", "anthropic/claude-opus-[5-9]*", "anthropic/claude-opus-[1-3]*"]` passes `opus`; without
    // `-[1-3]*` it refuses it: Opus 10 is none of them, row 854).
    const each = family.allowProbes.map((member) => compiled.find((entry) => entry.negated !== hits(entry, member))?.glob);
    return each.every((glob) => glob !== undefined) ? each[0] : undefined;
  }
}

/** The model version a deny glob names, its wildcards left out (`anthropic/claude-opus-5*`, `claude-opus-5`), read as an id; else null. */
function versionNamed(glob: string): ReturnType<typeof versionedFamily> {
  if (!/^[A-Za-z0-9._/:@+*?-]+$/.test(glob)) return null;
  const bare = glob.replace(/[*?]/g, '');
  if (bare === '' || bare.startsWith('/')) return null;
  const id = literalModelId(bare) ?? (bare.includes('/') ? canonicalVendor(bare).toLowerCase() : null);
  return id === null ? null : versionedFamily(id);
}

/**
 * Path globs over repository-relative paths (`src/crypto/**`): picomatch syntax, dotfiles
 * included (`.github/**`), case-insensitive so that `SRC/Crypto/x` cannot slip past a rule on
 * case-insensitive file systems (a wider match only makes a restriction stricter), and a path or
 * glob with other letters matched as macOS reads it too (foldPath: `café` in NFD or NFC, `ſecure`). A glob that
 * matches a directory covers everything under it, as in .gitignore: `src/crypto`,
 * `src/crypto/` and `/src/crypto/**` (a leading `/` is the repository root) all protect
 * `src/crypto/aes.ts` rather than silently protecting nothing. A glob without a slash matches a
 * name at any depth (`*.pem`, `secrets`), as in .gitignore.
 */
export function pathMatcher(globs: readonly string[]): GlobMatcher {
  // Each glob is compiled when first tried (most never are: the index leaves them out).
  const lazy = (make: () => Test): Test => {
    let test: Test | undefined;
    return (subject) => (test ??= make())(subject);
  };
  const compiled = globs.map((glob, id) => {
    const body = trimTrailing(glob.replace(/^\/+/, ''), '/') || glob;
    const test = lazy(() => withLiteralGroups(body, compile(body)));
    // As in .gitignore, a glob without a slash (`*.pem`, `dist`) names a file or directory at any depth.
    return { id, body, test, anyDepth: !trimTrailing(glob, '/').includes('/') };
  });
  const texts = (text: string): string[] => {
    const named = text.includes('(') ? literalGroups(text) : null;
    return named === null ? [text] : [text, named];
  };
  const asWrittenGlob = ({ id, body, test }: (typeof compiled)[number]): IndexedGlob => ({ id, texts: texts(body), test });
  const foldedGlob = ({ id, body, test }: (typeof compiled)[number]): IndexedGlob => {
    const foldedBody = foldPath(body);
    return { id, texts: texts(foldedBody), test: foldedBody === body ? test : lazy(() => withLiteralGroups(foldedBody, compile(foldedBody))) };
  };
  // The lowest glob matching a directory, a name or a path, remembered: the files of a range share their directories.
  const memoized = (first: (subject: string) => number): ((subject: string) => number) => {
    const known = new Map<string, number>();
    return (subject) => {
      let found = known.get(subject);
      if (found === undefined) {
        if (known.size >= 100_000) known.clear();
        known.set(subject, (found = first(subject)));
      }
      return found;
    };
  };
  const side = (read: (glob: (typeof compiled)[number]) => IndexedGlob) => {
    const index = globIndex(compiled.map(read));
    return {
      // A whole path is asked once (a range's files, or the paths links show: 1.2M, each new): not remembered,
      // which only filled and cleared the map the directories' answers live in (13 us a path, most of it GC).
      whole: index,
      prefix: memoized(index),
      segment: memoized(globIndex(compiled.filter((glob) => glob.anyDepth).map(read))),
    };
  };
  // Indexed when first asked (a commit-msg hook that judges no path never pays for it); folded forms only for a path beyond ASCII.
  let asWritten: ReturnType<typeof side> | undefined;
  let folded: ReturnType<typeof side> | undefined;
  // The first glob matching the path or a directory above it, or a name in it for a glob without a slash: the lowest of each one's first.
  const first = (text: string, index: ReturnType<typeof side>): number => {
    let best = index.whole(text);
    for (let slash = text.indexOf('/'); slash > 0; slash = text.indexOf('/', slash + 1)) best = Math.min(best, index.prefix(text.slice(0, slash)));
    for (const segment of text.split('/')) best = Math.min(best, index.segment(segment));
    return best;
  };
  return (subject) => {
    const text = plain(subject);
    let best = first(text, (asWritten ??= side(asWrittenGlob)));
    if (!/^[\x00-\x7f]*$/.test(text)) best = Math.min(best, first(foldPath(text), (folded ??= side(foldedGlob))));
    return globs[best];
  };
}

/**
 * The glob with the parentheses of its plain groups, and the `|` inside them, escaped (an
 * extglob's `@(…)`, `!(…)`, `+(…)`, `?(…)`, `*(…)` and an escaped `\(` are kept), or null when it
 * has none. picomatch reads `app/(auth)/**` as a group, `app/auth/**`, while Next.js route groups
 * (`app/(auth)/login/page.tsx`) and SvelteKit layout groups are directories named with their
 * parentheses: such a path rule protected nothing that exists. picomatch reads brackets both ways
 * (`app/[locale]` is the class and the directory named so); this reads parentheses both ways too.
 */
function literalGroups(glob: string): string | null {
  const open: boolean[] = [];
  let out = '';
  let plain = false;
  for (let at = 0; at < glob.length; at += 1) {
    const char = glob[at]!;
    if (char === '\\') {
      out += glob.slice(at, at + 2);
      at += 1;
    } else if (char === '(') {
      const extglob = at > 0 && '@!+?*'.includes(glob[at - 1]!) && glob[at - 2] !== '\\';
      open.push(!extglob);
      plain ||= !extglob;
      out += extglob ? char : '\\(';
    } else if (char === ')' && open.length > 0) {
      out += open.pop() ? '\\)' : char;
    } else if (char === '|' && open.length > 0 && open[open.length - 1]) {
      out += '\\|';
    } else {
      out += char;
    }
  }
  return plain ? out : null;
}

/** A path glob's test, also reading its plain groups' parentheses as the directory names they may be (literalGroups). */
function withLiteralGroups(glob: string, test: Test): Test {
  const literal = literalGroups(glob);
  if (literal === null) return test;
  const asNamed = compile(literal);
  return (subject) => test(subject) || asNamed(subject);
}

/** A path as macOS names it (mac-name.ts): a wider match only makes a path rule stricter. */
const foldPath = macFoldedName;
