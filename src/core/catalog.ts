/**
 * Model catalog and canonicalisation: any way of writing a model name → one `vendor/model` id
 * (OpenRouter-style: `anthropic/claude-opus-4.6`, `openai/gpt-5.2-codex`, `qwen/qwen3-coder`).
 *
 * Data (src/core/data/models.json):
 * - `vendors`: canonical vendor → `families` (leading words of its model names, used to infer
 *   the vendor of a model the table does not know: `claude-opus-5` → `anthropic`) and `names`
 *   (ways the vendor itself is written: `xai`, `zhipu`, `deepseek-ai`).
 * - `routers`: LiteLLM / OpenRouter / cloud / runner prefixes (`openrouter/`, `vertex_ai/`,
 *   `ollama/`) that say where a model ran, not who made it.
 * - `agents`: agent and product names that are never models (`claude-code`, `cursor`).
 * - `models`: canonical id → aliases. Aliases are written in any spelling; they are normalised
 *   with the rules below, so only names the rules cannot derive need listing.
 *
 * Decisions: a `-plus`/`-flash`/`-max` variant is its own model (`qwen/qwen3-coder-plus`);
 * the flagship Qwen3-Coder-480B-A35B-Instruct is `qwen/qwen3-coder` (as on OpenRouter), the
 * 30B one `qwen/qwen3-coder-30b-a3b-instruct`; `deepseek-chat`/`deepseek-reasoner` are the API
 * aliases, kept apart from the versions (`deepseek/deepseek-v3.1`). The version a vendor
 * published is kept: a preview or experimental release is a model of its own, suffix and all
 * (`gemini-2.5-pro-preview-06-05`, `gemini-2.5-pro-exp-03-25`, `qwq-32b-preview`); only a GA
 * model's snapshot date folds (`claude-opus-4-5-20251101` → `anthropic/claude-opus-4.5`). The
 * table may still list a vendor's `-preview` API name of a GA model (`kimi-k2-0711-preview`).
 *
 * Rules, in order: reject non-strings, input over 200 characters, control/bidi/zero-width
 * characters and any other non-ASCII (unicode spaces and dashes count as ASCII ones); config
 * `aliases` (case-insensitive, on the whole text, then on the normalised name); drop notes in
 * `()`, `[]`, `<>`, `{}` (`(1M context)`, `[1m]`, an email); take the last `/` segment (the
 * rest are routers or vendors) and normalise it (model-name.ts): vertex `@…`, bedrock
 * `region.provider.…-v1:0`, OpenAI fine-tunes `ft:<base>:…` (the base model), Cohere's `c4ai-`, a server's
 * label before a family (OpenCode Zen's `alpha-`, Databricks' `databricks-` endpoints), OpenRouter
 * variants (`:free`, `:exacto`), ollama `:tag` (kept as words: `llama4:scout` →
 * `llama-4-scout`; `:latest`, quantisation and `-cloud` dropped; a tag naming no catalog model is a
 * build of the model before it: `qwen3-coder:rm` → `qwen/qwen3-coder`), case, spaces and
 * underscores, a leading vendor word (`OpenAI o3`), dates (`-YYYYMMDD`, `-YYYY-MM-DD`,
 * `-preview-MM-DD`), `-latest`, quantisation (`-q4_K_M`, unsloth's `-UD-Q4_K_XL`, a GGUF file's
 * `.gguf` and split part), `4-6` → `4.6`, family spelling (`gpt4o` →
 * `gpt-4o`, `qwen2.5` → `qwen-2.5`, `Claude 4 Sonnet` → `claude-sonnet-4`), reasoning-effort
 * suffixes; a leading `Vendor: ` (OpenRouter display names, `Anthropic: Claude Opus 4.5`); then
 * the table; then the family rule (an unknown name needs a version digit, so `Claude Monet` and
 * `Kimi Raikkonen` stay people, and every word after the family is a version or a model word,
 * so `claude-opus-4.6-and-qwen3-coder` is not one model); last, a literal `vendor/model` in
 * `[a-z0-9._-]` of a vendor we do not know (`acme/coder-2`) is kept, lowercased, unless its name
 * is another vendor's family and version (`openai/qwen3-coder-30b-local` is Qwen's: familyOwned).
 *
 * An `aliases` object is indexed once and cached by identity: treat it as immutable.
 */
import { AGENTS, MODEL_ALIASES, ROUTERS, VENDOR_NAMES, VENDORS, FAMILIES } from './model-data.js';
import { familyOf, isAgent, isAgentName, normaliseModelName, type ModelName, type NameOptions } from './model-name.js';
import { MODEL_WORDS, shortName, type ModelContext } from './model-words.js';
import PRECOMPUTED from './data/model-table.generated.json' with { type: 'json' };
import CATALOG_TAG from './data/catalog-tag.generated.json' with { type: 'json' };
import FIXED_NAMES from './data/model-fixed-names.generated.json' with { type: 'json' };

export type { ModelContext } from './model-words.js';

const MAX_INPUT = 200;
const MAX_SEGMENTS = 8;
const MODEL_ID = /^[a-z0-9][a-z0-9._-]{0,63}\/[a-z0-9][a-z0-9._-]{0,127}$/;
// C0/C1 controls, zero-width and bidi controls, line/paragraph separators, BOM.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;
/** Blanks a screen shows as a space that are no white space to git (a character class body). */
export const UNICODE_BLANKS = '\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000';
const UNICODE_SPACE = new RegExp(`[${UNICODE_BLANKS}]`, 'g');
const UNICODE_DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const NOTE = /\([^()]*\)|\[[^[\]]*\]|<[^<>]*>|\{[^{}]*\}/g;

type Lookup = ReadonlyMap<string, string>;
const NO_ALIASES: Lookup = new Map();

/** True for a syntactically valid canonical id: `vendor/model` in `[a-z0-9._-]`. */
export function isModelId(value: unknown): value is string {
  return typeof value === 'string' && MODEL_ID.test(value) && !value.includes('..');
}

/** The vendor of a canonical id (`anthropic` for `anthropic/claude-opus-4.6`), else null. */
export function modelVendor(id: string): string | null {
  return isModelId(id) ? id.slice(0, id.indexOf('/')) : null;
}

/** Every model id of the built-in table. */
export function knownModels(): readonly string[] {
  return Object.keys(MODEL_ALIASES);
}

/** Every canonical vendor. */
export function knownVendors(): readonly string[] {
  return VENDORS;
}

// The normalised-name table is precomputed at development time (scripts/build-model-table.mjs):
// building it from the aliases costs ~10 ms per process, paid by every commit hook otherwise.
// test/unit/catalog-table.test.ts fails when the checked-in table differs from buildModelTable().
// Looked up in the generated pairs themselves for a process's first few names (a commit hook's one or two
// models): the Map of ~460 names, ~31 KB of a young generation it made overflow (row 1223), is built on the
// 17th look-up, or the first walk over every name. The same answers either way: the keys are unique.
const PAIRS = PRECOMPUTED as [string, string][];
let tableMap: Map<string, string> | undefined;
let scans = 0;
function tableLookup(key: string): Map<string, string> | [string, string] | undefined {
  if (tableMap !== undefined || (scans += 1) > 16) return (tableMap ??= new Map(PAIRS));
  for (const pair of PAIRS) if (pair[0] === key) return pair;
  return undefined;
}
const TABLE = {
  has: (key: string): boolean => {
    const found = tableLookup(key);
    return found instanceof Map ? found.has(key) : found !== undefined;
  },
  get: (key: string): string | undefined => {
    const found = tableLookup(key);
    return found instanceof Map ? found.get(key) : found?.[1];
  },
  [Symbol.iterator]: (): MapIterator<[string, string]> => (tableMap ??= new Map(PAIRS)).entries(),
};

/** The normalised-name → id table, built from the aliases of src/core/data/models.json. */
export function buildModelTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const [id, aliases] of Object.entries(MODEL_ALIASES)) {
    for (const alias of [id.slice(id.indexOf('/') + 1), ...aliases]) {
      const name = normaliseModelName(alias);
      if (name && !table.has(name.key)) table.set(name.key, id);
    }
  }
  return table;
}

/** Names normalised by an earlier process, given back by primeModelNames() (the config cache keeps its aliases'). */
const primed = new Map<string, ModelName | null>();

/** Family words and vendor names that are their own normalised name (`claude`, `qwen`, `openai`): generated with the table. */
const FIXED: ReadonlySet<string> = new Set(FIXED_NAMES);

/** The family words and vendor names normaliseModelName() leaves as they are: written to model-fixed-names.generated.json. */
export function buildFixedNames(): string[] {
  const words = new Set([...FAMILIES.map((family) => family.word), ...VENDOR_NAMES.keys()]);
  return [...words].filter((word) => !TABLE.has(word) && JSON.stringify(normaliseModelName(word)) === JSON.stringify({ key: word, sized: word })).sort();
}

/**
 * normaliseModelName() without its ~30 regular expressions when the answer is known: a key of the
 * table is its own normalised name (test/unit/catalog-table.test.ts holds it for every key), so are
 * the generated family words and vendor names, and a name primed from the config cache. Compiling
 * those expressions was most of what a commit hook's model lookup cost.
 */
function normalised(text: string, options: NameOptions = {}): ModelName | null {
  if (options.fireworks) return normaliseModelName(text, options);
  if (TABLE.has(text) || FIXED.has(text)) return { key: text, sized: text };
  const known = primed.get(text);
  return known === undefined ? normaliseModelName(text) : known;
}

/** What normaliseModelName() depends on, as generated beside the table: names normalised under another tag are never primed. */
export const MODEL_NAMES_TAG: string = CATALOG_TAG.tag;

/** The alias keys of `aliases` as userAliases() normalises them, with their normalised names: what primeModelNames() takes back. */
export function aliasModelNames(aliases: unknown): [string, ModelName | null][] {
  if (typeof aliases !== 'object' || aliases === null) return [];
  const names: [string, ModelName | null][] = [];
  for (const rawKey of Object.keys(aliases)) {
    const key = cleanInput(rawKey)?.toLowerCase();
    if (key && !key.includes('/') && !TABLE.has(key)) names.push([key, normaliseModelName(key)]);
  }
  return names;
}

/** What normaliseModelName() can give (model-name.ts normaliseText). */
const wellFormed = (text: unknown): text is string => typeof text === 'string' && /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(text) && !text.includes('..');

/** A primed name as normaliseModelName() gives it: its `base` kept only when well formed. */
function primedName(name: ModelName): ModelName {
  return wellFormed(name.base) ? { key: name.key, sized: name.sized, base: name.base } : { key: name.key, sized: name.sized };
}

/**
 * Take back names aliasModelNames() gave under MODEL_NAMES_TAG, for the alias keys of `aliases` only
 * (anything else, or a malformed entry, is ignored): a hook then normalises no alias of the config.
 */
export function primeModelNames(aliases: unknown, names: unknown): void {
  if (!Array.isArray(names) || typeof aliases !== 'object' || aliases === null) return;
  const keys = new Set(Object.keys(aliases).map((rawKey) => cleanInput(rawKey)?.toLowerCase()));
  for (const entry of names) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !keys.has(entry[0]) || TABLE.has(entry[0])) continue;
    const [key, name] = entry as [string, unknown];
    if (name === null) primed.set(key, null);
    else if (typeof name === 'object' && wellFormed((name as ModelName).key) && wellFormed((name as ModelName).sized)) primed.set(key, primedName(name as ModelName));
  }
}

/** ASCII text to work on, or null for hostile or oversized input. */
function cleanInput(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_INPUT || FORBIDDEN.test(raw)) return null;
  const text = raw.replace(UNICODE_SPACE, ' ').replace(UNICODE_DASH, '-');
  if (/[^\x20-\x7e]/.test(text)) return null;
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed.length > 0 ? trimmed : null;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const aliasCache = new WeakMap<object, Lookup>();

/** Config `detect.aliases` keyed like the table (whole text lowercased, and normalised name). */
function userAliases(aliases: unknown): Lookup {
  if (typeof aliases !== 'object' || aliases === null) return NO_ALIASES;
  const cached = aliasCache.get(aliases);
  if (cached) return cached;
  const lookup = new Map<string, string>();
  for (const [rawKey, rawTarget] of Object.entries(aliases)) {
    const key = cleanInput(rawKey)?.toLowerCase();
    const target = typeof rawTarget === 'string' ? aliasTarget(rawTarget) : null;
    if (!key || !target) continue;
    if (!lookup.has(key)) lookup.set(key, target);
    const name = key.includes('/') ? null : normalised(key);
    if (name && !lookup.has(name.key)) lookup.set(name.key, target);
    // A policy's `claude-latest` names the family's newest model, whatever it is written as (`Claude`):
    // the word alone too, as when the catalog dropped every `-latest` (the table keeps `kimi-latest` whole).
    const bare = name?.key.endsWith('-latest') ? name.key.slice(0, -'-latest'.length) : '';
    if (/^[a-z]+$/.test(bare) && !lookup.has(bare)) lookup.set(bare, target);
  }
  aliasCache.set(aliases, lookup);
  return lookup;
}

/**
 * Every name the reading matches `aliases` by (config `detect.aliases`): each key as written
 * (lowercased) and as normalised (`claude-opus-4-6-20260115` and `Claude 4.6 Opus` are both
 * `claude-opus-4.6`). A key none of these is in never reads otherwise through an alias.
 */
export function aliasLookupKeys(aliases: unknown): string[] {
  return [...userAliases(aliases).keys()];
}

/**
 * Whether no configured alias (`detect.aliases`) could match in `value`: each alias name, as written
 * and as the catalog normalises it before matching (`claude-opus-4-6-20260115`, `Claude 4.6 Opus`, a
 * Bedrock or Vertex id, `:free`, `-latest` are all `claude-opus-4.6` to it: aliasLookupKeys), made
 * ASCII letters and digits only, appears nowhere in the value made so. An alias name with any other
 * character (after NFKC), or with no letter or digit at all, is taken to match. The fast readings
 * (src/core/detect/fixed-values.ts, canonicalModel's own ids) are used only where this holds: the
 * general reading finds an alias only where its letters are.
 */
export function aliasFree(value: string, aliases: Record<string, string>): boolean {
  const names = Object.keys(aliases);
  if (names.length === 0) return true;
  const flat = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  const absent = (name: string): boolean => {
    const normal = name.normalize('NFKC').toLowerCase();
    if (/[^\x20-\x7e]/.test(normal)) return false;
    const letters = normal.replace(/[^a-z0-9]/g, '');
    return letters !== '' && !flat.includes(letters);
  };
  return names.every(absent) && aliasLookupKeys(aliases).every(absent);
}

/**
 * An alias's model as an id: written as an id, it is kept, but for its vendor written as the company
 * is called (`zhipu/glm-internal` is `z-ai/glm-internal`, as policy globs and every other reading name
 * it: kept as written, `deny: ["zhipu/*"]` matched no model the alias gave).
 */
function aliasTarget(raw: string): string | null {
  const text = cleanInput(raw);
  if (!text) return null;
  const id = text.toLowerCase();
  if (!isModelId(id)) return resolveText(text, NO_ALIASES);
  const slash = id.indexOf('/');
  return `${VENDOR_NAMES.get(id.slice(0, slash)) ?? id.slice(0, slash)}${id.slice(slash)}`;
}

/**
 * Canonical `vendor/model` id for any way of writing a model name (display names, dated API ids,
 * LiteLLM/OpenRouter prefixes, case and separator variants), or `null` when `raw` does not name
 * a model. `aliases` (from config `detect.aliases`) win over the built-in table. A vendor's
 * `vendor/unknown` (a vendor named without a model) is an id too. The result only ever contains
 * `[a-z0-9./_-]`.
 */
export function canonicalModel(raw: string, aliases: Record<string, string> = {}, context: ModelContext = {}): string | null {
  // A model of the table written as its own id (AITRAIL_MODEL, aitrail's own trailer): itself, as the
  // reading below gives it (a unit test holds every id), without the first use of its tables (~0.5 ms a hook).
  if (Object.hasOwn(MODEL_ALIASES, raw) && aliasFree(raw, aliases)) return raw;
  return readModelName(raw, aliases, context);
}

/** canonicalModel's reading in full (exported for the test that holds the table's own ids to it). */
export function readModelName(raw: string, aliases: Record<string, string> = {}, context: ModelContext = {}): string | null {
  const text = cleanInput(raw);
  if (!text) return null;
  const id = resolveText(text, userAliases(aliases), context);
  return isModelId(id) && !pronounPair(id) ? id : null;
}

/**
 * Pronouns people give beside their names (`Alice Doe (she/her)`, `Sam (they/them)`): the shape of
 * a `vendor/model` id, never a model.
 */
const PRONOUNS: ReadonlySet<string> = new Set(['she', 'her', 'hers', 'he', 'him', 'his', 'they', 'them', 'theirs', 'ze', 'zir', 'hir', 'xe', 'xem', 'xir', 'ey', 'em', 'fae', 'faer', 'it', 'its', 'any', 'all']);
/** A well-formed id (one `/`) made of two pronouns: two set lookups, not a pattern compiled on every hook's first model. */
function pronounPair(id: string): boolean {
  const at = id.indexOf('/');
  return PRONOUNS.has(id.slice(0, at)) && PRONOUNS.has(id.slice(at + 1));
}

/**
 * The vendor a model name the table cannot read still names by its first word: `qwen-flash`,
 * `kimi-for-coding`, `glm-coding`, `deepseek` (the last `/` segment, notes dropped, starts with a
 * family or vendor word); null for an agent name or any other text. For text known to name a model
 * (a model variable, a session), whose vendor then reads as `vendor/unknown` rather than `unknown`.
 */
export function nameVendor(raw: string): string | null {
  const text = cleanInput(raw);
  if (!text) return null;
  const last = (text.replace(NOTE, ' ').split('/').pop() ?? '').trim();
  const token = slug(last);
  if (token === '') return null;
  const words = token.split('-');
  // `codex-kimi`, `cursor-kimi`, `amp-qwen3-x`, `claude-code-kimi` (row 1190): an agent's name, then a model's: the rest decides, as
  // `Assisted-by: opencode:codex-kimi` reads it (Moonshot's); a model variable or a git-ai note read `openai/unknown` (`codex`
  // as OpenAI's family) or nothing (`cursor-…`, an agent's name) (row 1170). Read here, every reader shares it (identity.ts idVendor).
  // The rest naming no vendor (`codex-latest`, `cursor-fast`), the name is read as before (`codex`: OpenAI's family).
  const lead = leadingAgentWords(words);
  const rest = lead > 0 && lead < words.length ? nameVendor(words.slice(lead).join('-')) : null;
  if (rest !== null) return rest;
  const head = words[0] ?? '';
  // `kimi-code-latest`, `qwen-code-2`, `claude-code-latest`: an agent's name its vendor's word starts, then more, is a model's
  // name of that vendor, as `Assisted-by:` reads it; a note or a model variable read no vendor, past its deny (row 1181).
  // An agent's name alone (`claude-code`, `kimi-code`), or one no vendor's word starts (`opencode-latest`) or an agent's own
  // (`cursor-agent-latest`: Cursor's, also the vendor of its Composer models) still names none.
  if (isAgentName(token) && (AGENT_NAMES.has(token) || AGENT_NAMES.has(head) || (!VENDOR_NAMES.has(head) && familyOf(head) === null))) return null;
  const spaced = /\s/.test(last);
  // `o3-kimi`, `swe-kimi`, `composer-kimi`: a first word that starts a family's names and a name's common words alike, then a
  // vendor's word: the later word's vendor, as `Assisted-by:` reads it; a note or a model variable read OpenAI's (row 1181).
  const weakHead = !spaced && LATER_FAMILY_NOT_VENDOR.test(head) && !VENDOR_NAMES.has(head) ? laterVendor(words) : null;
  if (weakHead !== null) return weakHead;
  const first = VENDOR_NAMES.get(head) ?? familyOf(token)?.vendor;
  if (first) return first;
  // Several words (`fast qwen3-coder`, a git-ai note's value): each is read as a model of its own by the readers of
  // words (note-attribution.ts moreModelsOfNote, a trailer's tokens), which name Qwen's model; a vendor read here first
  // would hide it behind `qwen/unknown` (and a screen's shown order behind the bytes' first reading).
  return spaced ? null : laterVendor(words);
}
/**
 * `openthinker-qwen`, `my-kimi-tune`: a fine-tune or a server's name for a model, named after its base by a later
 * word, is the base's vendor's, as a declared value's words are read (row 338); `unknown` passed a deny of that
 * vendor (row 1140). Only a vendor's name or a word a family starts (`qwen2`), not an agent's (`cursor`, `codex`) or a common one.
 */
function laterVendor(words: readonly string[]): string | null {
  return laterVendors(words)[0] ?? null;
}
/** Every vendor laterVendor's words name, in order, each once. */
function laterVendors(words: readonly string[]): string[] {
  const vendors: string[] = [];
  for (const word of words.slice(1, 8)) {
    if (LATER_WORD_NOT_VENDOR.has(word) || LATER_FAMILY_NOT_VENDOR.test(word) || isAgentName(word)) continue;
    const vendor = VENDOR_NAMES.get(word) ?? familyOf(word)?.vendor;
    if (vendor && !vendors.includes(vendor)) vendors.push(vendor);
  }
  return vendors;
}
/**
 * The vendors a model name the table cannot read names: nameVendor's, then every other vendor a later word of one joined
 * name names (`gpt-kimi`: OpenAI's and Moonshot's; `qwen-claude`: Qwen's and Anthropic's), as `Assisted-by:` reads each
 * family's word; a git-ai note and a co-author's note read the first word's vendor alone, past a deny of the other
 * (row 1201). An agent's name first (`claude-code-kimi`) or several spaced words read as nameVendor reads them. [] for no vendor.
 */
export function nameVendors(raw: string): string[] {
  const first = nameVendor(raw);
  if (first === null) return [];
  const last = (cleanInput(raw)?.replace(NOTE, ' ').split('/').pop() ?? '').trim();
  const words = slug(last).split('-');
  if (/\s/.test(last) || leadingAgentWords(words) > 0) return [first];
  return [first, ...laterVendors(words).filter((vendor) => vendor !== first)];
}
/**
 * The vendors other than `vendor` that one joined name names with it (nameVendors: `gpt-kimi` beside OpenAI's: Moonshot's);
 * [] when the name does not name `vendor`. The one rule of model variables, sessions, co-authors' names and notes (rows 1201, 1209, 1211).
 */
export function otherNameVendors(raw: string, vendor: string): string[] {
  const named = nameVendors(raw);
  return named.includes(vendor) ? named.filter((other) => other !== vendor) : [];
}
/**
 * How many first words of a slug's are an agent's name (`codex`, `cursor`, `cursor-agent`, `amp`, `opencode`, and one a
 * vendor's word starts: `claude-code`, `gemini-cli`, `llama-cpp`): 0 when none. The rest after it, when it names a vendor,
 * decides (`claude-code-kimi`: Moonshot's, as `Assisted-by:` reads it; anthropic/unknown passed a deny of Moonshot: row
 * 1190); a rest of no vendor's (`claude-code-latest`) leaves the first word's. `codex` is OpenAI's agent's name as much as a family's (row 1157).
 */
function leadingAgentWords(words: readonly string[]): number {
  const first = words[0] ?? '';
  // An agent's own name first (`cursor`, also a vendor's id for Cursor's Composer), a vendor's word some agent's name
  // starts (`claude`, `gemini`, `llama`), else no vendor's or family's word: `kimi-k2` asks nothing more.
  if (first !== 'codex' && !AGENT_NAMES.has(first) && !AGENT_NAMES.starts(first) && (VENDOR_NAMES.has(first) || familyOf(first) !== null)) return 0;
  for (let count = Math.min(words.length, 4); count > 0; count -= 1) {
    const name = words.slice(0, count).join('-');
    if (name === 'codex' || AGENT_NAMES.has(name)) return count;
  }
  return 0;
}
let AGENT_FIRST_WORDS: ReadonlySet<string> | undefined;
const AGENT_NAMES = {
  has: isAgent,
  /** Whether `word` is the first of an agent's name of several words (`claude` of `claude-code`). */
  starts: (word: string): boolean => (AGENT_FIRST_WORDS ??= new Set(AGENTS.filter((name) => name.includes('-')).map((name) => name.split('-')[0]!))).has(word),
};

/** Vendor and family words that are also common words of a name (`meta`, `ai`; by their start `composer`, `swe`, OpenAI's `o3`…). */
const LATER_WORD_NOT_VENDOR: ReadonlySet<string> = new Set(['meta', 'ai']);
// `codex`: OpenAI's agent's name (Codex CLI) as much as a family's, read as an agent by `Assisted-by:` (mentions.ts: no vendor
// word); `team-codex-kimi` in a co-author's note or a footer read `openai/unknown` where the trailer read Moonshot's (row 1157).
const LATER_FAMILY_NOT_VENDOR = /^(?:o[1-9]|swe|composer|codex)/;

function resolveText(text: string, user: Lookup, context: ModelContext = {}): string | null {
  const whole = user.get(text.toLowerCase());
  if (whole) return whole;
  let outer = text;
  for (let depth = 0; depth < 4 && /[()[\]<>{}]/.test(outer); depth += 1) outer = outer.replace(NOTE, ' ');
  if (/[()[\]<>{}]/.test(outer)) return null;
  outer = outer.replace(/\s+/g, ' ').trim();
  outer = withoutVendorLabel(outer);
  const found = user.get(outer.toLowerCase()) ?? shortName(outer, context) ?? routedFamily(outer, context) ?? resolveName(outer, user, context) ?? tierAlone(outer, user, context);
  if (found) return found;
  // `aider (gpt-4o)`, `Claude (claude-opus-4-5)`: an agent, family or vendor name with the model in a note.
  const outerSlug = slug(outer);
  if (outerSlug !== '' && !isAgentName(outerSlug) && !isBrandWord(outerSlug)) return null;
  for (const note of text.matchAll(/\(([^()]*)\)/g)) {
    const inner = shortName(note[1] ?? '', context) ?? resolveName(note[1] ?? '', user, context);
    if (inner) return inner;
  }
  return null;
}

/**
 * A family's own name behind a router's or its vendor's prefix (aider's and LiteLLM's `gemini/gemini-flash`,
 * `gemini/gemini-flash-latest`, `vertex_ai/gemini-pro`, `openrouter/anthropic/claude-sonnet`): the family id its name
 * gives alone (`shortNames`), where the text is known to be a model. Only a name carrying the family's whole word
 * (`gemini-flash`, not `flash`), after segments that are each a router's: a vendor's own prefix
 * (`google/gemini-flash-latest`, `openrouter/~anthropic/claude-sonnet-latest`) is an id as written (row 815 judges it), another
 * vendor's (`openai/gemini-flash`) a server's own name, both read as before.
 */
function routedFamily(text: string, context: ModelContext): string | null {
  if (!context.isModel || !text.includes('/')) return null;
  const segments = text.toLowerCase().split('/').map((segment) => segment.trim().replace(/^~(?=[a-z])/, ''));
  const last = segments.pop() ?? '';
  const family = shortName(last, context);
  if (family === null || family.endsWith('/unknown')) return null;
  if (!slug(last).startsWith(family.slice(family.indexOf('/') + 1))) return null;
  return segments.every((segment) => ROUTERS.has(segment)) ? family : null;
}

/**
 * `fable-5.1`, `Mythos 5`: Claude's Fable and Mythos tiers without the family's word, as `opus-4.7` is
 * read, only where the text is known to be a model (a declared value, an agent's model): elsewhere
 * `Fable 4` is the game.
 */
function tierAlone(text: string, user: Lookup, context: ModelContext): string | null {
  if (!context.isModel || !/^(?:fable|mythos)[\s_-]*\d/i.test(text)) return null;
  return resolveName(`claude-${text}`, user, context);
}

/** `Anthropic: Claude Opus 4.5` (OpenRouter's display names) → `Claude Opus 4.5`. */
function withoutVendorLabel(text: string): string {
  if (!text.includes(':')) return text;
  const label = /^([a-z][a-z0-9 .-]{0,30}):\s+(\S.*)$/i.exec(text);
  return label && VENDOR_NAMES.has(slug(label[1] ?? '')) ? (label[2] ?? text) : text;
}

/** A vendor or family word on its own (`claude`, `gemini`, `openai`): not a model, but may carry one in a note. */
function isBrandWord(token: string): boolean {
  return VENDOR_NAMES.has(token) || FAMILIES.some((family) => family.word === token);
}

function resolveName(text: string, user: Lookup, context: ModelContext = {}): string | null {
  const cleaned = text.replace(/^["'`]+|["'`]+$/g, '').trim().toLowerCase();
  if (cleaned === '') return null;
  const stored = storedModelName(cleaned);
  if (stored !== null) {
    for (const name of stored) {
      const model = resolveName(name, user, context);
      if (model !== null) return model;
    }
    return null;
  }
  // OpenRouter's `~author/family-latest` slugs (`~anthropic/claude-sonnet-latest`, `openrouter/~qwen/…`):
  // the `~` asks for the family's newest model, the author is the vendor all the same.
  const segments = cleaned.split('/').map((segment, at, all) => (at < all.length - 1 ? segment.trim().replace(/^~(?=[a-z])/, '') : segment.trim()));
  if (segments.length > MAX_SEGMENTS || segments.some((segment) => segment === '')) return null;
  const leading = segments.slice(0, -1);
  if (leading.some((segment) => !/^[a-z0-9@:._-]+$/.test(segment))) return null;
  const fireworks = leading.includes('fireworks') || leading.includes('fireworks_ai');
  const last = segments[segments.length - 1] ?? '';
  if (last === 'unknown') return vendorUnknown(leading);
  const name = isAgentName(slug(last)) ? null : normalised(last, { fireworks });
  const found = name ? lookup(name, user, context) : null;
  return found ?? familyOwned(literalId(segments), name);
}

/**
 * Runtimes and frameworks that serve or call any maker's model, named after a family (row 919):
 * llama.cpp (`llama.cpp`, `llama-cpp`, `llama_cpp`, its `llama-server` and `llama-cli`, llama-swap,
 * llama-cpp-python), LlamaIndex, mistral.rs; and (row 937) LlamaEdge (WasmEdge's server of any GGUF model),
 * GPUStack's llama-box (a llama.cpp server), LLaMA-Factory (a fine-tuning framework of 100+ makers' models). Their family word says where a model ran, not that Meta's
 * or Mistral's model did: read as `meta-llama/unknown` beside the model run (`Assisted-by: gpt-oss-20b
 * via llama.cpp`), it refused an honest commit under `deny: ["meta-llama/*"]` or `unknownModel: deny`.
 * Also a route before a path (`llama.cpp//models/….gguf`, row 918).
 */
export const RUNTIME_NAME = '(?:llama(?:[._-]?cpp(?:[._-]python)?|[-_](?:server|cli|swap|box)|[-_]?(?:index|edge|factory))|mistral[._-]?rs)';
/** One word that is such a runtime's name. */
export const RUNTIME_WORD = new RegExp(`^${RUNTIME_NAME}$`, 'i');

/**
 * A file system path: absolute (`/`, `~/`, `C:\\`, `C:/`), relative (`./`, `../`), any with a backslash,
 * or folders ending in a model file (llama.cpp's own `-m models/<name>/ggml-model-Q4_K_M.gguf`, a relative
 * path without `./`; the part after a space in a folder's name, `My Models/<name>/model.gguf`): read as an
 * id, its folders were a vendor (`qwen3-coder-30b-a3b-instruct/ggml-model-q4_k_m.gguf`, row 936).
 */
const FILE_PATH = /^(?:~?\/|\.{1,2}[/\\]|[a-z]:[/\\])|\\|\/[^/]*\.(?:gguf|ggml|bin|safetensors|llamafile|pt|pth|ckpt|onnx)$/;
/** A Hugging Face cache folder (`models--Qwen--Qwen3-Coder-30B-A3B-Instruct`): the Hub repository it holds. */
const HUB_CACHE = /^models--(.+?)--(.+)$/;

/**
 * The model a local server's path-named model is (row 918): llama.cpp's llama-server without
 * `--alias` names its model by the path `-m` loaded (`/models/Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf`),
 * vLLM without `--served-model-name` by its `--model` folder, a Windows server by `C:\models\…`. The
 * folders above the file say only where it is stored: the model is the file's or folder's name, or
 * the Hub repository a Hugging Face cache folder on the way names (`…/hub/models--Qwen--Qwen3-Coder-30B-A3B-Instruct/snapshots/<sha>`).
 * Read as an id of empty or backslashed segments, such a path was nothing, or only `qwen/unknown`
 * by its words, past a deny of `qwen/qwen3-coder*`. Null for text that is no path; '' for a path of no name.
 */
function storedModelName(text: string): string[] | null {
  // …behind a router's or vendor's prefix (aider's and LiteLLM's `openai//models/….gguf`: the `openai/` route to that server).
  const routed = /^((?:[a-z0-9._-]+\/)+)(\/.*)$/.exec(text);
  const path = routed && (routed[1] ?? '').split('/').slice(0, -1).every((segment) => ROUTERS.has(segment) || VENDOR_NAMES.has(segment) || RUNTIME_WORD.test(segment)) ? (routed[2] ?? '') : text;
  if (!FILE_PATH.test(path)) return null;
  const parts = path.split(/[/\\]+/).filter((part) => part !== '' && part !== '.' && part !== '..' && part !== '~' && !/^[a-z]:$/.test(part));
  for (const part of parts) {
    const hub = HUB_CACHE.exec(part);
    if (hub) return [`${hub[1]}/${hub[2]}`];
  }
  // The file's name, else the folder holding it (`models/<name>/model.pt`, `openai/models/<name>/model.gguf`:
  // no made-up `<name>/model.pt` id, no `openai/` vendor; row 949); folders above it say where it is stored.
  return parts.slice(-2).reverse();
}

/**
 * A literal id whose name starts with another vendor's versioned family is that family's model, as
 * where the text is known to be a model (byFamily): `openai/qwen3-coder-30b-local` (LiteLLM's `openai/`
 * route to a vLLM server serving Qwen under its own name), `anthropic/qwen3-coder-ft` (an
 * Anthropic-compatible gateway), `huihui-ai/qwen3-coder-30b-a3b-instruct-abliterated` (a fine-tune
 * named after its base). What stands before the name says where it ran or who published it; kept as
 * the vendor, it made a co-author line or a git-ai note pass `deny: ["qwen/*"]` and
 * `allow: ["openai/*"]`. A name of the literal's own vendor, or with no family and version
 * (`acme/coder-2`, `nousresearch/hermes-4-llama-3.1-405b`), stays as written.
 */
function familyOwned(literal: string | null, name: ModelName | null): string | null {
  if (literal === null || name === null) return literal;
  const owned = byFamily(name.key, true);
  return owned !== null && modelVendor(owned) !== modelVendor(literal) ? owned : literal;
}

/** `qwen/unknown`, `openrouter/anthropic/unknown`: a known vendor whose model is not known. */
function vendorUnknown(leading: readonly string[]): string | null {
  const vendor = VENDOR_NAMES.get(leading[leading.length - 1] ?? '');
  return vendor && leading.slice(0, -1).every((segment) => ROUTERS.has(segment)) ? `${vendor}/unknown` : null;
}

function lookup(name: ModelName, user: Lookup, context: ModelContext = {}): string | null {
  const known = user.get(name.key) ?? TABLE.get(name.key);
  if (known) return known;
  // One word and `-latest` (normaliseModelName keeps it there): the table's own name (`kimi-latest`), else the word's (`codestral-latest`).
  if (name.key.endsWith('-latest')) {
    const bare = name.key.slice(0, -'-latest'.length);
    const latest = user.get(bare) ?? TABLE.get(bare);
    if (latest) return latest;
  }
  if (name.sized !== name.key) {
    const bySize = user.get(name.sized) ?? TABLE.get(name.sized);
    if (bySize) return bySize;
  }
  // `qwen3coder`, `qwen3\u00adcoder` (a soft hyphen, dropped), `qwen3.coder`: a table name written without its hyphens is that model.
  const joined = joinedNames().get(unjoined(name.key));
  if (joined) return joined;
  // An unknown ollama tag of a catalog model (`qwen3-coder:rm`, `qwen3-coder:999b`) is a build of that model (row 1007).
  const family = byFamily(name.key, context.isModel === true && context.strict !== true);
  if (name.base !== undefined) {
    const base = user.get(name.base) ?? TABLE.get(name.base) ?? joinedNames().get(unjoined(name.base));
    // A tag that goes on the base's version (`claude-opus-4:7`, `gpt-5:9`: the family reads `claude-opus-4.7`)
    // names a newer model, no build of the base: it read the older `claude-opus-4` past a deny of 4.7 (row 1020).
    if (base && !(family !== null && family.startsWith(`${base}.`) && /^\d/.test(family.slice(base.length + 1)))) return base;
  }
  return family;
}

/** A name without its hyphens, and without a dot that is no version's (`qwen3.coder` → `qwen3coder`, `claude-opus-4.6` → `claudeopus4.6`). */
function unjoined(key: string): string {
  // A loop, not a pattern with lookbehind: this runs for each of the table's names when joinedNames() is made (every agent's commit).
  let out = '';
  for (let at = 0; at < key.length; at += 1) {
    const char = key[at];
    if (char === '-' || (char === '.' && !(DIGIT.test(key[at - 1] ?? '') && DIGIT.test(key[at + 1] ?? '')))) continue;
    out += char;
  }
  return out;
}
const DIGIT = /^[0-9]$/;

let JOINED: Map<string, string> | undefined;
/**
 * The table's names with their hyphens dropped (`qwen3coder` → qwen/qwen3-coder), each only when
 * one model has it; made on first need (a name the table does not hold), not on every hook.
 */
function joinedNames(): Map<string, string> {
  if (JOINED) return JOINED;
  const names = new Map<string, string | null>();
  for (const [key, id] of TABLE) {
    const joined = unjoined(key);
    if (joined === key) continue;
    if (TABLE.has(joined)) continue;
    const seen = names.get(joined);
    names.set(joined, seen === undefined || seen === id ? id : null);
  }
  JOINED = new Map([...names].filter((entry): entry is [string, string] => entry[1] !== null));
  return JOINED;
}

/**
 * `claude-opus-5` → `anthropic/claude-opus-5`: the vendor from the family, if versioned. Where the
 * text is known to be a model (`isModel`), a new tier or suffix is read too (`Claude Fable 5`).
 */
function byFamily(token: string, isModel = false): string | null {
  if (isAgentName(token)) return null;
  const family = familyOf(token);
  if (!family) return null;
  // `Claude` is also a first name: a Claude model has a version or a tier right after the word.
  if (!isModel && family.word === 'claude' && !/^claude-(?:\d|(?:opus|sonnet|haiku|fable|mythos|instant)-\d)/.test(token)) return null;
  const versioned = /\d/.test(family.word) || /\d/.test(token.slice(family.word.length));
  if (!versioned) return null;
  // Every word after the family is a version, a size or a word models are named with: not prose
  // (`gpt-4-is-great`) and not a second model (`claude-opus-4.6-and-qwen3-coder`), nor a family's
  // word that starts the model after an agent's or family's name (`Claude claude-opus-4-6`, `Codex
  // GPT-6.1 Sol`: the model is what follows; a distill names its base, `deepseek-r1-distill-llama-…`).
  const words = token.slice(family.word.length).split('-').filter((word) => word !== '');
  const modelLike = words.every((word, at) =>
    /\d/.test(word) ? familyOf(word) === null || /^\d/.test(word) : MODEL_WORDS.has(word) || (isModel && (familyOf(word) === null || words[at - 1] === 'distill')),
  );
  return modelLike ? `${family.vendor}/${token}` : null;
}

/** The families' words that are no vendor's name (`claude`, `gemini`, `kimi`, `gpt`). */
const FAMILY_WORDS: ReadonlySet<string> = new Set(FAMILIES.map((family) => family.word).filter((word) => !VENDOR_NAMES.has(word)));

/** `acme/coder-2` (or `openrouter/acme/coder-2`): a vendor the catalog does not know, kept literally. */
function literalId(segments: readonly string[]): string | null {
  let rest = segments;
  while (rest.length > 2 && ROUTERS.has(rest[0] ?? '')) rest = rest.slice(1);
  if (rest.length !== 2) return null;
  const [written, model] = rest as [string, string];
  // An agent that is also a vendor (`cursor`, maker of composer-1) keeps its agent names out of ids.
  // A family's word is no vendor (`claude/ai`, `kimi/k2-foo` were made-up vendors `claude`, `kimi`, past a deny of
  // `anthropic/*`; `Claude/AI <…>`, `Claude/Lee <…>` on a co-author line are an account's and a person's names): row 959.
  const vendor = isAgentName(slug(written)) || FAMILY_WORDS.has(written) ? null : (VENDOR_NAMES.get(written) ?? (ROUTERS.has(written) ? null : written));
  if (!vendor || !/^[a-z][a-z0-9._-]*$/.test(vendor) || !/^[a-z0-9][a-z0-9._-]*$/.test(model)) return null;
  if (isAgentName(slug(model)) || FAMILIES.some((family) => family.word === model)) return null;
  const id = `${vendor}/${model}`;
  return isModelId(id) ? id : null;
}
