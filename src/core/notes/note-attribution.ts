import { canonicalModel, nameVendor, nameVendors } from '../catalog.js';
import { agentSlug, slugify } from '../detect/agent-name.js';
import { readable as shownText, shownOrder } from '../detect/readable.js';
import data from '../data/git-ai-tools.json' with { type: 'json' };
import type { AgentRecord } from './types.js';

/** An AI author of noted lines, in aitrail's terms: agent slug and canonical model id (or `unknown`). */
export interface NoteAttribution {
  agent: string;
  model: string;
  /** Other models the record's model value names word by word (`gpt-5 qwen3-coder`): each is judged too, as every token of a trailer is. */
  also?: readonly string[];
}

const TOOLS: ReadonlyMap<string, string> = new Map(Object.entries(data.tools));
const MAX_FIELD = 200;
/** Longest part of a value read: padding of controls or blanks around a name (read as spaces, trimmed) is read up to this. */
const MAX_RAW = 4096;

/**
 * What a screen shows as a box between letters, never as a letter: U+FFFD (bytes that were not
 * UTF-8) and a lone surrogate (a JSON `\ud800` escape, which JSON.parse keeps): read as a space,
 * so `qwen3-coder\ufffd` is the model it shows, not one unknown word.
 */
// Each made on first use: a `\p{…}` class is read through ICU when the expression is made, at load for a module-level one (src/core/sanitize.ts unsafeChars).
let unreadableRegExp: RegExp | undefined;
let unreadablesRegExp: RegExp | undefined;
const unreadable = (): RegExp => (unreadableRegExp ??= /[\ufffd]|\p{Cs}/u);
const unreadables = (): RegExp => (unreadablesRegExp ??= new RegExp(unreadable().source, 'gu'));

/** A run of what a screen shows as blank or nothing: blanks, controls, format characters, U+FFFD, lone surrogates, colour sequences. */
let paddingRegExp: RegExp | undefined;
const padding = (): RegExp => (paddingRegExp ??= /(?:\u001b\[[0-?]*[ -/]*[@-~]|[\s\p{C}\ufffd])+/gu);

/**
 * A value longer than MAX_RAW (never a name git-ai recorded) with each run of padding() read as one
 * space: 5,000 spaces, BELs or colour resets before (or after a decoy letter and before)
 * `qwen3-coder` no longer push the name past the part read.
 */
function unpadded(value: string): string {
  return value.replace(padding(), ' ').replace(/^ /, '');
}

/**
 * What the value says, as detection reads a trailer (detect/readable.ts): NFKC, without format
 * characters (zero-width, bidi), terminal sequences dropped and other control characters (BEL,
 * NUL, CR, ESC, NEL, U+2028…) and unreadable() read as spaces, lookalike letters read as Latin, then trimmed: a
 * model written `qwen3-coder\x07` or `\x1b[0mqwen3-coder` is the model a terminal, `git notes
 * show` or git-ai's own display shows. Null (unknown) when nothing is left, or (`longer`
 * `unknown`, a tool) more than MAX_FIELD characters; `cut`: a longer value is read by its first
 * MAX_FIELD (a model: `qwen/qwen3-coder-` and 300 more characters is Qwen's, `qwen/unknown`, as
 * a trailer so long reads).
 */
function readable(value: string | null, longer: 'unknown' | 'cut' = 'unknown'): string | null {
  if (value === null) return null;
  const head = value.length > MAX_RAW ? unpadded(value).slice(0, MAX_RAW) : value;
  const read = shownText(unreadable().test(head) ? head.replace(unreadables(), ' ') : head, MAX_RAW).trim();
  if (read === '') return null;
  return read.length <= MAX_FIELD ? read : longer === 'cut' ? read.slice(0, MAX_FIELD) : null;
}

/**
 * Agents report reasoning effort, thinking and speed tiers as part of the name (Cursor's
 * `claude-4.5-opus-high-thinking`, `gpt-5-high-fast`): the same model, so they are folded into
 * it before the catalog reads the name. Only for families where these are modes, not models
 * (`kimi-k2-thinking` is a model of its own); `-max` only for Claude (Cursor's MAX mode),
 * since `gpt-5.1-codex-max` is a model.
 */
function foldModes(name: string): string {
  const lower = name.trim().toLowerCase();
  const modes = /claude/.test(lower)
    ? /[-_ ](?:thinking|fast|minimal|low|medium|high|xhigh|max)$/
    : /^(?:[a-z_-]+\/)*(?:gpt|o\d|gemini)/.test(lower)
      ? /[-_ ](?:thinking|fast|minimal|low|medium|high|xhigh)$/
      : null;
  if (!modes) return name;
  let folded = lower;
  for (let round = 0; round < 4 && modes.test(folded); round += 1) folded = folded.replace(modes, '');
  return folded;
}

/** The agent slug of a git-ai tool name (`claude` → `claude-code`, `github-copilot` → `copilot`). */
export function agentOfTool(tool: string | null): string {
  const name = readable(tool)?.trim().toLowerCase();
  if (!name) return 'unknown';
  return TOOLS.get(name) ?? agentSlug(name) ?? slugify(name);
}

// Thousands of notes name the same few models: each name is resolved once per aliases object.
const MAX_REMEMBERED = 4096;
const NO_ALIASES = {};
const remembered = new WeakMap<object, Map<string, string>>();

/**
 * The canonical model of a name an agent reported; one the catalog cannot read whose first word
 * names a vendor (`qwen-flash`, `kimi-for-coding`) is `vendor/unknown`; `default`, `auto`,
 * `unknown` or unreadable → `unknown`.
 */
export function modelOfNote(model: string | null, aliases?: Record<string, string>): string {
  if (model === null) return 'unknown';
  let known = remembered.get(aliases ?? NO_ALIASES);
  if (!known || known.size >= MAX_REMEMBERED) remembered.set(aliases ?? NO_ALIASES, (known = new Map()));
  let id = known.get(model);
  if (id === undefined) {
    id = modelOfName(readable(model, 'cut'), aliases);
    // Backspaces, cursor-back sequences or a right-to-left override: the model a screen shows, when the bytes read as none.
    const shown = id === 'unknown' ? shownOrder(model.slice(0, MAX_RAW)) : null;
    if (shown !== null) id = modelOfName(readable(shown, 'cut'), aliases);
    // A symbol glued to the name (`qwen3-coder☃`, `qwen3!coder`, an emoji): its words, as row 337 reads a trailer's.
    if (id === 'unknown') {
      const read = readable(model, 'cut');
      const words = read === null ? null : read.replace(notAName(), ' ').trim();
      if (words && words !== read) id = modelOfName(words, aliases);
    }
    known.set(model, id);
  }
  return id;
}

/** What is no part of a model name's words: anything but letters, digits and `-._/:@+`. */
let notANameRegExp: RegExp | undefined;
const notAName = (): RegExp => (notANameRegExp ??= /[^\p{L}\p{N}._/:@+-]+/gu);

function modelOfName(name: string | null, aliases?: Record<string, string>): string {
  if (name === null) return 'unknown';
  const vendor = nameVendor(foldModes(name));
  return canonicalModel(foldModes(name), aliases) ?? (vendor ? `${vendor}/unknown` : 'unknown');
}

const rememberedWords = new WeakMap<object, Map<string, readonly string[]>>();
const NONE: readonly string[] = [];

/**
 * The models the words of a model value name besides `primary` (modelOfNote's reading): `gpt-5
 * qwen3-coder` reads as `openai/unknown` whole, and Qwen's word is a model of its own, judged as every
 * token of a trailer is (invariant "every token counts"). Words naming no model are left out.
 */
export function moreModelsOfNote(model: string | null, primary: string, aliases?: Record<string, string>): readonly string[] {
  if (model === null) return NONE;
  let known = rememberedWords.get(aliases ?? NO_ALIASES);
  if (!known || known.size >= MAX_REMEMBERED) rememberedWords.set(aliases ?? NO_ALIASES, (known = new Map()));
  const key = `${primary}\u0000${model}`;
  let found = known.get(key);
  if (found === undefined) {
    const read = readable(model, 'cut');
    const words = read === null ? [] : read.replace(notAName(), ' ').split(' ').filter((word) => word !== '');
    // One joined name of two vendors' words the table cannot read (`gpt-kimi`): each vendor's, as `Assisted-by:` reads it (row 1201).
    const joined = primary.endsWith('/unknown') && read !== null ? nameVendors(foldModes(read)).map((named) => `${named}/unknown`) : [];
    const ids = [...joined, ...(words.length < 2 ? [] : words.map((word) => modelOfName(word, aliases)))];
    // A word naming the primary's vendor (`claude` of `claude opus 4.6`, `qwen3` of `qwen3\0-coder`) says nothing a deny of it misses.
    const vendor = primary === 'unknown' ? null : primary.split('/')[0];
    found = [...new Set(ids)].filter((id) => id !== 'unknown' && id.split('/')[0] !== vendor);
    if (found.length === 0) found = NONE;
    known.set(key, found);
  }
  return found;
}

/** The attribution of a session or prompt record (a missing record: agent and model unknown). */
export function noteAttribution(record: AgentRecord | undefined, aliases?: Record<string, string>): NoteAttribution {
  const model = modelOfNote(record?.model ?? null, aliases);
  const also = moreModelsOfNote(record?.model ?? null, model, aliases);
  return also.length === 0 ? { agent: agentOfTool(record?.tool ?? null), model } : { agent: agentOfTool(record?.tool ?? null), model, also };
}
