import FAST_PATH_TEXTS from '../data/fast-path-texts.generated.json' with { type: 'json' };
import { canonicalModel, knownVendors, modelVendor, nameVendor, otherNameVendors } from '../catalog.js';
import { MODEL_ALIASES, ROUTERS } from '../model-data.js';
import type { Identity } from '../types.js';
import { agentSlug } from './agent-name.js';
import { signatures } from './signatures.js';

/**
 * Split `Name <email>` (a co-author trailer value); the email may be missing. What
 * `/^(.*?)\s*<([^<>]*)>\s*$/` reads, without its lazy name before `\s*`, which tried the rest of a run
 * of spaces after each of the name's characters (quadratic: seconds for one value of 60,000): the
 * address is the last `<…>`, closing the value.
 */
export function parseIdentity(value: string): Identity {
  return addressedIdentity(value) ?? { name: value.trim(), email: '' };
}

/** `Name <email>` when `value` ends with its address (`<…>`), as parseIdentity reads it; null when it does not. */
export function addressedIdentity(value: string): Identity | null {
  const end = value.trimEnd();
  const open = end.endsWith('>') ? end.lastIndexOf('<') : -1;
  const email = open < 0 ? '' : end.slice(open + 1, -1);
  const name = open < 0 ? '' : value.slice(0, open);
  if (open < 0 || email.includes('>') || /[\n\r\u2028\u2029]/.test(name.trimEnd())) return null;
  return { name: name.trim(), email: email.trim() };
}

/**
 * The address an address as written names: without a `mailto:` link's scheme (a rendered page's copied
 * link: `<mailto:noreply@anthropic.com>`), quotes around it (`<"junie@jetbrains.com">`) or the root's
 * dots after its domain (`cursoragent@cursor.com.`, a fully qualified name: the same domain). Mail
 * goes to the same mailbox; a person reads the same address.
 */
export function plainAddress(email: string): string {
  let plain = email.trim();
  if (plain.length >= 2 && (plain[0] === '"' || plain[0] === "'") && plain.endsWith(plain[0])) plain = plain.slice(1, -1).trim();
  if (/^mailto:/i.test(plain)) plain = plain.slice('mailto:'.length);
  let end = plain.length;
  while (end > 0 && plain[end - 1] === '.') end -= 1;
  return plain.slice(0, end);
}

export interface IdentityMatch {
  agent: string;
  model: string;
}

/**
 * A model an identity was read as that is a literal id of a vendor the catalog does not know, named after its base's vendor
 * by a later word (`opencode (cognitivecomputations/dolphin-qwen)`, `(nousresearch/deephermes-3-llama-3-8b)`): that vendor's
 * unknown model beside it, as a declared value reads the same id (row 338); alone, the literal passed a deny of the base's
 * vendor (row 1141). `[]` for anything else.
 */
export function literalBase(match: IdentityMatch): IdentityMatch[] {
  const vendor = modelVendor(match.model);
  if (vendor === null || match.model.endsWith('/unknown') || knownVendors().includes(vendor)) return [];
  const base = nameVendor(match.model);
  return base !== null && base !== vendor ? [{ agent: match.agent, model: `${base}/unknown` }] : [];
}

/**
 * An identity read as one vendor's unknown model from a note of one joined name of two vendors' words the table cannot read
 * (`opencode (gpt-kimi) <noreply@opencode.ai>`: `openai/unknown`): the other vendor's unknown model beside it, as
 * `Assisted-by: gpt-kimi` reads both; alone it passed a deny of Moonshot (row 1201). `[]` for anything else.
 */
export function otherNamedVendors(name: string, match: IdentityMatch): IdentityMatch[] {
  if (!match.model.endsWith('/unknown')) return [];
  const vendor = match.model.slice(0, -'/unknown'.length);
  const others: IdentityMatch[] = [];
  for (const note of [...name.slice(0, MAX_FIELD).matchAll(/\(([^()]{1,100})\)/g)].slice(-MAX_NOTES)) {
    for (const other of otherNameVendors(note[1]!.trim(), vendor)) if (!others.some((m) => m.model === `${other}/unknown`)) others.push({ agent: match.agent, model: `${other}/unknown` });
  }
  return others;
}

const MAX_FIELD = 1000;
/** Notes of a name read for a model (each a catalog lookup). */
const MAX_NOTES = 4;
/** Where a name goes on to a second thing (`<model> via <agent>`, `<model>, <model>`). */
export const CLAUSE = /\s*[,;&+|\u00b7\u2022]\s*|\s+(?:and|or|with|via|by|using)\s+/i;

/** Where an identity was read: a co-author line (or a declared value), or the commit author. */
export type IdentityRole = 'co-author' | 'author';

/**
 * The agent behind a name/email pair (a co-author line or the commit author), by the built-in
 * identity signatures; every pattern an entry gives must match. Model from the `model` group.
 * The committer is never read: who applied a commit (aider's `Name (aider)` committer on the
 * user's own edits, a bot that rebased a branch) is not who wrote it.
 */
export function matchIdentity(identity: Identity, aliases: Record<string, string> = {}, role: IdentityRole = 'co-author'): IdentityMatch | null {
  const name = identity.name.slice(0, MAX_FIELD);
  const email = plainAddress(identity.email.slice(0, MAX_FIELD));
  if (!mayBeAnAgent(name, email)) return null;
  return matchIdentitySignatures(name, email, aliases, role);
}

/** matchIdentity without the texts checked first: every signature, in order (exported for the differential test). */
export function matchIdentitySignatures(name: string, email: string, aliases: Record<string, string> = {}, role: IdentityRole = 'co-author'): IdentityMatch | null {
  for (const signature of signatures().identities) {
    if (!signature.name && !signature.email) continue;
    if (signature.authorOnly && role !== 'author') continue;
    if (signature.coAuthorOnly && role !== 'co-author') continue;
    const nameMatch = signature.name ? signature.name.exec(name) : null;
    if (signature.name && !nameMatch) continue;
    if (signature.email && !signature.email.test(email)) continue;
    return { agent: signature.agent, model: modelOfName(name, nameMatch?.groups?.model, signature.agent, aliases) ?? signature.defaultModel ?? 'unknown' };
  }
  return null;
}

/**
 * False when no built-in identity signature can match: the name and email are printable ASCII and
 * hold none of the texts one of which every signature needs (the shims' fast-path list, generated:
 * src/core/data/fast-path-texts.generated.json). Saves compiling and running ~70 regular expressions
 * for every person's commit; anything else (other characters fold into letters without case) goes
 * to the signatures.
 */
function mayBeAnAgent(name: string, email: string): boolean {
  if (!/^[\x20-\x7e]*$/.test(name) || !/^[\x20-\x7e]*$/.test(email)) return true;
  return holdsFastPathText(name.toLowerCase()) || holdsFastPathText(email.toLowerCase());
}

/**
 * Characters of a fast-path text's start that index it. Every identity text is at least as long: `npm run build:shims` and
 * `npm run build:catalog` fail naming a shorter one (src/install/fast-path-signals.ts identityTexts, row 1200).
 */
export const GRAM = 4;
interface TextIndex {
  /** The texts by their first GRAM characters (each an ASCII code below 128: seven bits each). */
  byStart: Map<number, string[]>;
  /** Texts shorter than GRAM (none the build lets through): looked for whole, as before the index. */
  short: string[];
}
let index: TextIndex | undefined;

/**
 * `texts` by their first GRAM characters, a shorter one kept aside to be looked for whole. A shorter text threw here, on the
 * first identity read after the module loaded: every commit's detection failed for a signature's short text (row 1200).
 */
export function indexTexts(texts: readonly string[]): TextIndex {
  const byStart = new Map<number, string[]>();
  const short: string[] = [];
  for (const text of texts) {
    if (text.length < GRAM) {
      short.push(text);
      continue;
    }
    const key = gramAt(text, 0);
    const same = byStart.get(key);
    if (same === undefined) byStart.set(key, [text]);
    else same.push(text);
  }
  return { byStart, short };
}

/** The GRAM characters of `text` at `at` as one number. */
function gramAt(text: string, at: number): number {
  let key = 0;
  for (let index = at; index < at + GRAM; index += 1) key = key * 128 + (text.charCodeAt(index) & 127);
  return key;
}

/**
 * Whether `lower` (printable ASCII, lower case) holds a fast-path identity text: one look-up per position by the GRAM
 * characters there, instead of a scan of the text for each of the ~240 texts (~470 scans per identity: with thousands
 * of co-author lines in a large message it was an eighth of detection's time).
 */
function holdsFastPathText(lower: string): boolean {
  return holdsText(lower, (index ??= indexTexts(FAST_PATH_TEXTS.identity)));
}

/** Whether `lower` holds one of an index's texts (holdsFastPathText's reading, exported for its test). */
export function holdsText(lower: string, { byStart, short }: TextIndex): boolean {
  for (let at = 0; at + GRAM <= lower.length; at += 1) {
    const texts = byStart.get(gramAt(lower, at));
    if (texts !== undefined && texts.some((text) => lower.startsWith(text, at))) return true;
  }
  return short.some((text) => lower.includes(text));
}

/**
 * At the agent's own address, what its name carries is a model: the entry's `model` group
 * (`aider (gpt-4o)`), else the whole name (`Composer 2.5 (Cursor)`, `MiniMax-M2.7 (via opencode)`,
 * `deepseek-v4-flash` at Claude Code's address), else a note, the last first (`Cursor (Claude
 * Sonnet 4.6)`, `Claude (claude-sonnet-4-6) via Anthropic`), else
 * a vendor word that is not the agent's own name (`ChatGPT` → `openai/unknown`; `Claude` is Claude
 * Code's own name, its model unknown).
 */
function modelOfName(name: string, group: string | undefined, agent: string, aliases: Record<string, string>): string | null {
  const context = { agent, isModel: true };
  const tried = new Set<string>();
  // Its notes, the last first: `Claude (claude-sonnet-4-6) via Anthropic` notes the model mid-name.
  // A note's parts after a spaced dash, the last first (`kdeps (Ollama - llama3.2)`: the backend, then the model).
  const notes = [...name.slice(0, MAX_FIELD).matchAll(/\(([^()]+)\)/g)]
    .map((note) => note[1] ?? '')
    .reverse()
    .slice(0, MAX_NOTES)
    .flatMap((note) => [note, ...note.split(/\s+-\s+/).slice(1).reverse()]);
  for (const raw of [group, name, ...notes]) {
    // The group is often the whole name (`Claude`): each text is read once (canonicalModel answers the same).
    if (!raw || tried.has(raw)) continue;
    tried.add(raw);
    // `Gemini 3.6 Flash via Antigravity`: the model ends where the next clause starts.
    const text = raw.replace(/\([^()]*\)/g, ' ').split(CLAUSE)[0] ?? '';
    const model = canonicalModel(text, aliases, context);
    if (model) return listedBefore(text, model, aliases, context) ?? model;
  }
  // `Claude Code Opus 4.7`, `Cursor Agent GPT-5` (`HARNESS MODEL <EMAIL>`): the agent's own name, then its model.
  const rest = afterOwnName(name, agent);
  if (rest !== null) {
    const model = canonicalModel(rest.replace(/\([^()]*\)/g, ' ').split(CLAUSE)[0] ?? '', aliases, context);
    if (model) return model;
  }
  const word = (group ?? name).trim().toLowerCase();
  const vendor = signatures().vendorWords.get(word) ?? idVendor(word, agent);
  if (vendor && agentSlug(word) !== agent) return `${vendor}/unknown`;
  // `opencode (kimi-fast-latest)`, `Claude (qwen-foo-latest)`, `opencode (Kimi Fast)`: a note naming a model the catalog
  // does not know by its vendor's family is that vendor's, as the same name in `Assisted-by:` is (row 1140);
  // `unknown` passed a deny of the vendor.
  for (const note of notes) {
    const noted = unknownModelVendor(note, agent);
    if (noted) return `${noted}/unknown`;
  }
  return null;
}

/**
 * The vendor a model name the catalog cannot read names by its family's or vendor's first word, for
 * text known to name a model (a co-author's note, a footer's model): `kimi-fast-latest`, `Qwen Foo`
 * (words of up to four, joined), `openthinker-qwen` (a later word: catalog.ts nameVendor) → their vendor;
 * null for the agent's own word, an agent's name, a pronoun pair or any other text (row 1140).
 */
export function unknownModelVendor(text: string, agent: string): string | null {
  // `openrouter/kimi-new`, `litellm/openrouter/kimi-new` (aider's `--model` as it writes it in its note): the route's
  // prefixes say where the model ran; the rest names whose it is. `aider:unknown` passed a deny of Moonshot (row 1221).
  let lower = text.trim().toLowerCase();
  for (let hops = 0; hops < 4; hops += 1) {
    const route = /^([^/\s]+)\/(\S+)$/.exec(lower);
    if (route === null || !ROUTERS.has(route[1]!)) break;
    lower = route[2]!;
  }
  const words = lower.split(/\s+/);
  // A route (`Amazon Bedrock`, `google-vertex`: models.json `routers`) says where a model ran, not whose it is (row 1128).
  if (words.length > 4 || words[0] === '' || ROUTERS.has(words.join('-'))) return null;
  return idVendor(words.join('-'), agent) ?? (words.length === 1 ? (signatures().vendorWords.get(words[0]!) ?? null) : null);
}

/**
 * One id-shaped word the catalog cannot read whose first word is a vendor's or a family's
 * (`qianfan-code-latest`, `ernie-code`, `glm-coding` at Claude Code's address: it writes the
 * model it ran on another vendor's endpoint as its co-author's name): that vendor, as row 57 reads the
 * same name in a model variable; `unknown` let it past a deny of that vendor (row 985). Not the
 * agent's own word (`claude-bot` at Claude Code's address stays unknown; another vendor's model after it is read:
 * `claude-code-kimi`), nor a name with a space. An id another agent's name starts (`kimi-code-latest`) is its vendor's (row 1181).
 */
function idVendor(word: string, agent: string): string | null {
  if (!/^[a-z0-9][a-z0-9._]*-[a-z0-9._-]+$/.test(word)) return null;
  const [first = '', ...rest] = word.split('-');
  const named = agentSlug(first);
  // The agent's own word (`claude-bot`, `claude-code-latest` at Claude Code's address) names none; another vendor's model
  // after it (`claude-code-kimi`) is that vendor's, as nameVendor reads it (row 1190).
  if (named === agent) {
    const after = nameVendor(rest.join('-'));
    return after !== null && after !== nameVendor(first) ? after : null;
  }
  // `codex-kimi`: another agent's name that is no vendor's word (`codex`, not `claude`), then a model's: the rest's vendor,
  // as `Assisted-by: opencode:codex-kimi` reads it (Moonshot's; the note read `openai/unknown`: row 1157). catalog.ts nameVendor
  // reads a leading agent's word so too, for every reader of a model's name (model variables, git-ai notes: row 1170); here
  // an agent of the signatures' (not only the catalog's) and a rest of no vendor (`codex-latest`) names none, as `Assisted-by:` reads it.
  if (named !== null && !signatures().vendorWords.has(first)) {
    const tail = rest.join('-');
    return nameVendor(tail) ?? (rest.length === 1 ? (signatures().vendorWords.get(tail) ?? null) : null);
  }
  return nameVendor(word);
}

/**
 * A name read whole as a model the catalog does not list, whose words but the last, a word of letters,
 * are a model it lists of the same vendor (`Claude Sonnet 4.5 refactor` at Anthropic's address): that
 * model and a word, as a declared value reads it (`anthropic/claude-sonnet-4.5-refactor` was no model
 * an agent writes, past a deny of `anthropic/claude-sonnet-4.5`). A new model's variant (`GPT-5.6 Zephyr`)
 * stays whole: its base is no listed model either.
 */
function listedBefore(text: string, model: string, aliases: Record<string, string>, context: { agent: string; isModel: boolean }): string | null {
  if (Object.hasOwn(MODEL_ALIASES, model)) return null;
  const last = /\s+([A-Za-z]{2,20})\s*$/.exec(text);
  if (!last) return null;
  const shorter = canonicalModel(text.slice(0, last.index), aliases, context);
  return shorter && Object.hasOwn(MODEL_ALIASES, shorter) && modelVendor(shorter) === modelVendor(model) ? shorter : null;
}

let OWN_NAMES: Map<string, string[]> | undefined;
/**
 * What follows the agent's own name at the start of `name` (the longest of its names: `Claude Code`
 * before `Claude`, `Cursor Agent` before `Cursor`), or null when the name does not start with one.
 */
function afterOwnName(name: string, agent: string): string | null {
  if (OWN_NAMES === undefined) {
    OWN_NAMES = new Map();
    for (const [alias, slug] of signatures().agentNames) OWN_NAMES.set(slug, [...(OWN_NAMES.get(slug) ?? []), alias]);
    for (const names of OWN_NAMES.values()) names.sort((a, b) => b.length - a.length);
  }
  const lower = name.trim().toLowerCase();
  for (const own of OWN_NAMES.get(agent) ?? []) {
    if (lower.length > own.length && lower.startsWith(own) && /[\s:/-]/.test(lower[own.length] ?? '')) return name.trim().slice(own.length).replace(/^[\s:/-]+/, '');
  }
  return null;
}
