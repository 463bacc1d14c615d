import { knownModels } from '../catalog.js';
import { FLOATING, MODEL_ALIASES, SHORT_NAMES } from '../model-data.js';

/**
 * A model id that names no version (`anthropic/claude-opus`, `google/gemini-flash`): what an
 * agent's alias is recorded as (Claude Code's and aider's `--model opus`, Gemini CLI's `pro`,
 * `flash`, `flash-lite`; short-names table) and what a family's name in text reads as
 * (`Co-authored-by: Claude Opus`, `Assisted-by: Gemini Pro`). The agent runs one of the family's
 * versions, which one depending on its own version and the account (Gemini CLI: `pro` is
 * gemini-3-pro-preview with preview features, else gemini-2.5-pro; Claude Code: the latest Opus),
 * so a policy judges the family id by the versions it can be:
 * - a deny refuses it when it refuses any of them (a deny of `google/gemini-2.5-flash` refuses
 *   `google/gemini-flash`, and a literal id of a version the catalog does not know yet,
 *   `anthropic/claude-opus-5`, refuses `anthropic/claude-opus`);
 * - an allow passes it when the allow names the family id itself, or allows every version it can
 *   be, a later one too (`anthropic/claude-opus-*` passes `anthropic/claude-opus`;
 *   `anthropic/claude-opus-4.6` alone does not: the alias runs 4.7 once it is out).
 * A vendor's API id that follows its newest model of a line (`deepseek/deepseek-chat`: DeepSeek-V3
 * to V3.2; models.json `floating`) is judged so too, by the models the data lists.
 * Versions are the catalog's models of the family in the family's current naming (the version
 * where its newest model has it: `claude-opus-4.6`, not 2024's `claude-3-opus`, which no alias
 * read here resolves to today), with preview, experimental and dated builds (`gemini-3-pro-preview`).
 */
export interface VersionlessFamily {
  id: string;
  /** The catalog's versions of the family in its current naming. */
  members: readonly string[];
  /** A version later than every one the catalog knows, as the family names it (`anthropic/claude-opus-999`). */
  later: string;
  /** Where the family's current naming has its version among the name's `-` words. */
  at: number;
  /**
   * Ids of versions later than the newest the catalog knows (`anthropic/claude-opus-4.7`, `-5`, `-5.1`, … `-999`): what a deny
   * written with a class or a brace list (`anthropic/claude-opus-[5-9]*`, `-{5,6}*`) is tried on, as `-5*` is read by its words.
   */
  laterIds: readonly string[];
  /**
   * Every id an allow must pass to pass the family (row 854): its versions, `laterIds`, and one id a leading digit `1`…`9`
   * with the rest of the version left open (`anthropic/claude-opus-1x` … `-9x`). Later versions have no end (`-10`, `-20`, `-100`),
   * so no list of them is sound (`-{4,…,13}*` passes every one `laterIds` holds but refuses `-14`): a glob passes them only
   * when it leaves the version open after its first digit (`-*`, `-[0-9]*`, `-[1-9]*`, or globs that between them take each leading digit).
   */
  allowProbes: readonly string[];
}

/** A version token: `4`, `4.6`, `2.5`. */
const VERSION = /^\d+(?:\.\d+)*$/;
/** Build decorations after a model's name that keep it the same family's: `-preview`, `-preview-06-05`, `-exp-03-25`, `-latest`, `-001`. */
const BUILD = /(?:-(?:preview|exp|experimental|latest)(?:-\d{2}-\d{2}|-\d{2}-\d{4}|-\d{4})?|-\d{3})+$/;

interface Versioned {
  family: string;
  /** Where the version is among the name's `-` words. */
  at: number;
  version: number[];
}

/** The family id of a versioned model id (`google/gemini-2.5-flash` → `google/gemini-flash`), else null. */
export function versionedFamily(id: string): Versioned | null {
  const slash = id.indexOf('/');
  if (slash <= 0) return null;
  const words = id.slice(slash + 1).toLowerCase().replace(BUILD, '').split('-');
  const at = words.findIndex((word) => VERSION.test(word));
  if (at === -1) return null;
  const rest = words.filter((_, index) => index !== at);
  if (rest.length === 0 || rest.some((word) => /\d/.test(word) || word === '')) return null;
  return { family: `${id.slice(0, slash).toLowerCase()}/${rest.join('-')}`, at, version: words[at]!.split('.').map(Number) };
}

const newer = (a: readonly number[], b: readonly number[]): boolean => {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const left = a[index] ?? 0;
    const right = b[index] ?? 0;
    if (left !== right) return left > right;
  }
  return false;
};

let index: Map<string, { id: string; at: number; version: number[] }[]> | undefined;
let families: Set<string> | undefined;
let catalogued: Set<string> | undefined;

/** Built on first need: only a subject with no digit in its name asks. */
function load(): void {
  index = new Map();
  catalogued = new Set(knownModels());
  for (const id of catalogued) {
    const read = versionedFamily(id);
    if (read === null) continue;
    const list = index.get(read.family) ?? [];
    list.push({ id, at: read.at, version: read.version });
    index.set(read.family, list);
  }
  families = new Set(index.keys());
  for (const names of SHORT_NAMES.values()) for (const id of names.values()) if (!id.endsWith('/unknown')) families.add(id);
}

const known = new Map<string, VersionlessFamily | null>();

/**
 * The family a model id names without a version, with the versions it can be; null for an id
 * with a version, a model of its own the catalog knows without one (`openai/codex-mini`,
 * `meta-llama/muse-spark-open`), or a name no catalogued model or alias is a version of.
 */
export function versionlessFamily(model: string): VersionlessFamily | null {
  const slash = model.indexOf('/');
  if (slash <= 0 || /\d/.test(model.slice(slash + 1)) || model.endsWith('/unknown')) return null;
  const written = model.toLowerCase();
  if (known.has(written)) return known.get(written)!;
  // A catalogued model of its own with no version (`openai/codex-mini`), not a floating id: no index built for it.
  if (Object.hasOwn(MODEL_ALIASES, written) && !FLOATING.has(written)) return null;
  if (index === undefined) load();
  let found: VersionlessFamily | null = null;
  // A family's alias with a build word (`google/gemini-flash-latest`, Google's API alias; OpenRouter's
  // `~anthropic/claude-opus-latest`, read as `anthropic/claude-opus-latest`) is the family, as the catalog's own ids drop it.
  const stripped = catalogued!.has(written) ? written : written.replace(BUILD, '');
  // An agent's short name under its vendor (`anthropic/opus`, `google/flash`, `google/pro`): that vendor's family id.
  const id = families!.has(stripped) || FLOATING.has(stripped) ? stripped : (shortFamily(stripped) ?? stripped);
  const floating = FLOATING.get(id);
  // A vendor's API id that follows its newest model (`deepseek/deepseek-chat`): no literal version names it (`at` -1).
  if (floating !== undefined) found = withProbes({ id, members: floating.members, later: floating.later, at: -1, laterIds: [floating.later] });
  else if (!catalogued!.has(id) && families!.has(id)) {
    const all = index!.get(id) ?? [];
    const newest = all.reduce<(typeof all)[number] | undefined>((best, entry) => (best === undefined || newer(entry.version, best.version) ? entry : best), undefined);
    const at = newest?.at ?? id.slice(slash + 1).split('-').length;
    const members = all.filter((entry) => entry.at === at).map((entry) => entry.id);
    const named = (version: string): string => {
      const words = id.slice(slash + 1).split('-');
      words.splice(at, 0, version);
      return `${id.slice(0, slash)}/${words.join('-')}`;
    };
    found = withProbes({ id, members, later: named('999'), at, laterIds: [...laterVersions(newest?.version), '999'].map(named) });
  }
  if (known.size < 1000) known.set(written, found);
  return found;
}

/** The family with the ids an allow must pass (`allowProbes`): the open version written in place of `later`'s `999`. */
function withProbes(family: Omit<VersionlessFamily, 'allowProbes'>): VersionlessFamily {
  const open = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => family.later.replace(/999(?!.*999)/, `${digit}x`));
  return { ...family, allowProbes: [...new Set([...family.members, ...family.laterIds, ...open])] };
}

/** `anthropic/opus` → `anthropic/claude-opus`: a short name of any agent's table whose family is the id's own vendor's, else null. */
function shortFamily(id: string): string | null {
  const slash = id.indexOf('/');
  const vendor = id.slice(0, slash + 1);
  for (const names of SHORT_NAMES.values()) {
    const target = names.get(id.slice(slash + 1));
    if (target !== undefined && target.startsWith(vendor) && families!.has(target)) return target;
  }
  return null;
}

/** Versions after `newest` (4.6 → 4.7 … 4.9, 5, 5.0 … 5.9, … 13.9): the next ones a vendor may name. */
function laterVersions(newest: readonly number[] | undefined): string[] {
  if (newest === undefined) return [];
  const [major = 0, minor] = newest;
  const versions: string[] = [];
  for (let next = (minor ?? 0) + 1; next <= 9; next += 1) versions.push(`${major}.${next}`);
  for (let next = major + 1; next <= major + 9; next += 1) {
    versions.push(String(next));
    for (let point = 0; point <= 9; point += 1) versions.push(`${next}.${point}`);
  }
  return versions;
}

/**
 * The family's ids as a language (family-language.ts, row 870): the name before its version (`anthropic/claude-opus-`,
 * `google/gemini-`), the name after it (`''`, `-pro`), and whether the catalog's versions of it carry build words
 * (`gemini-3-pro-preview`: the family runs builds, so a deny of `*-preview` reaches it; Opus's do not). Null for a
 * floating id (`deepseek/deepseek-chat`), which no version in its name reads.
 */
export function familyShape(family: VersionlessFamily): { prefix: string; suffix: string; builds: boolean } | null {
  if (family.at < 0) return null;
  const slash = family.id.indexOf('/');
  const words = family.id.slice(slash + 1).split('-');
  const before = words.slice(0, family.at).join('-');
  const after = words.slice(family.at).join('-');
  return {
    prefix: `${family.id.slice(0, slash + 1)}${before}${before === '' ? '' : '-'}`,
    suffix: after === '' ? '' : `-${after}`,
    builds: family.members.some((member) => BUILD.test(member)),
  };
}
