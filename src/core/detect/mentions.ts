import { canonicalModel, modelVendor, RUNTIME_WORD } from '../catalog.js';
import { FAMILIES, MODEL_ALIASES, ROUTERS, VENDOR_NAMES } from '../model-data.js';
import { fineTuneBase } from '../model-name.js';
import { isModelWord, MODEL_WORDS, mayStartModel, plainWordStart, shortName } from '../model-words.js';
import { agentSlug, slugify } from './agent-name.js';
import { signatures } from './signatures.js';
import { capitalised, joints, letterRuns, onlyLetters } from './letters.js';

/** One agent/model pair named in a value. */
export interface Mention {
  agent: string;
  model: string;
  /** The value holds more than was read (past MAX_WHOLE, or the commit's lookups spent): fail closed. */
  unread?: true;
  /**
   * An agent named without a model, read with the model its own signatures give (row 864,
   * `Assisted-by: Qwen Code` → `qwen/unknown`): no model named, so a model another of the message's
   * trailers names for that agent (`AI-Model: gpt-4o`, `Agent-Model:`) is its model instead (row 883).
   */
  alone?: true;
}

/**
 * How much a text is trusted to name AI:
 * - `declared`: the value of a declared key (`Assisted-by`): every agent, model, short model name
 *   and vendor word counts;
 * - `named`: a name that could be a person's but does not come with an address (a co-author line
 *   without an email, a declared value with one): agents and vendors that are not also people's
 *   names count, models only by their full names;
 * - `person`: a person's name with an address (a co-author line): only full model names and vendor
 *   words that are no one's name (`Qwen`, `DeepSeek`) count — never an agent's name.
 */
export type Trust = 'declared' | 'named' | 'person';

/**
 * Catalog lookups one commit may spend on free text (some 30 µs each): a hostile message of
 * hundreds of model-like words costs tens of milliseconds, not seconds. Once spent, values are
 * read for agents only (a declared value that then names nothing is `unknown:unknown`).
 */
export const LOOKUP_BUDGET = 1500;

export interface Budget {
  lookups: number;
  /** Values already read in this commit (text and trust): a value declared a thousand times is read once. */
  read?: Map<string, { mentions: Mention[]; cut: boolean }>;
  /** Trailers already read in this commit (key and value, and whether lookups were left), each read with no lookup spent (commit.ts rememberedTrailerRead). */
  trailers?: Map<string, Mention[]>;
}

export function newBudget(): Budget {
  return { lookups: LOOKUP_BUDGET };
}

/** Distinct values one commit remembers having read. */
const MAX_REMEMBERED = 4096;

/** Most characters of one value read whole; a value longer is read up to here and is `unread` past it (fail closed). */
export const MAX_WHOLE = 65_536;

/** Words read at once when a value is longer than one reading's limits, and how many each window shares with the last (a model's name of up to MAX_WINDOW words is whole in one). */
const CHUNK = 24;

interface Item {
  kind: 'agent' | 'model' | 'vendor';
  value: string;
  clause: number;
  /** A vendor read from the words beside an agent's name (`OpenAI Codex`, `Claude Assistant`: makerNamed), the agent's model only while no model is named. */
  maker?: true;
  /** An ordinary word and a number read as a model only as all of its clause (`step 3`, `seed 42`: plainName with no vendor before it). */
  alone?: true;
}

/** One value being read. */
interface Scan {
  trust: Trust;
  aliases: Record<string, string>;
  budget: Budget;
  /** Words left to read in this value: a declaration is a few words; a longer one is prose. */
  words: number;
  /** Reading the model part of an `AGENT:MODEL` pair (tools may follow the model). */
  pair?: boolean;
  items: Item[];
  /** A word that may name a model was left unread (the limits above, or the lookups spent). */
  cut: boolean;
}

const MAX_WINDOW = 6;
const MAX_AGENT_WORDS = 4;
const MAX_CLAUSES = 32;
const MAX_WORDS = 64;
/** Lists and conjunctions between the models of one value: `A, B`, `A and B`, `A via Crush`. */
const CLAUSE = /\s*[,;&+|\u00b7\u2022]\s*|\s+(?:and|or|with|plus|using|via|by|on)\s+/i;
/** Kernel form `AGENT:MODEL`, no space after the colon (`Codex:gpt-5.5`, `unknown:unknown`). */
const PAIR = /^([^\s:]+):(\S.*)$/;
/** The same with an agent's display name (`Claude Code:claude-opus-4-7`, `Cursor: GPT-5.3 Codex`). */
const NAMED_PAIR = /^([A-Za-z][A-Za-z0-9 ._-]{0,38}?)\s*:\s*(\S.*)$/;
/**
 * Where a bracketed note starts or ends: a model name never runs across it (`Kimi K3 (1M)` is
 * kimi-k3, `Grok 4.6（G16plus close-out）` is grok-4.6).
 */
const BREAK = '\u0000';
/** A tool's own version (`GitHub-Copilot GPT-4 v1.0.0`): not part of the model name before it. */
const TOOL_VERSION = /^v\d+\.\d+\.\d+/i;
/** Words a person's name does not hold but a vendor's account or product does (`Qwen Team`, `DeepSeek AI`, `Grok Build`, `DeepSeek-Helper`). */
const ACCOUNT_WORDS = new Set(['ai', 'bot', 'agent', 'assistant', 'helper', 'team', 'llm', 'model', 'models', 'official', 'build', 'cli', 'app', 'studio', 'labs', 'dev']);

/**
 * Marks around a word that are no part of a name: Markdown emphasis (`**qwen3-coder**`), a tag's
 * `#` or a handle's `@` before it, guillemets and curly quotes, `!` and `?` after it.
 */
const LEADING_MARKS: ReadonlySet<string> = new Set('*_~#@«»‹›“”„¡¿!?');
const TRAILING_MARKS: ReadonlySet<string> = new Set('*_~«»‹›“”„¡¿!?');

/** `word` without its edge marks: two loops (a pattern `[…]+$` tried the rest of a run after each of its marks: quadratic, seconds for a word of 60,000). */
function withoutEdgeMarks(word: string): string {
  let start = 0;
  while (start < word.length && LEADING_MARKS.has(word[start]!)) start += 1;
  let end = word.length;
  while (end > start && TRAILING_MARKS.has(word[end - 1]!)) end -= 1;
  return start === 0 && end === word.length ? word : word.slice(start, end);
}

let GLUED_AFTER_VERSION: RegExp | undefined;
/**
 * Where a vendor's word starts a model's name right after another's version (`claude-opus-4.6qwen3-coder`,
 * `gpt-5deepseek-v3`): a digit, then the word and a version of its own (a digit within a few letters, or
 * a hyphen), as a person reads two names. Made on first need, from signatures.json's vendor words.
 */
function gluedAfterVersion(): RegExp {
  if (GLUED_AFTER_VERSION) return GLUED_AFTER_VERSION;
  const names = [...signatures().vendorWords.keys()].filter((word) => /^[a-z]{3,}$/.test(word)).sort((a, b) => b.length - a.length);
  return (GLUED_AFTER_VERSION = new RegExp(`(\\d)(?=(?:${names.join('|')})(?:[a-z]{0,6}\\d|-))`, 'gi'));
}

function words(text: string): string[] {
  // `claude-opus-4.6qwen3-coder`: two names, as a person reads them.
  const spaced = /\d[a-z]/i.test(text) ? text.replace(gluedAfterVersion(), '$1 ') : text;
  return spaced
    .replace(/[()[\]{}]/g, ` ${BREAK} `)
    .replace(/["'`]/g, ' ')
    // `model=qwen3-coder`, `claude-code=>qwen3-coder`: a setting's `=` parts two words as a space does.
    .replace(/=>?/g, ' ')
    // opencode's variant after a model (`claude-fable-5.1#high`, `openai/gpt-6.1-sol#xhigh`): the effort, a word of its own.
    .replace(/(?<=[a-z0-9.])#(?=[a-z])/gi, ' ')
    .split(/\s+/)
    .map(withoutEdgeMarks)
    .filter((word) => word !== '' && word !== '-' && word !== '/');
}

function personLike(name: string): boolean {
  return signatures().personNames.has(name.toLowerCase());
}

function modelAt(window: string, size: number, scan: Scan, agent: string | undefined, whole: boolean): string | null {
  if (window.toLowerCase() === 'unknown') return size === 1 && scan.trust === 'declared' ? 'unknown' : null;
  const context = scan.trust === 'declared' ? { ...(agent && agent !== 'unknown' ? { agent } : {}), isModel: true, strict: size > 1 } : {};
  // `Nova Pro`, `step 3`: ordinary words, a model's name only as all that was written (PLAIN_WORD_STARTS).
  if (plainWordStart(window) && ((size > 1 && !whole) || (scan.trust !== 'declared' && !/\d/.test(window)))) return null;
  return canonicalModel(window, scan.aliases, context);
}

function agentAt(window: string, size: number, trust: Trust, before: string | undefined): string | null {
  if (trust === 'person' || (trust === 'named' && size === 1 && (personLike(window) || givenName(before)))) return null;
  return agentSlug(window);
}

/**
 * A word a person's name may start with before a surname (`Patsy`, `Jon C.`'s `C.`): a capital,
 * letters, maybe an initial's period, and no agent, vendor, model or account word (`GitHub
 * Copilot`, `Windsurf Cascade`, `Qwen Coder` stay names of AI). Without an address, an agent's
 * one-word name after it is the person's surname (`Patsy Cline`, `Anna Cursor`).
 */
function givenName(word: string | undefined): boolean {
  const bare = word?.replace(/\.$/, '') ?? '';
  if (!capitalised(bare)) return false;
  const lower = bare.toLowerCase();
  const sig = signatures();
  return !sig.agentFirstWords.has(lower) && !sig.vendorWords.has(lower) && personalWords([bare]);
}

/**
 * A person's name that starts with an agent word that is also a first name, then a surname
 * (`Claude Dupont`, `Devin Booker`, `Jules Verne`): the second word is one givenName takes (no
 * agent, vendor, model or account word), and the whole is no agent's name (`Claude Code`).
 */
export function agentFirstNamed(name: string): boolean {
  const list = name.trim().split(/\s+/);
  const [first, second] = list;
  if (first === undefined || second === undefined || signatures().agentNames.has(list.join(' ').toLowerCase())) return false;
  return personLike(first) && givenName(second);
}

/**
 * A product's or model family's name whose first word is also a person's first name (`Claude Code`,
 * `Kimi Code`, `Gemini Pro`, `Claude Opus`): two or more words, the first a person-like agent or
 * vendor word (personNames), and no later word one a person's name may hold (givenName); `Claude
 * Dupont`, `Kimi Raikkonen`, `Google Cloud` are people's and companies' names (row 882). An agent's own
 * name of several words counts only as the agent writes it (agentNameAsWritten: `Devin AI`, not `Devin Ai`).
 */
export function productNamed(name: string): boolean {
  const [first, ...rest] = name.trim().split(/\s+/);
  if (first === undefined || rest.length === 0 || rest.length > 4) return false;
  if (!personLike(first)) return aiAccountNamed(name);
  const words = [first, ...rest];
  // An agent's own name not as the agent writes it (`Devin Ai`, `Kiro Ai`: Devin and Kiro write `AI`) is a person's, surname Ai (row 1084).
  if (signatures().agentNames.has(words.join(' ').toLowerCase())) return agentNameAsWritten(words);
  return !rest.some((word) => givenName(word)) || aiAccountNamed(name);
}

/**
 * Whether a name's words are an agent's own name of several words as that agent writes it: `Devin AI`,
 * `Manus AI`, `Kiro AI`, but not `Devin Ai`, `Manus Ai`, `Kiro ai`: `AI` in capitals only, as an AI's
 * account is named (aiAccountNamed); `Ai` is a surname (艾), a person's (row 1039).
 */
export function agentNameAsWritten(words: readonly string[]): boolean {
  if (!signatures().agentNames.has(words.join(' ').toLowerCase())) return false;
  return !words.some((word) => word.replace(/\./g, '').toLowerCase() === 'ai' && word.replace(/\./g, '') !== 'AI');
}

/** Words an AI's account is named with after its product's name and no person's name holds (`Gemini AI`, `Gemini A.I.`, `Claude Assistant`, `Cursor Agent`); `AI` in capitals only (`Kimi Ai`: a surname). Not `Bot` alone: a vendor's CI automation is named so (`OpenHands Bot`, its lint fixer: no AI). */
const AI_ACCOUNT_WORDS: ReadonlySet<string> = new Set(['assistant', 'agent', 'llm']);
const aiAccountWord = (word: string): boolean => word.replace(/\./g, '') === 'AI' || AI_ACCOUNT_WORDS.has(word.toLowerCase());
/** A version written after an account's name (`v2`, `2.5`, `v1.0`). */
const ACCOUNT_VERSION = /^v?\d{1,3}(?:\.\d{1,3}){0,2}$/i;
/** A comma, a slash or a dash standing alone between an account's words (`Claude, Assistant`, `Gemini/AI`, `Gemini - AI`, `Gemini — AI`: row 947). */
// Made on first use: a `\p{…}` class costs every hook run ~0.1-0.35 ms when made at load (bundle-load-regexps-s50c).
let accountJoin: RegExp | undefined;
/** The name with such joins written as spaces; anything else as written. */
export const accountSpaced = (name: string): string =>
  name.replace((accountJoin ??= /(?<=\p{L})(?:\s*\/\s*|,\s+|\s+[-\u2010-\u2015|]+\s+)(?=\p{L})/gu), ' ');
/**
 * A name's words as an account's are read: brackets and a word's closing stop dropped (`Claude (AI)`, `Claude [AI]`,
 * `Gemini AI.`; row 923), a slash between words and a dash standing alone are spaces (`Gemini/AI`, `Gemini - AI`,
 * `Gemini — AI`: row 947).
 */
const accountWords = (name: string): string[] =>
  accountSpaced(name.replace(/[()[\]{}]/g, ' '))
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/(?<=\p{L})[,;:!?]+$|(?<=\p{L}\p{L})\.$/u, ''))
    .filter((word) => word !== '' && !/^[-\u2010-\u2015:|]+$/u.test(word));

/**
 * A name of an AI account's words alone, `AI` (in capitals) among them, every word one of `AI`, `Assistant`,
 * `Agent`, `LLM` (`AI Agent <agent@ai.local>`, a public AGENTS.md's identity for an agent it does not name,
 * `AI Assistant`). No person is named so; `Ai Tanaka`, `Ai Agent`, and `AI` alone stay people's (row 1086).
 */
export function aiAccountOnly(name: string): boolean {
  const words = accountWords(name);
  return words.length >= 2 && words.length <= 4 && words.every(aiAccountWord) && words.some((word) => word.replace(/\./g, '') === 'AI');
}

/**
 * A product's or model family's name with only an AI account's words beside it, and a vendor's
 * (`Gemini AI`, `Kimi AI`, `Claude Assistant`, `Copilot AI`, `Codex Assistant`, `Google Gemini`): one
 * word is an agent's one-word name or a model family's, every other an account word (AI,
 * Assistant, Agent, LLM) or a vendor's word, and at least one is an account word or a
 * vendor's; no person's name is written so (row 913). A company's own name stays a company's
 * (`Mistral AI`, `Moonshot AI`: the words spell the vendor's id), and so do a vendor alone with an
 * account word (`Google AI`) and any name with a word a person's may hold (`Claude Dupont`, `Kimi Ai`).
 */
export function aiAccountNamed(name: string): boolean {
  const words = accountWords(name);
  // A version after an account's name is the account's (`Claude Assistant v2`, `Gemini AI 2.5`), beside an account word only (`Claude 2` is no account's name) (row 933).
  const list = words.length > 2 && ACCOUNT_VERSION.test(words.at(-1)!) && words.slice(0, -1).some(aiAccountWord) ? words.slice(0, -1) : words;
  if (list.length < 2 || list.length > 4) return false;
  const sig = signatures();
  const lower = list.map((word) => word.toLowerCase());
  const product = (word: string) => sig.agentNames.has(word) || isFamilyWord(word);
  const vendors = new Set(lower.map((word) => sig.vendorWords.get(word)).filter((vendor) => vendor !== undefined));
  if (!lower.some(product) || [...vendors].some((vendor) => vendor.replace(/[^a-z0-9]/g, '') === lower.join(''))) return false;
  // `Bot`, `Helper`, and `Ai` as a surname is written, beside an account word (`Claude Assistant Bot`, `Kimi Ai Assistant`, `Kimi AI Helper`: row 933), never alone (`OpenHands Bot`, `Kimi Ai`) (row 923).
  const bot = (word: string) => (word === 'bot' || word === 'ai' || word === 'helper') && list.some(aiAccountWord);
  return list.every((word, index) => product(lower[index]!) || aiAccountWord(word) || bot(lower[index]!) || sig.vendorWords.has(lower[index]!)) && list.some((word, index) => aiAccountWord(word) || (sig.vendorWords.has(lower[index]!) && !product(lower[index]!)));
}

function vendorAt(word: string, trust: Trust): string | null {
  // A runtime named after a family (`llama.cpp`, `llama-server`: catalog.ts RUNTIME_NAME) is where a model ran, no vendor's model (row 919).
  if (RUNTIME_WORD.test(word)) return null;
  const vendorWords = signatures().vendorWords;
  for (const part of [word, ...leadingParts(word)]) {
    const vendor = vendorWords.get(part.toLowerCase());
    if (!vendor) continue;
    if (trust === 'declared') return vendor;
    // A person's joined name is read as its words are (personalName): `Qwen-Li`, `llama-farmer`, `GrokNinja` are people;
    // so is a library's, where no one declares (a made-with stack, a name): `openai-python`, `llama.cpp`, `deepseek-sdk`.
    const personal = part !== word && personalWords(word.slice(part.length).split(joints(word.slice(part.length))), vendor);
    return personLike(part) || personal ? null : vendor;
  }
  return trust === 'declared' ? gluedVendor(word.toLowerCase()) : null;
}

/**
 * A vendor written as two words, one of them a given name (`Allen AI`: signatures.json
 * vendorWords' entries with a space): the vendor, in a declared value only, where `Allen` alone stays a
 * person's (`Assisted-by: Allen Smith`).
 */
function vendorPhrase(first: string | undefined, second: string | undefined): string | null {
  if (first === undefined || second === undefined || first === BREAK || second === BREAK) return null;
  return signatures().vendorWords.get(`${first} ${second}`.toLowerCase()) ?? null;
}

/**
 * In a declared value, a vendor's word glued to a version without a joint (`deepseekv3`, `kimik2`,
 * `minimaxm2`, `claudeopus4.6`): that vendor, as `deepseek-v3` names it. The rest must reach a
 * digit within a few letters, so a longer word that merely starts like a vendor's stays unread.
 */
function gluedVendor(lower: string): string | null {
  const vendorWords = signatures().vendorWords;
  for (let end = Math.min(lower.length - 1, 24); end >= 3; end -= 1) {
    const vendor = vendorWords.get(lower.slice(0, end));
    if (vendor && /^[a-z]{0,6}\d/.test(lower.slice(end))) return vendor;
  }
  return null;
}

/**
 * The letters a joined word starts with, up to each of its joints: `Qwen-Coder` → `Qwen`,
 * `QwenCoder` → `Qwen`, `DeepSeek_Coder` → `Deep`, `DeepSeek`. A vendor glued to another word
 * still names the vendor (`Co-authored-by: Qwen-Coder <bot@example.com>`), as `Qwen Coder` does;
 * a person's joined name stays a person's (`Gemma-Louise`, `Claude-Michel`: personNames; on a
 * co-author line `Qwen-Li`, `llama-farmer`, as `Qwen Li` is: personalWords).
 */
function leadingParts(word: string): string[] {
  const parts: string[] = [];
  const head = word.slice(0, 64);
  for (const match of head.matchAll(joints(head))) {
    const part = word.slice(0, match.index);
    if (!onlyLetters(part)) break;
    parts.push(part);
  }
  return parts;
}

/**
 * How many words from `at` could form one model name (`Claude Sonnet 4.5 1M`); 0 when none can start there.
 * In a kernel pair (`pair`: `AGENT:MODEL [TOOL]...`) a word with a digit after a version already read is
 * a tool, not more of the name (afterVersion).
 */
function modelSpan(list: readonly string[], at: number, aliases: Record<string, string>, pair = false): number {
  const first = list[at] ?? '';
  if (first === BREAK || (!mayStartModel(first, aliases) && first.toLowerCase() !== 'unknown')) return 0;
  let size = 1;
  let versioned = pair && /\d/.test(first);
  let tier = holdsTier(first);
  for (; size < MAX_WINDOW && at + size < list.length; size += 1) {
    const next = list[at + size] ?? '';
    if (!continuesModel(next, aliases) || (versioned && !afterVersion(next)) || (tier && (TIER_LED.test(next) || !claudeWord(next)))) break;
    versioned ||= pair && /\d/.test(next);
    tier ||= holdsTier(next);
  }
  return size;
}

/**
 * Claude's tier words, each a model family of its own (models.json shortNames: `mythos` is
 * `anthropic/claude-mythos`). No model's name holds two: after a name that holds one already
 * (`claude-opus-4.6`, `Claude Sonnet 4.5`), another starts the next model (`Copilot:claude-opus-4.6
 * Mythos`, AMD's kernel patches, is Opus 4.6 and Mythos), where it was read into one model no vendor
 * published (`anthropic/claude-opus-4.6-mythos`), past `deny: ["anthropic/claude-mythos"]`.
 */
const TIERS: ReadonlySet<string> = new Set(['opus', 'sonnet', 'haiku', 'fable', 'mythos']);
/**
 * A word that starts with one of those tier words, alone or before its version or a mark (`Mythos`,
 * `Sonnet-4.5`, `mythos5`, `Mythos.`, `Mythos-Preview`), not a longer word (`opusfile`): after a name
 * that holds a tier it starts the next model. Matched whole only, `Claude Opus 4.6 Mythos-5` and
 * `claude-opus-4.6 sonnet-4.5` outside a kernel pair (where no version ends the name) and a sentence's
 * `Copilot:claude-opus-4.6 Mythos.` were read as one model no vendor published
 * (`anthropic/claude-opus-4.6-mythos-5`), past `deny: ["anthropic/claude-mythos-5"]`.
 */
const TIER_LED = /^(?:opus|sonnet|haiku|fable|mythos)(?![a-z])/i;

/**
 * Words Claude's names go on with after their tier (a version, a date, `1M`, `v2`, and the effort,
 * thinking, fast-mode, preview and latest words the catalog reads or drops). Any other word models
 * are named with (`Codex`, `mini`, `Pro`, `Turbo`, `Flash`, `Coder`, `Instruct`) is another
 * vendor's and no Claude model's: after a name that holds a tier it ends the name. Read on,
 * `Claude Opus 4.6 Codex` (and `… mini`, `… Pro`, `… Turbo`) was a model no vendor published,
 * `anthropic/claude-opus-4.6-codex`, past `deny: ["anthropic/claude-opus-4.6"]` without a warning.
 */
const CLAUDE_WORDS: ReadonlySet<string> = new Set(['thinking', 'think', 'latest', 'fast', 'low', 'medium', 'high', 'xhigh', 'max', 'preview', 'instant', 'extended']);
function claudeWord(word: string): boolean {
  return CLAUDE_WORD_WITH_DIGIT.test(word) || CLAUDE_WORDS.has(word.toLowerCase());
}

/**
 * A word with a digit that goes on a Claude name: one that starts with a digit (a version `4.6`, `4-6`,
 * a date, `1M`, `200k`) but not GPT's `4o`, or `v2`, `v4.5` (`Claude Sonnet v4.5`). Another vendor's short name with a digit (`R1`,
 * `M2`, `K2`, `4o`) ends it: `claude-opus-4.6 r1` was `anthropic/claude-opus-4.6-r1`, a model no vendor
 * published, past `deny: ["anthropic/claude-opus-4.6"]` without a warning (row 740's join).
 */
const CLAUDE_WORD_WITH_DIGIT = /^(?:\d(?!\d*o$)|v\d+(?:[.-]\d+)*$)/i;

/** Whether a word of a model's name is, or holds as a part, one of Claude's tier words (`claude-opus-4-6`, `Opus`). */
function holdsTier(word: string): boolean {
  if (word.length > 128) return false;
  return word.toLowerCase().split(/[^a-z]+/).some((part) => TIERS.has(part));
}

/**
 * A size, context window or release date after a model's version (`480B`, `A35B`, `1M`, `20250929`,
 * `2025-09-29`, `06-05`), or a number alone (`claude-opus-4 6`: the version's minor part, its joint a space).
 */
const SIZE_OR_DATE = /^(?:\d+(?:\.\d+)?[bkmt]|a\d+(?:\.\d+)?b|\d+x\d+b|\d{4}(?:-?\d{2}){0,2}|(?:\d{2}-){1,2}\d{2,4}|\d{1,2})$/i;

/**
 * Whether a word goes on with a model's name after its version in a kernel pair: a word models are
 * named with (`Codex:GPT-5.4 mini`), a size or a date, or a word without a digit (read as before).
 * The kernel's MODEL_VERSION is one word and the tools follow it, so another word with a digit is a
 * tool (`b4`, `0day`, `addr2line`, `python3`), an architecture (`x86_64`, `arm64`, `s390`) or a
 * release (`v6.18`, `rc1`): `Claude:claude-opus-4-7 b4` read as `anthropic/claude-opus-4.7-b4`, a
 * model no vendor published, past `deny: ["anthropic/claude-opus-4.7"]`.
 */
function afterVersion(word: string): boolean {
  return !/\d/.test(word) || MODEL_WORDS.has(word.toLowerCase()) || SIZE_OR_DATE.test(word);
}

function continuesModel(word: string, aliases: Record<string, string>): boolean {
  return word !== BREAK && !TOOL_VERSION.test(word) && isModelWord(word, aliases);
}

/** Words from `at` to the next note or the end: an agent's name does not run across a note either. */
function untilBreak(list: readonly string[], at: number): number {
  const next = list.indexOf(BREAK, at);
  return (next === -1 ? list.length : next) - at;
}

/** A sentence's word after a model, no vendor's variant name (`qwen3.6-27b first, then qwen3.8-27b`, `used Claude Sonnet 4.5 locally`). */
const PROSE_AFTER_MODEL = /^(?:[a-z]+ly|first|then|only|too|again|later|now|here|there|instead|also|once|twice)$/;

/**
 * A declared model the catalog does not list followed by one last capitalised word that names
 * nothing else (`GPT-5.6 Zephyr`, as `gpt-5.6-zephyr` is read): the vendor's variant name, read as
 * part of the model. Not after a kernel `AGENT:MODEL` (tools follow there), never a tool, agent,
 * vendor, family or account word, and never after a model the catalog lists, whose variants it
 * lists too: `Claude Sonnet 4.5 refactor`, `GPT-5 Review`, `Qwen3 Team` are that model and a word
 * (`anthropic/claude-sonnet-4.5-refactor` passed a deny of `anthropic/claude-sonnet-4.5`).
 */
function extended(list: readonly string[], at: number, size: number, model: string, scan: Scan, agent: string | undefined): string | null {
  const next = list[at + size] ?? '';
  const last = at + size + 1 === list.length || list[at + size + 1] === BREAK;
  if (scan.trust !== 'declared' || scan.pair || !last || !/^[A-Z][a-z]{1,19}$/.test(next) || Object.hasOwn(MODEL_ALIASES, model)) return null;
  const sig = signatures();
  const lower = next.toLowerCase();
  if (sig.nonAiTools.has(lower) || sig.agentFirstWords.has(lower) || sig.vendorWords.has(lower) || ACCOUNT_WORDS.has(lower) || PROSE_AFTER_MODEL.test(lower) || mayStartModel(lower, scan.aliases)) return null;
  scan.budget.lookups -= 1;
  const longer = canonicalModel(list.slice(at, at + size + 1).join(' '), scan.aliases, { ...(agent && agent !== 'unknown' ? { agent } : {}), isModel: true });
  return longer && longer !== model && modelVendor(longer) === modelVendor(model) ? longer : null;
}

/** Words that join a model to what it did or ran in (`Opus via Claude Code`, `Sonnet for tests`): no part of a thing's name. */
const JOINING_WORDS: ReadonlySet<string> = new Set('via with using through in on at by for from and or as under inside within of to'.split(' '));

/**
 * A short name (`Opus`, `Haiku`, `Flash`: a tier word read as a model only where a model is meant)
 * followed, to its clause's end, by ordinary words only (`Opus codec`, `Haiku Jam tool`): the name of
 * another thing, as a family word then ordinary words names no model (`GPT codec` is only OpenAI's).
 * Not in a kernel pair (`claude-code:opus grep`, tools follow) nor after a family's word (`Claude
 * Opus helper` is read by the family's word).
 */
function namedThing(list: readonly string[], at: number, scan: Scan, agent: string | undefined): boolean {
  const word = list[at] ?? '';
  if (scan.trust !== 'declared' || scan.pair || /\d/.test(word) || !shortName(word, { ...(agent && agent !== 'unknown' ? { agent } : {}), isModel: true })) return false;
  const before = (list[at - 1] ?? '').toLowerCase();
  if (at > 0 && (isFamilyWord(before) || signatures().vendorWords.has(before))) return false;
  const rest = list.slice(at + 1, at + 1 + untilBreak(list, at + 1));
  const sig = signatures();
  return (
    rest.length > 0 &&
    rest.length <= 4 &&
    rest.every((next) => {
      const lower = next.toLowerCase();
      return onlyLetters(next) && !JOINING_WORDS.has(lower) && !isModelWord(next, scan.aliases) && !sig.agentFirstWords.has(lower) && !sig.vendorWords.has(lower);
    })
  );
}

/**
 * A model named with an ordinary first word (PLAIN_WORD_STARTS) written out in a declared value where
 * nothing but the name can be meant: the words up to the clause's end or its note, as all of a clause
 * (`Assisted-by: Command A`, `opencode:Command A (03-2025)`), or right after its own vendor's word
 * (`Cohere Command A`, `Amazon Nova Pro`, `Microsoft Phi 4`, `StepFun Step 3`: the model only when it
 * is that vendor's). Longer than modelSpan reads (`A` is no model word), never out of a sentence
 * (`Claude (step 3 of the plan)`: no vendor's word before `step`).
 */
function plainName(list: readonly string[], at: number, scan: Scan, agent: string | undefined): { model: string; size: number; alone: boolean } | null {
  if (scan.trust !== 'declared' || !plainWordStart(list[at] ?? '')) return null;
  const vendor = at > 0 ? (vendorAt(list[at - 1] ?? '', 'declared') ?? vendorPhrase(list[at - 2], list[at - 1])) : null;
  if (at > 0 && vendor === null) return null;
  const rest = untilBreak(list, at);
  if (rest < 2 || rest > MAX_WINDOW) return null;
  for (let size = rest; size >= 2 && scan.budget.lookups > 0; size -= 1) {
    scan.budget.lookups -= 1;
    const model = modelAt(list.slice(at, at + size).join(' '), size, scan, agent, true);
    if (model && (vendor === null ? size === rest : modelVendor(model) === vendor)) return { model, size, alone: vendor === null && scan.pair !== true && size === 2 && /^\d+(?:\.\d+)?$/.test(list[at + 1] ?? '') };
  }
  return null;
}

/**
 * Two models written with a `/` between them (`claude-opus-4.6/Mythos`, `gpt-5/gpt-5-mini`): each a
 * name of its own, a note's edge between them (`claude-sonnet-4.5/4.6` is not `claude-sonnet-4.5-4.6`). A `/` is a path's or an id's joint too (`anthropic/claude-opus-4.6`,
 * `openrouter/qwen/qwen3-coder`), so only where what stands before the first `/` is no vendor's,
 * router's or agent's word but a model of the catalog on its own, with a version (a digit), or the
 * version that ends a name written in words (`Claude Opus 4.6/Mythos`, read as `anthropic/claude-opus`). Read
 * whole, `claude-opus-4.6/Mythos` was the literal id of a made-up vendor `claude-opus-4.6`: past
 * `deny: ["anthropic/claude-opus-4.6"]`, `["anthropic/claude-mythos"]` and `["anthropic/*"]`
 * without a warning (`claude-code/claude-opus-4.6/Mythos`). Declared values only, one lookup a word.
 */
function slashModels(list: readonly string[], scan: Scan): readonly string[] {
  if (scan.trust !== 'declared' || !list.some((word) => word.includes('/'))) return list;
  const out: string[] = [];
  for (const word of list) {
    const at = word.indexOf('/');
    const head = word.slice(0, at);
    const lower = head.toLowerCase();
    if (at <= 0 || at === word.length - 1 || !/\d/.test(head) || scan.budget.lookups <= 0 || VENDOR_NAMES.has(lower) || ROUTERS.has(lower) || signatures().vendorWords.has(lower) || agentSlug(head) !== null) {
      out.push(word);
      continue;
    }
    const tail = word.slice(at + 1);
    // `Claude Opus 4.6/Mythos`: the version ends the name before it (then anthropic/claude-opus: 4.6 was lost).
    const version = /^\d+(?:\.\d+)?$/.test(head) && mayStartModel(tail, scan.aliases);
    scan.budget.lookups -= 1;
    const model = version ? null : canonicalModel(head, scan.aliases, { isModel: true, strict: true });
    if (!version && (model === null || model.endsWith('/unknown'))) out.push(word);
    else out.push(head, BREAK, tail);
  }
  return out;
}

/** The agents, models and vendors a list of words names, left to right, longest names first. */
function scanWords(words: readonly string[], clause: number, scan: Scan, agent: string | undefined): void {
  const list = slashModels(words, scan);
  let current = agent;
  let at = 0;
  for (; at < list.length && scan.words > 0; scan.words -= 1) {
    if (list[at] === BREAK) {
      at += 1;
      continue;
    }
    let taken = 0;
    const span = modelSpan(list, at, scan.aliases, scan.pair === true);
    if (span > 0 && scan.budget.lookups <= 0) scan.cut = true;
    const plain = plainName(list, at, scan, current);
    if (plain) {
      scan.items.push({ kind: 'model', value: plain.model, clause, ...(plain.alone ? { alone: true as const } : {}) });
      taken = plain.size;
    }
    for (let size = span; size >= 1 && taken === 0 && scan.budget.lookups > 0; size -= 1) {
      scan.budget.lookups -= 1;
      const model = modelAt(list.slice(at, at + size).join(' '), size, scan, current, at === 0 && size === list.length);
      if (model && size === 1 && namedThing(list, at, scan, current)) {
        taken = 1 + untilBreak(list, at + 1);
        break;
      }
      if (model) {
        const longer = scan.budget.lookups > 0 ? extended(list, at, size, model, scan, current) : null;
        scan.items.push({ kind: 'model', value: longer ?? model, clause });
        taken = longer ? size + 1 : size;
      }
    }
    const mayBeAgent = signatures().agentFirstWords.has((list[at] ?? '').toLowerCase().replace(/_/g, '-'));
    for (let size = mayBeAgent ? Math.min(MAX_AGENT_WORDS, untilBreak(list, at)) : 0; size >= 1 && taken === 0; size -= 1) {
      const found = agentAt(list.slice(at, at + size).join(' '), size, scan.trust, list[at - 1]);
      if (found) {
        scan.items.push({ kind: 'agent', value: found, clause });
        const maker = makerNamed(list, at, size);
        if (maker) scan.items.push({ kind: 'vendor', value: `${maker}/unknown`, clause, maker: true });
        current = found;
        taken = size;
      }
    }
    const phrase = taken === 0 && scan.trust === 'declared' ? vendorPhrase(list[at], list[at + 1]) : null;
    if (phrase) taken = 2;
    const vendor = phrase ?? (taken === 0 ? vendorAt(list[at] ?? '', scan.trust) : null);
    if (vendor) scan.items.push({ kind: 'vendor', value: `${vendor}/unknown`, clause });
    at += Math.max(taken, 1);
  }
  if (scan.words <= 0 && list.slice(at).some((word) => word !== BREAK)) scan.cut = true;
}

let MAKER_WORDS: ReadonlyMap<string, string> | undefined;
/** The vendor a word names, as its own word or as a family only it makes (`OpenAI`, `ChatGPT`, `Anthropic`, `Claude`, `Gemini`, `Codex`: catalog FAMILIES). */
function makerOf(word: string): string | undefined {
  const lower = word.toLowerCase();
  return signatures().vendorWords.get(lower) ?? (MAKER_WORDS ??= new Map(FAMILIES.map((family) => [family.word, family.vendor]))).get(lower);
}

/**
 * The vendor an agent's name is written with, beside the agent (row 932): a vendor's word before
 * a name that holds a family only that vendor makes (`OpenAI Codex`, `ChatGPT Codex`, `Anthropic
 * Claude`, `Anthropic Claude Code`, as `OpenAI-Codex` and `Google Gemini CLI` were read), or an AI
 * account's name (aiAccountNamed: the whole clause `Claude Assistant`, `Gemini AI`, `Claude AI`,
 * `Codex Assistant`) whose product or family words are one vendor's: the assistant named is that
 * vendor's model. Not the agent's own name alone (`Claude`, `Claude Code`, `Gemini CLI`, `Codex`:
 * Claude Code and Codex run other vendors' models behind a router, rows 829, 866), and not a maker's
 * word before an agent named for no family of its own (`Google Jules`, `Google Antigravity`,
 * `ByteDance Trae`, `Microsoft Copilot`: tools that run other vendors' models too).
 */
function makerNamed(list: readonly string[], at: number, size: number): string | null {
  const window = list.slice(at, at + size);
  const first = signatures().vendorWords.get((window[0] ?? '').toLowerCase());
  if (first !== undefined && window.slice(1).some((word) => makerOf(word) === first)) return first;
  const clause = list.filter((word) => word !== BREAK);
  if (clause.length > 4 || !accountWords(clause.join(' ')).some(aiAccountWord) || !aiAccountNamed(clause.join(' '))) return null;
  // The family words only: a maker's word beside an agent of no family (`Google Jules AI`) names the tool's maker, not its model.
  const makers = new Set(clause.map((word) => word.toLowerCase()).filter(isFamilyWord).map(makerOf));
  return makers.size === 1 ? ([...makers][0] ?? null) : null;
}

/** Moonshot's own agents, and its family and vendor words, as the left of a kernel pair (without their joints: `Kimi Code`, `KimiCode`, `Moonshot AI`). */
const KIMI_NAMES: ReadonlySet<string> = new Set(['kimicode', 'kimicli', 'kimi', 'moonshot', 'moonshotai']);
/** A Kimi model as Kimi Code names it, without the family's word (`K2.5`, `K2.7` of `"K2.7 Code"`, `k3`, `K2-Thinking`). */
const KIMI_SHORT = /^k\d{1,2}(?:\.\d{1,2})?(?=$|[-_,;:!?]|\.$)/i;

/**
 * The model of `Kimi Code:K2.5` (a public commit guide's `Kimi Code:"K2.7 Code"`): Kimi Code names
 * Moonshot's models without their family's word, which is put back (`kimi-K2.5`, read
 * `moonshotai/kimi-k2.5`) after Moonshot's agents, family or vendor only. It was read as no model
 * at all (`kimi-code` with `unknown`), past `deny: ["moonshotai/kimi-k2.5"]` and `["moonshotai/*"]`.
 * The first word of the model part, as words() gives it: any marks around it are gone (`«K2.5»`,
 * `` `K2.5` ``, `**K2.5**`, `(K2.5)`), as they are for every other model's name.
 */
function kimiShort(known: string | null, name: string, list: string[]): string[] {
  if (!KIMI_NAMES.has((known ?? name).toLowerCase().replace(/[\s._-]+/g, ''))) return list;
  const at = list.findIndex((word) => word !== BREAK);
  const first = list[at] ?? '';
  if (at < 0 || !KIMI_SHORT.test(first)) return list;
  return [...list.slice(0, at), `kimi-${first}`, ...list.slice(at + 1)];
}

/** `AGENT (NOTE)`: an agent's name, then a note of one word that ends the clause (`Claude Code (step 3)` is no model). */
const AGENT_NOTE = /^\s*([^()]{1,80}?)\s*\(([^()\s]{1,200})\)\s*$/;

/** `AGENT:MODEL`: the kernel's form, or an agent's display name before a colon. */
function agentPair(text: string): RegExpExecArray | null {
  const named = NAMED_PAIR.exec(text);
  return PAIR.exec(text) ?? (named && agentSlug(named[1] ?? '') ? named : null);
}

/**
 * One clause; a declared one may be the kernel's `AGENT:MODEL [TOOL]...`. Left of the colon, a
 * name that is no agent's is read too: a model there is a model, not an agent (`qwen3-coder:30b`,
 * `openrouter/qwen/qwen3-coder:free`, `bedrock/qwen.qwen3-coder-480b-a35b-v1:0` are tagged ids, and
 * `qwen3-coder:claude-opus-4.6` names both models).
 */
function scanClause(written: string, clause: number, scan: Scan): void {
  // A fine-tune's whole id is its base model, not the kernel's `AGENT:MODEL` (`ft:gpt-4o-mini:acme:qwen:abc` is no agent `ft`'s Qwen: row 948).
  const text = scan.trust === 'declared' ? (fineTuneBase(written) ?? agentSlashPair(written) ?? written) : written;
  const pair = scan.trust === 'declared' ? agentPair(text) : null;
  if (!pair) {
    const before = scan.items.length;
    scanWords(words(text), clause, scan, undefined);
    // `opencode (q-wen3-coder)`: a known agent's note read word by word as nothing is read whole, as `opencode:q-wen3-coder`
    // and the co-author note `opencode (q-wen3-coder) <…>` are (row 1157); it read `opencode:unknown`, past a deny of Qwen.
    const noted = scan.trust === 'declared' ? AGENT_NOTE.exec(text) : null;
    const known = noted ? agentSlug(noted[1] ?? '') : null;
    if (known && scan.items.slice(before).every((item) => item.kind === 'agent')) wholeRight(noted?.[2] ?? '', known, clause, scan);
    return;
  }
  const name = (pair[1] ?? '').trim();
  const known = agentSlug(name) ?? (name.toLowerCase() === 'unknown' ? 'unknown' : null);
  const before = scan.items.length;
  if (!known) scanWords(words(name), clause, scan, undefined);
  const left = scan.items.length;
  scan.pair = true;
  scanWords(kimiShort(known, name, words(pair[2] ?? '')), clause, scan, known ?? undefined);
  scan.pair = false;
  if (known && known !== 'unknown' && scan.items.length === left) wholeRight(pair[2] ?? '', known, clause, scan);
  if (left > before) {
    // The tag names nothing (`:30b`, `:free`, `:0`): the id with its tag, read whole, is the model it names.
    if (scan.items.length === left) retag(text, before, clause, scan);
    else if (agentLabel(name, scan.items.slice(before, left), scan.items.slice(left), scan)) scan.items.splice(before, left - before, { kind: 'agent', value: slugify(name), clause });
    return;
  }
  const named = scan.items.slice(before).some((item) => item.kind !== 'agent');
  const agent = known ?? (named && /^[a-z0-9][a-z0-9._-]*$/i.test(name) ? slugify(name) : undefined);
  if (agent) scan.items.splice(before, 0, { kind: 'agent', value: agent, clause });
}

/**
 * The right of a known agent's pair read word by word as nothing (`opencode:q-wen3-coder`), read whole as a model
 * the way the agent's co-author note is (identity.ts modelOfName: `opencode (q-wen3-coder) <noreply@opencode.ai>`
 * is Qwen's): `opencode:unknown` passed a deny of Qwen the co-author form was refused by (row 1155). One lookup.
 */
function wholeRight(right: string, agent: string, clause: number, scan: Scan): void {
  const text = right.trim();
  if (text === '' || text.length > 200 || scan.budget.lookups <= 0) return;
  scan.budget.lookups -= 1;
  const model = canonicalModel(text, scan.aliases, { agent, isModel: true });
  if (model && !model.endsWith('/unknown')) scan.items.push({ kind: 'model', value: model, clause });
}

/**
 * A user's own name for an agent left of the colon that reads as a model only by the catalog's
 * generic rule, or as its vendor alone (`claude-personal-1:claude-opus-5`, `claude-local-01:…`,
 * `claude-work:anthropic/claude-opus-4.6`: a family or vendor word then words no model is named
 * with): the agent's label, as `my-claude:` and `cc-work:` are, not a second model (nor a lost
 * label). Only when the label is one slug, neither a vendor's name alone nor a family and its
 * version (`claude-v2`), holds no word models are named with (`claude-opus-4-x` stays a model),
 * the catalog lists no such model, a strict reading (known model words only) names none, and a
 * model read right of the colon is of the label's vendor, so no vendor the value names is lost:
 * `qwen3-coder:claude-opus-4.6`, `qwen3-coder-xyz:claude-opus-4.6` and `claude-2:claude-opus-4.6`
 * still name both.
 */
function agentLabel(name: string, leftItems: readonly Item[], rightItems: readonly Item[], scan: Scan): boolean {
  const [only] = leftItems;
  if (leftItems.length !== 1 || only === undefined || only.kind === 'agent' || !/^[a-z0-9][a-z0-9._-]*$/i.test(name) || Object.hasOwn(MODEL_ALIASES, only.value)) return false;
  const [, ...rest] = name.toLowerCase().split(/[._-]+/);
  if (rest.length === 0 || rest.every((word) => /^v?\d/.test(word)) || (only.kind === 'model' && rest.some((word) => MODEL_WORDS.has(word))) || signatures().vendorWords.has(name.toLowerCase())) return false;
  const vendor = modelVendor(only.value);
  if (!rightItems.some((item) => item.kind === 'model' && modelVendor(item.value) === vendor) || scan.budget.lookups <= 0) return false;
  scan.budget.lookups -= 1;
  return canonicalModel(name, scan.aliases, { isModel: true, strict: true }) === null;
}

/**
 * `<agent>/<model>` (projects' `Generated-by: <tool>/<model>` rule, `claude-code/claude-opus-5`,
 * `aider/gpt-5`; a tool's own version, `Generated-By: claude-code/0.42 (model: …)`): the agent's
 * pair, as `claude-code:claude-opus-5` is read; null for a vendor's or a router's id (`openai/gpt-5`,
 * `qwen/qwen3-coder`, `openrouter/…`, `opencode/…`, `github-copilot/…`: opencode's providers), whose
 * first word names no agent that wrote the change.
 */
function agentSlashPair(text: string): string | null {
  const match = /^([A-Za-z][A-Za-z0-9._-]{0,38})\/(\S.*)$/.exec(text);
  const name = match?.[1] ?? '';
  const lower = name.toLowerCase();
  if (!match || signatures().vendorWords.has(lower) || VENDOR_NAMES.has(lower) || ROUTERS.has(lower) || ROUTERS.has(lower.replace(/-/g, '_'))) return null;
  return agentSlug(name) ? `${name}:${match[2] ?? ''}` : null;
}

/**
 * A declared clause cut before each further `AGENT:MODEL` word after its first pair: the kernel's
 * `Claude:claude-opus-4-7 Sashiko:claude-haiku-4-5` names two agents, each with its model, where
 * `Claude:claude-3-opus coccinelle sparse` names tools after the model (kept in the clause) and
 * `Claude Code:claude-opus-4-7`, `aider:openrouter/qwen/qwen3-coder:free` are one pair.
 */
function pairs(clause: string): string[] {
  const first = clause.indexOf(':');
  if (first === -1) return [clause];
  const [own = '', ...more] = clause.slice(first + 1).split(/\s+(?=[A-Za-z][A-Za-z0-9._-]{0,38}:\S)/);
  return [clause.slice(0, first + 1) + own, ...more];
}

/** `qwen3-coder:30b` as the catalog reads it whole (qwen3-coder-30b-a3b-instruct), when that is the same vendor's model. */
function retag(text: string, from: number, clause: number, scan: Scan): void {
  if (scan.budget.lookups <= 0) return;
  scan.budget.lookups -= 1;
  const whole = canonicalModel(text, scan.aliases, { isModel: true });
  const read = scan.items.slice(from);
  if (whole && read.length === 1 && read[0]?.kind === 'model' && modelVendor(read[0].value) === modelVendor(whole)) scan.items.splice(from, 1, { kind: 'model', value: whole, clause });
}

/**
 * A person's name that starts with a vendor word (`Qwen Li`, `Mistral Dupont`): another word that
 * is neither a model word nor an account word (`Qwen Team`, `DeepSeek AI` are accounts).
 */
function personalName(text: string): boolean {
  const list = words(text).filter((word) => word !== BREAK);
  return list.length > 1 && personalWords(list.slice(1), signatures().vendorWords.get((list[0] ?? '').toLowerCase()));
}

/**
 * Words after a vendor word of which one is neither a model word, an account word nor another of
 * that vendor's own words that is no person's name: a person's (`Li`, `Farmer`); `Tongyi Lingma`
 * (Alibaba's assistant, both words Qwen's) is no one's name (row 865), while `Zhang Tongyi`, `Chen
 * Lingma` (a given name after the surname) stay people's (row 884).
 */
function personalWords(list: readonly string[], vendor?: string): boolean {
  const vendorWords = signatures().vendorWords;
  return list.some((word) => onlyLetters(word) && !ACCOUNT_WORDS.has(word.toLowerCase()) && !isModelWord(word) && !(vendor !== undefined && vendorWords.get(word.toLowerCase()) === vendor && !personLike(word)));
}

/**
 * Every agent and model a value names, paired: a model gets the agent of its own clause
 * (`Codex:GPT-5.6, Magent:deepseek-v4-pro`), else the only agent named (`Claude Sonnet 4.5 via
 * Crush`), else `unknown`. A vendor named without a model is `vendor/unknown` unless one of its
 * models is named too; an agent named without a model is `agent:unknown`, or the model its own
 * signatures give it (`qwen-code:qwen/unknown`: Signatures.agentModels).
 */
export function mentions(text: string, trust: Trust, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  return readMentions(text, trust, aliases, budget).mentions;
}

/** `mentions`, and whether the text was read only in part (`cut`: words past the limits, or lookups spent, that may name a model). */
export function readMentions(text: string, trust: Trust, aliases: Record<string, string> = {}, budget: Budget = newBudget()): { mentions: Mention[]; cut: boolean } {
  const memo = `${trust}\u0000${text}`;
  const known = budget.read?.get(memo);
  if (known) return { mentions: known.mentions.map((mention) => ({ ...mention })), cut: known.cut };
  const reading = scanText(text, trust, aliases, budget);
  budget.read ??= new Map();
  if (budget.read.size < MAX_REMEMBERED && text.length <= MAX_WHOLE) budget.read.set(memo, { mentions: reading.mentions.map((mention) => ({ ...mention })), cut: reading.cut });
  return reading;
}

/**
 * Every agent and model a value of any length names: read as `readMentions` does when it fits its
 * limits, else in windows of CHUNK words (each sharing MAX_WINDOW words with the last), so a
 * denied model past 64 words, 32 clauses or 500 characters of padding is read, never cut off.
 * Linear: each window is a few words, the commit's lookups bound the catalog's work. `cut` when the
 * value is longer than MAX_WHOLE or the lookups ran out before its end (the caller fails closed).
 */
export function readWhole(text: string, trust: Trust, aliases: Record<string, string> = {}, budget: Budget = newBudget()): { mentions: Mention[]; cut: boolean } {
  const first = text.length <= MAX_WHOLE ? readMentions(text, trust, aliases, budget) : { mentions: [], cut: true };
  if (!first.cut) return first;
  const tokens = text
    .slice(0, MAX_WHOLE)
    .replace(/[,;&+|\u00b7\u2022]/g, ' $& ')
    // Each `AGENT:MODEL` word starts a clause of its own (a window may start amid the words before it).
    .replace(/\s(?=[A-Za-z][A-Za-z0-9._-]{0,38}:\S)/g, ' , ')
    .split(/\s+/)
    .filter((token) => token !== '');
  const result = [...first.mentions];
  let cut = text.length > MAX_WHOLE;
  for (let at = 0; at < tokens.length; at += CHUNK - MAX_WINDOW) {
    if (budget.lookups <= 0) {
      cut = true;
      break;
    }
    const part = readMentions(tokens.slice(at, at + CHUNK).join(' '), trust, aliases, budget);
    for (const mention of part.mentions) if (!result.some((m) => m.agent === mention.agent && m.model === mention.model)) result.push(mention);
    if (part.cut && budget.lookups <= 0) cut = true;
    if (at + CHUNK >= tokens.length) break;
  }
  return { mentions: result, cut };
}

/** One reading of `text`, clause by clause, not remembered (readMentions remembers it for the commit). */
function scanText(text: string, trust: Trust, aliases: Record<string, string>, budget: Budget): { mentions: Mention[]; cut: boolean } {
  const scan: Scan = { trust, aliases, budget, words: MAX_WORDS, items: [], cut: false };
  const plain = text.includes('+') ? withPlusNames(text) : text;
  const written = trust === 'declared' ? pairJoinedAtColon(plain) : plain;
  const clauses = trust === 'declared' ? written.split(CLAUSE).flatMap(pairs) : written.split(CLAUSE);
  if (clauses.length > MAX_CLAUSES) scan.cut = true;
  clauses.slice(0, MAX_CLAUSES).forEach((clause, index) => scanClause(clause.trim(), index, scan));
  const read = scan.items.some((item) => item.alone) ? withoutStrayPlainNames(scan.items, clauses) : scan.items;
  const items = trust === 'person' && personalName(text) ? read.filter((item) => item.kind !== 'vendor') : read;
  const agents = [...new Set(items.filter((item) => item.kind === 'agent').map((item) => item.value))];
  const vendorsWithModels = new Set(items.filter((item) => item.kind === 'model').map((item) => modelVendor(item.value)));
  const modelNamed = vendorsWithModels.size > 0;
  const result: Mention[] = [];
  const add = (agent: string, model: string, alone = false) => {
    if (!result.some((m) => m.agent === agent && m.model === model)) result.push({ agent, model, ...(alone ? { alone: true as const } : {}) });
  };
  items.forEach((item, index) => {
    // A maker's word beside the agent is its model only while none is named (`OpenAI Codex with qwen3-coder` is Qwen's: `--oss`).
    if (item.kind === 'agent' || (item.kind === 'vendor' && (vendorsWithModels.has(modelVendor(item.value)) || (item.maker && modelNamed)))) return;
    const own = items.filter((other) => other.kind === 'agent' && other.clause === item.clause);
    const before = own.filter((other) => items.indexOf(other) < index).pop() ?? own[0];
    // A maker's vendor names no model: another trailer's model for the agent is its model instead (row 883), as for an agent alone.
    add(before?.value ?? (agents.length === 1 ? (agents[0] ?? 'unknown') : 'unknown'), item.value, item.maker === true);
  });
  // An agent named alone is its own signatures' model (`Qwen-Coder`, Qwen Code's name for every Qwen
  // model: `qwen/unknown`, as its co-author line reads), else `agent:unknown` (row 864).
  const own = signatures().agentModels;
  for (const agent of agents) {
    if (result.some((m) => m.agent === agent)) continue;
    const model = own.get(agent);
    if (model) result.push({ agent, model, alone: true });
    else add(agent, 'unknown');
  }
  return { mentions: result, cut: scan.cut };
}

/**
 * The kernel's `AGENT:MODEL` with a list's mark right after the colon (`aider:+qwen/qwen3-coder`,
 * `claude-code:|anthropic/claude-opus-4.6`, `agent2: , evil/z`): the mark stands between no two
 * names, so it joins nothing; split there (CLAUSE), the agent was left alone in a clause of its own as
 * `aider:` and read as no one, its model as `unknown`'s (row 1005).
 */
function pairJoinedAtColon(text: string): string {
  return text.replace(/^([^\s:]{1,60}|[A-Za-z][A-Za-z0-9 ._-]{0,38}?)\s*:\s*[+|,;&\u00b7\u2022][\s+|,;&\u00b7\u2022]*(?=[^\s+|,;&\u00b7\u2022])/, '$1:');
}

/**
 * Cohere's `Command R+` (`command-r+`, `Cohere Command R+ 08-2024`) as its id writes it (`command-r-plus`):
 * the `+` glued to the name is no list's `+` between two names (CLAUSE), which cut it to `command-r`.
 */
function withPlusNames(text: string): string {
  return text.replace(/\b(command[\s-]?r)\+(?![+\w])/gi, '$1-plus');
}

/**
 * An ordinary word and a number read as a model only as all of its clause (`step 3`, `seed 42`, `phi 4`:
 * Item.alone) are dropped when another clause names a model or its maker (a vendor's or family's word,
 * as `Claude`, `Codex`, `Qwen3-Coder` do): `Assisted-by: Claude, step 3` lists the plan's steps, it
 * names no StepFun model. A name no list of steps holds (`Command A`, `Command R+`, `Nova Pro`,
 * `step-3`) stays, and beside an agent that names no maker (`opencode, step 3`) so does `step 3`.
 */
function withoutStrayPlainNames(items: readonly Item[], clauses: readonly string[]): Item[] {
  const makers = new Set<number>();
  for (const item of items) if (!item.alone && item.kind !== 'agent') makers.add(item.clause);
  clauses.slice(0, MAX_CLAUSES).forEach((clause, index) => {
    const lower = clause.toLowerCase();
    if (!makers.has(index) && (vendorsIn(clause).length > 0 || [...lower.matchAll(/[a-z][a-z0-9]*/g)].some(([word]) => isFamilyWord(word)) || namesPerson(clause))) makers.add(index);
  });
  return items.filter((item) => !item.alone || ![...makers].some((clause) => clause !== item.clause));
}

/**
 * A clause that is a person's name (`Jane Doe`, `Jon C. Smith`): two to four capitalised words, no
 * model, agent, vendor or account word among them. Beside it `step 3` is the person's step of a plan,
 * as it is beside a model (`Assisted-by: Jane Doe, step 3` named no StepFun model).
 */
function namesPerson(clause: string): boolean {
  const list = words(clause);
  const sig = signatures();
  return (
    list.length >= 2 &&
    list.length <= 4 &&
    list.every((word) => /^[A-Z][a-z]*\.?$/.test(word) && !isModelWord(word) && !ACCOUNT_WORDS.has(word.toLowerCase()) && !sig.agentFirstWords.has(word.toLowerCase()) && !sig.vendorWords.has(word.toLowerCase()))
  );
}

let FAMILY_WORDS: ReadonlySet<string> | undefined;
/** A catalog family's word (`codex`, `gemini`, `olmo`, `ernie`); the set made once. */
export const isFamilyWord = (word: string): boolean => (FAMILY_WORDS ??= new Set(FAMILIES.map((family) => family.word))).has(word);

/**
 * The vendors whose name or family starts a word of `text` (`openrouter/qwen/qwen3-coder` → qwen,
 * `deepseek-chat` → deepseek), one map lookup a word: what a value too long to read in full still
 * names beyond the limits. Below `declared` trust, a word that is also a person's name (`Google`,
 * `Kimi`, `Claude`) names no vendor.
 */
export function vendorsIn(text: string, trust: Trust = 'declared'): string[] {
  const vendors = new Set<string>();
  const vendorWords = signatures().vendorWords;
  for (const match of text.matchAll(letterRuns(text))) {
    const vendor = vendorWords.get(match[0].toLowerCase());
    if (vendor && (trust === 'declared' || !personLike(match[0]))) vendors.add(vendor);
  }
  return [...vendors];
}
