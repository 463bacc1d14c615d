// Words of model names, for reading free text and short names: which words can start or continue
// a model name, and the short names agents accept (`opus`, `pro` for Gemini CLI). Pure; the rules
// of the catalog itself are in catalog.ts.
import PRECOMPUTED from './data/model-table.generated.json' with { type: 'json' };
import STARTS from './data/model-starts.generated.json' with { type: 'json' };
import { FAMILIES, ROUTERS, SHORT_NAMES, VENDOR_NAMES } from './model-data.js';
import { BEDROCK_REGION, COHERE_LAB } from './model-name.js';

/**
 * Where a name was read. `isModel`: the text is known to name a model (a declared value, a model
 * variable, a session, an agent's own co-author line), so short names (`opus`, and `pro` for Gemini
 * CLI) and new members of a known family (`Claude Fable 5`, `gpt-5.6-luna`) are read; elsewhere
 * (a person's co-author line) only names that cannot be a person's are. `agent`: the agent that
 * wrote it, the context of its short names.
 */
export interface ModelContext {
  agent?: string;
  isModel?: boolean;
  /** Read new family members only with known model words even where `isModel` (words picked out of free text). */
  strict?: boolean;
}

/** Words that follow a family in model names (`claude-opus-5`, `gemini-4-ultra`, `llama-5-behemoth`). */
export const MODEL_WORDS: ReadonlySet<string> = new Set(
  ('opus sonnet haiku instant pro flash lite mini nano micro tiny small medium large max ultra plus turbo fast ' +
    'heavy light air edge spark codex coder code chat instruct it base reasoner reasoning thinking think hybrid ' +
    'preview exp experimental beta alpha image vision vl omni audio realtime search deep research distill speciale ' +
    'terminus oss next maverick scout behemoth nemo luna sol terra astra fable mythos').split(' '),
);

/**
 * First words of model names that are also ordinary words or given names (`Nova Pro`, `Command A`,
 * `Step 3`, `Phi 4`, `Seed 1.6`, `Ling 1T`, `Yi Large`, `Granite`, `Jamba`). Such a name of several
 * words is read only as the whole of what was written (`Assisted-by: Nova Pro`, `opencode:Step 3`),
 * or right after its own vendor's name (`Amazon Nova Pro`, `Cohere Command A`: mentions.ts plainName),
 * never out of more words (`Assisted-by: Claude (step 3 of the plan)`); outside a declared value
 * (a co-author line's name) only with a digit in it (`Co-authored-by: Nova Pro <nova@…>` is a person).
 * Joined with `-` (`step-3`, `nova-pro`) it is one word and read as any model's name.
 */
export const PLAIN_WORD_STARTS: ReadonlySet<string> = new Set(['nova', 'command', 'step', 'phi', 'seed', 'ling', 'ring', 'yi', 'granite', 'jamba', 'olmo']);

/** True for a name that starts with a PLAIN_WORD_STARTS word (`Nova Pro`, `step-3`, `phi4`). */
export function plainWordStart(text: string): boolean {
  return PLAIN_WORD_STARTS.has(/^[\s"'`*_~]*([a-z]+)/i.exec(text)?.[1]?.toLowerCase() ?? '');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

let starts: ReadonlySet<string> | undefined;

/** The letters a word starts with, for `mayStartModel`: `Qwen3-Coder` → `qwen`, `4o` → ``. */
function leadingLetters(text: string): string {
  // /^[a-z]*/ after /^[^a-z0-9]+/ is removed, by hand: run for each of the catalog's ~400 names on a hook's first scan.
  const lower = text.toLowerCase();
  let start = 0;
  while (start < lower.length && !isLowerOrDigit(lower.charCodeAt(start))) start += 1;
  let end = start;
  while (end < lower.length && isLower(lower.charCodeAt(end))) end += 1;
  return lower.slice(start, end);
}

const isLower = (code: number) => code >= 0x61 && code <= 0x7a;
const isLowerOrDigit = (code: number) => isLower(code) || (code >= 0x30 && code <= 0x39);

/** The first letters of every name the catalog knows (table, families, vendor, router and short names): generated into model-starts.generated.json. */
export function buildModelStarts(): string[] {
  const all = new Set<string>(['opus', 'sonnet', 'haiku', 'fable', 'mythos']);
  for (const [key] of PRECOMPUTED as [string, string][]) all.add(leadingLetters(key));
  for (const family of FAMILIES) all.add(leadingLetters(family.word));
  for (const name of [...VENDOR_NAMES.keys(), ...ROUTERS]) all.add(leadingLetters(name));
  for (const names of SHORT_NAMES.values()) for (const name of names.keys()) all.add(leadingLetters(name));
  return [...all].sort();
}

/**
 * False when no model name can start with this word (`the`, `alpha`, `Jane`): lets a scan of free
 * text skip the catalog for most words. The first letters of every catalog name are generated with
 * the table (building them from ~400 names cost each commit hook ~0.5 ms; test/unit/catalog-table.test.ts
 * fails when they drift); `aliases` (config `detect.aliases`) are checked as given.
 */
export function mayStartModel(word: string, aliases: Record<string, string> = {}): boolean {
  starts ??= new Set(STARTS);
  // A Bedrock id starts with its region profile (`us.anthropic.claude-sonnet-4-5-…-v1:0`, `global.…`): the provider after it starts the name.
  // …and Cohere's open-weight ids with `c4ai-` (`c4ai-command-r-plus`): the model's own name starts after it.
  const lead = leadingLetters(BEDROCK_REGION.test(word) ? word.replace(BEDROCK_REGION, '') : word.replace(COHERE_LAB, ''));
  if (starts.has(lead) || word.includes('/')) return true;
  // A family's word glued to the next word of its name, with a version (`ClaudeOpus4.6`, `deepseekv3.2`, `KimiK2.5`):
  // the catalog reads it as the name with its hyphen (catalog.ts joinedNames, model-name.ts familyForm).
  if (/\d/.test(word) && gluedStart(lead)) return true;
  return Object.keys(aliases).some((alias) => leadingLetters(alias) === lead);
}

/** `claudeopus`, `deepseekv`, `kimik`: a name's first letters made of one start and then another (or one letter). */
function gluedStart(lead: string): boolean {
  for (let at = 2; at < lead.length && at <= 12; at += 1) {
    const rest = lead.slice(at);
    if (starts?.has(lead.slice(0, at)) && (rest.length === 1 || starts.has(rest))) return true;
  }
  return false;
}

/** True for a word that can continue a model name: a version or size, or a word models are named with. */
export function isModelWord(word: string, aliases: Record<string, string> = {}): boolean {
  const lower = word.toLowerCase();
  // A plain word that starts a model's name (`Yi`, `Nova`) is no model word alone: `Qwen Yi` is a person.
  return /\d/.test(lower) || MODEL_WORDS.has(lower) || (!PLAIN_WORD_STARTS.has(lower) && mayStartModel(lower, aliases));
}

/** The agents for which `raw` is a short model name (`pro` → `gemini-cli`), to say which `--agent` reads it. */
export function shortNameAgents(raw: string): string[] {
  const key = slug(raw);
  return [...SHORT_NAMES].filter(([agent, names]) => agent !== 'any' && names.has(key)).map(([agent]) => agent);
}

/** `opus` → `anthropic/claude-opus` where the text is known to be a model, the agent's table first. */
export function shortName(text: string, context: ModelContext): string | null {
  if (!context.isModel) return null;
  const key = slug(text);
  return (context.agent ? SHORT_NAMES.get(context.agent)?.get(key) : undefined) ?? SHORT_NAMES.get('any')?.get(key) ?? null;
}
