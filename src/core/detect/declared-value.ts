import FAST_PATH_TEXTS from '../data/fast-path-texts.generated.json' with { type: 'json' };
import { canonicalModel, knownModels, knownVendors, nameVendor, otherNameVendors, RUNTIME_NAME } from '../catalog.js';
import { CLAUSE, literalBase, otherNamedVendors, matchIdentity, parseIdentity, plainAddress, type IdentityMatch, type IdentityRole } from './identity.js';
import { accountSpaced, agentFirstNamed, agentNameAsWritten, aiAccountNamed, aiAccountOnly, isFamilyWord, productNamed, MAX_WHOLE, mentions, newBudget, readMentions, readWhole, vendorsIn, type Budget, type Mention } from './mentions.js';
import { joints, letterRuns } from './letters.js';
import { MODEL_WORDS, mayStartModel } from '../model-words.js';
import { ROUTERS, VENDOR_NAMES } from '../model-data.js';
import { fineTuneBase } from '../model-name.js';
import { knownCoAuthorLine, ownTrailerPair } from './fixed-values.js';
import { readable } from './readable.js';
import { signatures } from './signatures.js';
import { agentSlug } from './agent-name.js';
import type { Identity } from '../types.js';

export type DeclaredValue = Mention;

const MAX_VALUE = 500;
/**
 * An address a person can be reached at: `local@domain.tld`, nothing else in the brackets. A domain
 * has no `/`: `aider:cloudflare/@cf/qwen/qwen2.5-coder-32b-instruct` (Cloudflare Workers AI's ids,
 * `@cf/…`, `@hf/…`, behind a route) is a model's path, and read as an address it declared no one.
 */
export function isEmail(text: string): boolean {
  // `^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$` tried every dot of the domain to its end: quadratic in a run of dots.
  if (!/^[^\s@<>]+@[^\s@<>/]+$/.test(text)) return false;
  return text.slice(text.indexOf('@') + 2, -1).includes('.');
}
const URL = /<?\bhttps?:\/\/[^\s>]*>?/gi;
const UNKNOWN: DeclaredValue = { agent: 'unknown', model: 'unknown' };
/** A value read only in part (past MAX_WHOLE, or the commit's lookups spent): what the rest names is not known. */
const UNREAD: DeclaredValue = { agent: 'unknown', model: 'unknown', unread: true };

/**
 * A value as read whole: readable (up to MAX_WHOLE characters), each link replaced by the words of
 * its path (`https://huggingface.co/Qwen/Qwen3-Coder-480B` declares `Qwen Qwen3-Coder-480B`: a
 * model named only by its page is that model; the host is no one's name), spaces collapsed.
 */
function wholeText(value: string): string {
  return readable(value, MAX_WHOLE).replace(URL, (link) => ` ${linkWords(link)} `).replace(/\s+/g, ' ').trim();
}

/** The words of a link's path (`/Qwen/Qwen3-Coder-480B/tree/main` → `Qwen Qwen3-Coder-480B tree main`), without its host, query or fragment. */
function linkWords(link: string): string {
  const path = /^<?https?:\/\/[^\s/>]*([^\s?#>]*)/i.exec(link)?.[1] ?? '';
  let words = path;
  try {
    words = decodeURIComponent(path);
  } catch {
    // a malformed escape: the path as written
  }
  return words.split('/').filter((word) => word !== '').slice(0, 16).join(' ');
}
/**
 * A declared value that says no AI was used, as projects whose hook wants a disclosure on every
 * commit have people write it (`Assisted-by: none`, `Assisted-by: n/a`, `AI-Model: none`, `None
 * (hand-written)`): the whole value, never a word of a longer one (`none, qwen3-coder` names Qwen).
 */
const NONE =
  /^(?:none(?: used)?|n\/?a|no|not?[- ]ai(?:[- ]tools?| assistance| assistants?)?(?: (?:was|were|is))?(?: used| involved)?|nobody|no ?one|nothing|not applicable|not used|humans?|human[- ]?only|(?:hand|human)[- ]?(?:written|coded|authored|made)|(?:written |coded )?by hand|manual(?:ly written)?|-+)[.!]?(?:\s*\(([^()]*)\)|\s*(?:[,;:]|\s[-\u2013\u2014])\s*(.*))?$/i;

/** How each of NONE's forms starts: NONE, a long pattern, is compiled (~0.5 ms) only for a value that may be one. */
const NONE_START = /^(?:n|hu|ha|wr|co|by|ma|-)/i;

/**
 * Words a commit template's placeholder is made of (`<model>`, the kernel's `AGENT_NAME:MODEL_VERSION
 * [TOOL1] [TOOL2]`, `<Model> via <Tool>`): a value left as the template wrote it declares nothing.
 * Never `AI`, `LLM` or `assistant`: `Assisted-by: AI` says AI helped.
 */
const PLACEHOLDER_WORDS = new Set(['agent', 'agents', 'name', 'model', 'models', 'version', 'id', 'tool', 'tools', 'provider', 'vendor', 'your', 'the', 'specialized', 'specialised', 'optional', 'here', 'placeholder', 'used', 'if', 'any']);
/** A placeholder token: bracketed (`<model>`, `[TOOL1]`, `{model-name}`, `...` inside) or a capitals-and-underscores name (`AGENT_NAME`, `MODEL`). */
const PLACEHOLDER = /<([^<>@]{1,40})>|\[([^[\]]{1,40})\]|\{([^{}]{1,40})\}|(?<![\w./-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?![\w./-])/g;
/**
 * Words a bracketed placeholder holds beside one of PLACEHOLDER_WORDS, as projects' policies write it
 * (Fedora's `<name of AI tool>`, its draft's `<name of code assistant>`, `<AI model> <version>`,
 * `<tool+model>`, `<provider-or-agent>`, `[AI tool name]`, a Portuguese guide's `<ferramenta>`): never
 * alone (`<AI>`, `<LLM>` say AI helped) and never outside brackets (`AI model`).
 */
const BRACKETED_WORDS = new Set(['ai', 'llm', 'code', 'coding', 'assistant', 'chatbot', 'generative', 'of', 'or', 'and', 'ferramenta', 'herramienta', 'outil', 'werkzeug', 'modelo', 'modele', 'modèle', 'modell']);
/** PLACEHOLDER_WORDS in other languages, a placeholder word alone in brackets (`<ferramenta>`, `<herramienta>`, `<outil>`, `<Werkzeug>`, `<modelo>`). */
const TRANSLATED_WORDS = new Set(['ferramenta', 'herramienta', 'outil', 'werkzeug', 'modelo', 'modele', 'modèle', 'modell']);
const placeholderWords = (inner: string, bracketed: boolean) => {
  const words = inner.toLowerCase().replace(/\.{2,}|\u2026/g, ' ').split(bracketed ? /[\s_:/+-]+/ : /[\s_:/-]+/).filter((word) => word !== '').map((word) => word.replace(/\d+$/, ''));
  if (words.length > 0 && words.every((word) => PLACEHOLDER_WORDS.has(word))) return true;
  return bracketed && words.every((word) => PLACEHOLDER_WORDS.has(word) || BRACKETED_WORDS.has(word)) && words.some((word) => PLACEHOLDER_WORDS.has(word) || TRANSLATED_WORDS.has(word));
};

/**
 * The value without its template placeholders (`<model>`, `AGENT_NAME:MODEL_VERSION [TOOL1]`): only
 * a token all of whose words are placeholder words is dropped, so a name in brackets (`<qwen3-coder>`,
 * `AGENT_NAME:qwen3-coder`) is still read; `null` when nothing but placeholders (and the words
 * between names, `via`) was there.
 */
function withoutPlaceholders(text: string): string | null {
  let dropped = false;
  const rest = text.replace(PLACEHOLDER, (token, ...inner: (string | undefined)[]) => {
    const at = inner.slice(0, 4).findIndex((group) => group !== undefined);
    if (!placeholderWords((inner[at] as string | undefined) ?? '', at >= 0 && at < 3)) return token;
    dropped = true;
    return ' ';
  });
  if (!dropped) return text;
  const left = rest.replace(/\s+/g, ' ').trim();
  return left.split(/[\s,;:/()]+/).every((word) => word === '' || /^(?:via|with|using|and|or|by|on|\+|&|-)$/i.test(word)) ? null : left;
}
/**
 * A policy's own example value, copied as it stands (`Some AI Tool <https://someai.example.com>`, which
 * its readers are told to replace with their tool's name and address; TYPO3's skeleton `Some AI Model
 * <noreply@someai.com>`): `Some AI Tool`/`Model`/`Agent`/`Assistant`, alone or with an address or link at
 * an example domain (`example.com`/`.org`/`.net`, `*.example`, `*.invalid`, `*.test`, `someai.*`),
 * declares nothing, as `<model>` does not. A real address keeps it read (`Some AI Model
 * <noreply@anthropic.com>` is Claude's), and so does any other wording (`an AI tool`, `AI` say AI helped).
 */
const POLICY_EXAMPLE = /^some\s+ai\s+(?:tool|model|agent|assistant)(?:\s*<([^<>\s]{1,100})>)?$/i;
const EXAMPLE_HOST = /^(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|[a-z0-9-]+\.(?:example|invalid|test)|someai\.[a-z]{2,10})$/i;
function policyExample(text: string): boolean {
  const found = POLICY_EXAMPLE.exec(text.trim());
  if (!found) return false;
  const target = found[1];
  if (target === undefined) return true;
  const host = /^(?:https?:\/\/)?(?:[^@/]*@)?([^/:?#]+)(?:[:/?#].*)?$/i.exec(target)?.[1];
  return host !== undefined && EXAMPLE_HOST.test(host);
}

/**
 * A no-reply address is no one's mailbox (GitHub's per-user `id+login@users.noreply.github.com` is
 * not this form): an agent's name there is the agent (`Cursor <noreply@cursor.sh>`,
 * `Amazon Q <noreply@aws.amazon.com>`), while a vendor or service alone (`GitHub <noreply@github.com>`,
 * the web UI) names no agent.
 */
// A sub-address of the no-reply mailbox is one too when its tag is the agent's (`noreply+goose@block.xyz`, row 1032; agentAtNoReply).
const NO_REPLY = /^(?:no-?reply|do-?not-?reply)(?:\+([^@\s]{1,64}))?@/i;

/**
 * `Name address` whose brackets a renderer or a Markdown table dropped (`Claude noreply@anthropic.com`):
 * the last word, when it is an address, is the address.
 */
const BARE_ADDRESS = /^(\S.*?)\s+([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** `Name <x>` where `x` is not an address (`Kilo Code <moonshotai/kimi-k2.5:free>`): the name, with `x` as a note. */
function withoutAddress(text: string): { text: string; email: string; name: string } {
  // An address alone, its brackets lost (`qwen-coder@alibabacloud.com`): as `<qwen-coder@alibabacloud.com>` is read.
  if (!text.includes('<') && isEmail(text.trim())) return { text, email: text.trim(), name: '' };
  const found = text.includes('<') ? null : BARE_ADDRESS.exec(text.trim());
  // An address inside a note is the note's (`claude-code/0.42 (model: claude-sonnet-4-5; operator: dev@example.com)`,
  // the person who ran the agent), not the value's: the value is read as declared, its agent and model with it.
  const bare = found && (found[1] ?? '').split('(').length > (found[1] ?? '').split(')').length ? null : found;
  const identity = bare ? { name: bare[1] ?? '', email: bare[2] ?? '' } : parseIdentity(text);
  if (!identity.email || isEmail(identity.email)) return { text, email: identity.email, name: identity.name };
  return { text: `${identity.name} (${identity.email})`, email: '', name: identity.name };
}

/** `withoutAddress` for a text of any length: the address is the last `<…>` (or last word); the name is all before it, read whole. */
function longWithoutAddress(text: string): { text: string; email: string; name: string } {
  if (text.length <= MAX_VALUE) return withoutAddress(text);
  const open = text.lastIndexOf('<');
  const at = open === -1 ? text.lastIndexOf(' ') : open;
  if (at <= 0) return { text, email: '', name: text };
  const tail = withoutAddress(`x ${text.slice(at).trim()}`);
  if (!tail.email) return { text, email: '', name: text };
  const name = text.slice(0, at).trim();
  return { text: `${name} <${tail.email}>`, email: tail.email, name };
}

/** What a text names, read whole (readWhole); `unread` added when it could not be. */
function wholly(text: string, trust: 'declared' | 'named' | 'person', aliases: Record<string, string>, budget: Budget): Mention[] {
  if (text.length <= MAX_VALUE) return mentions(text, trust, aliases, budget);
  const reading = readWhole(text, trust, aliases, budget);
  return reading.cut ? [...reading.mentions, UNREAD] : reading.mentions;
}

/**
 * Every agent and model a declared value names (`Assisted-by`, `Generated-by`, the configured key):
 * `claude-code:anthropic/claude-opus-4.6`, the kernel's `Claude:claude-3-opus coccinelle` (a tool
 * after the model that names a model is judged too), `Claude Code (claude-opus-4)`, `Claude Opus
 * 4.6 and Qwen3-Coder`, `Codex:GPT-5.6, Magent:deepseek-v4-pro`, `Qwen` (`qwen/unknown`).
 * A person with an address (`Bob Smith <bob@example.com>`) is a human helper, `none`/`n/a`/`human-only`/
 * `hand-written` says no AI was used, and an empty value or a template's placeholders (`<model>`)
 * declare nothing: `[]`, and so do people's names alone under a key that says nothing of AI
 * (`reading.people`: curl's `Assisted-by: Daniel Gustafsson`). Anything else under a declared key
 * that names no agent or model is `unknown:unknown` — AI, never a person (the kernel's tag names
 * tools: `coccinelle`, one word, stays a tool).
 * Text is read NFKC-normalised and without format characters (`readable`).
 */
export function parseDeclaredValues(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget(), reading: DeclaredReading = {}): DeclaredValue[] {
  // aitrail's own form (`claude-code:anthropic/claude-opus-4.6`), on every AI commit: read straight.
  const own = ownTrailerPair(value, aliases);
  return own ? [own] : readDeclaredValues(value, aliases, budget, reading);
}

/** How a declared key's values are read beyond what every declared key shares. */
export interface DeclaredReading {
  /**
   * The key says nothing of AI, agents or tools (`Assisted-by`, `Assisted-with`, `Generated-by`): a
   * value that is only people's names, without addresses (curl's `Assisted-by: Daniel Gustafsson`),
   * is those people (peopleNamed). Under `AI-Assistant:` or `Coding-agent:` such a value is a product's name.
   */
  people?: boolean;
}

/** parseDeclaredValues' reading in full (exported for the test that holds the fast readings equal to it). */
export function readDeclaredValues(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget(), reading: DeclaredReading = {}): DeclaredValue[] {
  const whole = wholeText(value);
  const given = whole.slice(0, MAX_VALUE);
  // A key left empty (a commit template's `Assisted-by:`) or holding only placeholders declares nothing;
  // a value that cannot be read (past MAX_WHOLE, nothing readable in its first part) is `unread`.
  if (given === '') return value.length > MAX_WHOLE ? [UNREAD] : [];
  const text = withoutPlaceholders(given.replace(REPEATED_KEY, ''));
  // The example is judged as written: its link's host is not among the words the value is read for.
  if (text === null || (/^some\s/i.test(text) && policyExample(readable(value, MAX_VALUE).replace(/\s+/g, ' ').trim().replace(REPEATED_KEY, '')))) return [];
  const readAll = whole.length <= MAX_VALUE && value.length <= MAX_WHOLE;
  // `none` only as the whole value: a long one is read whole below (`none, <600 characters> qwen3-coder` names Qwen).
  const none = readAll && NONE_START.test(text) ? NONE.exec(text) : null;
  if (none) return namedBeside(none[1] ?? none[2] ?? '', aliases, budget);
  // A fine-tune's whole id is its base model alone (`Assisted-by: ft:gpt-4o-mini:acme:qwen:abc`: row 948).
  // A base of no model the catalog knows (`ft:davinci-002:personal::abc`, `ft:my-base:acme:x:abc`) is still a model: `unknown`, as
  // `AI-Model: davinci-002` is, never no AI (row 958).
  const tuned = fineTuneBase(text);
  if (tuned !== null) {
    const base = declaredMentions(tuned, tuned, aliases, budget);
    return base.length > 0 ? base : [UNKNOWN];
  }
  const read = withoutAddress(expandGroups(text));
  if (read.email) {
    const { match: byIdentity, via } = identityVia({ name: read.name, email: read.email }, aliases);
    // The mailbox of a declared helper may be a model's full name (`Claude Code <qwen3-coder@qwen.ai>`): that model too.
    const mailbox = mentions(read.email.slice(0, read.email.indexOf('@')).replace(/[._+]/g, ' '), 'person', aliases, budget).filter((m) => m.model !== 'unknown' && !m.model.endsWith('/unknown'));
    const toolVia = byIdentity || via ? null : modelViaTool({ name: read.name, email: read.email }, aliases);
    const byName = byIdentity ? [byIdentity, ...literalBase(byIdentity), ...otherNamedVendors(read.name, byIdentity)] : via ? [via] : toolVia ? [toolVia] : mentions(read.name, 'named', aliases, budget);
    // `aider:qwen3-coder <noreply@aider.chat>`: the trailer's own pair before an address, read as without it (a name's reading took the pair for one word).
    const paired = agentModelPair(read.name, aliases, budget).filter((p) => !byName.some((m) => m.agent === p.agent && m.model === p.model));
    // A product's or an AI account's name at an address of no agent's (`Claude Opus <bot@example.com>`, `Kimi AI <ai@moonshot.cn>`),
    // read as on a co-author line (rows 882, 913); a person's stays a person's (`Claude Dupont <claude@example.com>`) (row 921).
    const named = byName.length === 0 && paired.length === 0 ? productName(read.name, read.email, aliases, budget) : byName;
    return [...named, ...paired, ...mailbox];
  }
  // Tools that are no AI (`coccinelle sparse`, `protoc 25.1`, `scripts/gen.sh`, `go generate ./...`): nothing, before a
  // path is read as a model id; never where a model or agent is read among them (`make o3`), nor when
  // the value was read only in part (what its rest names is read below).
  const tools = readAll ? withoutMakers(read.text) : read.text;
  if (readAll && onlyTools(tools) && !namesAgentOrModel(tools, aliases, budget)) return [];
  // A script's path beside a model (`scripts/gen.sh and qwen3-coder`) is no model id.
  // `Kimi Räikkönen and Claude`: the person credited beside an agent is no model (row 1198); the rest is read as written alone.
  const others = reading.people === true && readAll ? besideFamilyNamedPeople(tools) : null;
  const found = withoutRepositories(declaredMentions(others ?? tools, others ?? (readAll ? withoutMakers(whole) : value), aliases, budget).filter((m) => !scriptPath(m.model)), others ?? tools);
  if (found.length > 0) return reading.people === true && readAll && found.every((m) => m.agent === 'unknown' && m.model.endsWith('/unknown')) && peopleAndTeams(read.text, aliases, budget) ? [] : found;
  return saysNoAI(read.text) || (reading.people === true && readAll && peopleNamed(read.text)) ? [] : [UNKNOWN];
}

/** Between the names of a list of people (`Daniel Gustafsson, Rich Salz and Tencent Cloud team`). */
const NAME_LIST = /\s*[,;&]\s*|\s+and\s+/;

/** The last word of a group of people (`Tencent Cloud team`, `the Google Cloud folks`). */
const GROUP_WORDS = new Set(['team', 'teams', 'folks', 'people', 'staff', 'engineers', 'developers', 'maintainers', 'researchers', 'colleagues', 'crew']);

/**
 * A declared value that is people's names and groups of a company's people, each group a company's
 * name written for much else (signatures.json: a vendor word among personNames that is no model
 * family's or agent's word: `tencent`, `google`, `microsoft`, `amazon`, `ibm`, `ai2`…), ordinary
 * words and a group word last (`Tencent Cloud team`, `the Microsoft Research team`, `Jane Doe, Xiaomi
 * Security folks`): those people, no AI, as curl's `Assisted-by: Daniel Gustafsson` is. A model,
 * agent, AI or tool word keeps it AI (`Tencent Hunyuan team`, `IBM Granite team`, `Tencent AI Lab
 * team`), and so does a group of an AI lab (`Qwen Team`, `OpenAI team`: vendor words no one else has).
 * People whose given name is a family's word (familyNamedPerson: `Kimi Räikkönen`) are read so beside them.
 */
function peopleAndTeams(text: string, aliases: Record<string, string>, budget: Budget): boolean {
  if (text.length > 200) return false;
  const names = text.split(NAME_LIST);
  const named = (name: string): boolean => teamOfPeople(name) || familyNamedPerson(name);
  // Every other name a person's that reads no AI on its own (`Daniel Gustafsson`): `Qwen Long`, `Doubao Seed`, `Grok Smith`,
  // `Kimi Linear` beside `Kimi Räikkönen` or a company's team stay their vendors' models, as each reads alone (row 1179).
  return names.some(named) && names.every((name) => named(name) || (peopleNamed(name) && declaredMentions(name, name, aliases, budget).length === 0));
}

/**
 * The other names of a declared value that credits people whose given name is a family's word (familyNamedPerson) beside
 * something else (`Kimi Räikkönen and Claude`), joined; null when it credits none of them or only them. Read whole, the
 * person's given name gave the agent beside it Moonshot's model (`claude-code:moonshotai/unknown`, refused under a deny of
 * `moonshotai/*`, row 1198); alone (row 1171) or beside other people (row 1179) the person was already no model.
 */
function besideFamilyNamedPeople(text: string): string | null {
  if (text.length > 200) return null;
  const names = text.split(NAME_LIST);
  const others = names.filter((name) => !familyNamedPerson(name));
  return others.length === names.length || others.length === 0 ? null : others.join(', ');
}

function teamOfPeople(name: string): boolean {
  const words = name.trim().replace(/^the\s+/i, '').split(/\s+/);
  const group = words.pop()?.toLowerCase() ?? '';
  if (!GROUP_WORDS.has(group) || words.length === 0 || words.length > 4) return false;
  const sig = signatures();
  let company = false;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (!/^[a-z][a-z0-9'\u2019-]*$/i.test(word) || TOOL_WORDS.has(lower) || GROUP_WORDS.has(lower)) return false;
    // The company's own name (`tencent`, also the first word of its agent's, `Tencent CodeBuddy`), else an ordinary word.
    if (sig.vendorWords.has(lower)) {
      if (!sig.personNames.has(lower) || isFamilyWord(lower) || sig.agentNames.has(lower)) return false;
      company = true;
    } else if (sig.agentFirstWords.has(lower) || mayStartModel(lower)) return false;
  }
  return company;
}

/** Words no person's name holds but a tool's may (`Open Interpreter` aside): AI, account and tool words. */
const TOOL_WORDS = new Set(['ai', 'llm', 'llms', 'gpt', 'ml', 'bot', 'bots', 'agent', 'agents', 'assistant', 'assist', 'helper', 'team', 'model', 'models', 'official', 'build', 'cli', 'app', 'studio', 'labs', 'dev', 'code', 'coder', 'coding', 'chat', 'chatbot', 'copilot', 'pilot', 'generator', 'generated', 'tool', 'tools', 'autocomplete', 'completion', 'completions', 'ide', 'editor', 'plugin', 'extension', 'engine', 'script', 'scripts', 'automation', 'auto', 'machine', 'neural', 'intelligence', 'artificial']);
/** Words models are named with (`Phi Mini`, `Nova Pro`), but for those that are also given names (`Max Dymond`, `Luna`, `Sol`). */
const NAMED_LIKE_PEOPLE = new Set(['max', 'luna', 'sol', 'terra', 'astra', 'nemo', 'scout', 'spark', 'light', 'air', 'edge', 'fable', 'mythos', 'it', 'base']);
const PRODUCT_WORDS: ReadonlySet<string> = new Set([...MODEL_WORDS].filter((word) => !NAMED_LIKE_PEOPLE.has(word)));
/** One person's name as people write it: two to four capitalised words of letters (`Daniel Gustafsson`, `Marc Hörsken`, `Jacob Hoffman-Andrews`, `Dan F.`). */
const PERSON_NAME_SOURCE = "^\\p{Lu}[\\p{L}\\p{M}'\\u2019-]*\\.?(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'\\u2019-]*\\.?|(?:van|von|der|den|de|da|di|du|del|la|le|bin|al|ibn|y)))*$";
/** PERSON_NAME made on first need: V8 builds its Unicode property classes when the pattern is made (~0.5 ms of every hook that loads this file). */
let PERSON_NAME: RegExp | undefined;
const personName = (): RegExp => (PERSON_NAME ??= new RegExp(PERSON_NAME_SOURCE, 'u'));

/**
 * A declared value that names no agent or model and is people's names, as curl has credited the people who
 * helped since 2020 (`Assisted-by: Daniel Gustafsson` over `Assisted-by: Rich Salz`, on thousands of its
 * commits): no AI, as `Jane Doe <jane@example.com>` is not. Each name two to four capitalised words (a
 * one-word value stays a tool: the kernel's `coccinelle`), none an AI, account or tool word.
 */
function peopleNamed(text: string): boolean {
  if (text.length > 200) return false;
  const names = text.split(NAME_LIST);
  return names.every((name) => {
    const words = name.trim().split(/\s+/);
    return words.length >= 2 && words.length <= 4 && personName().test(name.trim()) && !words.some((word) => {
      const lower = word.toLowerCase().replace(/[.'\u2019]/g, '');
      return TOOL_WORDS.has(lower) || PRODUCT_WORDS.has(lower);
    });
  });
}

/**
 * A declared value that is people's names, one or more of them starting with a model family's or vendor's word as a given
 * name (`Kimi Räikkönen`, `Ernie Els`, `Gemma Chan`, `Kimi Räikkönen and Daniel Gustafsson`), under a key that says nothing
 * of AI (curl's credits, row 260): those people, as `Daniel Gustafsson` is; the family's word read `moonshotai/unknown`, so
 * an honest project's commit was refused under a vendor's deny (row 1171). The word written as a name is (a capital, then
 * small letters) and is a given name (personNames), and every word after it a surname's: no digit, no model, tool, account, vendor, agent or family word, no
 * word of a model the catalog lists (`Kimi K2`, `Kimi Fast`, `Grok Code`, `Ernie Bot`, `Kimi Linear`, `Doubao Seed` stay models).
 */
function familyNamedPerson(name: string): boolean {
  const words = name.trim().split(/\s+/);
  const given = words[0] ?? '';
  if (words.length < 2 || words.length > 4 || !/^\p{Lu}\p{Ll}+$/u.test(given) || !personName().test(name.trim())) return false;
  const sig = signatures();
  // A family's word that is a given name too (signatures.json personNames: `Kimi`, `Ernie`, `Gemma`), as a co-author line reads
  // it (`Co-authored-by: Kimi Smith` is a person); `Qwen Long`, `Llama Guard`, `Grok Smith` stay AI, as on a co-author line; a
  // company's name is no given name (`Tencent Cloud` stays Tencent's: teamOfPeople reads its people).
  const lowerGiven = given.toLowerCase();
  if (!sig.vendorWords.has(lowerGiven) || !sig.personNames.has(lowerGiven) || !isFamilyWord(lowerGiven)) return false;
  return words.slice(1).every((word) => {
    const lower = word.toLowerCase().replace(/[.'\u2019]/g, '');
    return !(TOOL_WORDS.has(lower) || MODEL_WORDS.has(lower) || FAMILY_PRODUCT_WORDS.has(lower) || sig.vendorWords.has(lower) || sig.agentFirstWords.has(lower) || isFamilyWord(lower) || mayStartModel(lower) || modelIdWords().has(lower));
  });
}
/** Words after a family's that name its products though the table lists none of them (`Kimi Linear`, `Kimi Researcher`, `Ernie Speed`, `Mistral Saba`, `Gemma Scope`). */
// Their vendors' published names (row 1180): Kimi Explorer, Kimi Slides, Moonshot's Moonlight, Kimi Claw, ERNIE-ViLG, ERNIE Functions,
// Ernie Yiyan (文心一言), EmbeddingGemma, Kimi's agent mode OK Computer (row 1191); a Roman numeral is a version (`Kimi II`), no surname.
const FAMILY_PRODUCT_WORDS: ReadonlySet<string> = new Set(['linear', 'researcher', 'speed', 'character', 'novel', 'saba', 'embed', 'moderation', 'ocr', 'scope', 'shield', 'guard', 'imagine', 'long', 'turbos', 'explore', 'explorer', 'slides', 'moonlight', 'claw', 'vilg', 'yiyan', 'functions', 'embedding', 'ok', 'computer', 'ii', 'iii', 'iv', 'vi', 'vii', 'viii', 'ix']);

let MODEL_ID_WORDS: ReadonlySet<string> | undefined;
/** Every word of the built-in table's model ids (`linear` of `kimi-linear-48b-a3b-instruct`), made once. */
const modelIdWords = (): ReadonlySet<string> => (MODEL_ID_WORDS ??= new Set(knownModels().flatMap((id) => id.split(/[/._:-]+/))));

/**
 * The key written again at the start of its value (`Assisted-by: Assisted-by: Claude Opus 4.6
 * <noreply@anthropic.com>`, a hook that prefixed a line that already had its key): the value after it,
 * as the line without the doubled key is read.
 */
const REPEATED_KEY = /^(?:AI[-_ ])?(?:assisted|co[-_ ]?authored|generated|co[-_ ]developed|written|made)[-_ ](?:by|with)\s*:\s*(?=\S)/i;

/**
 * An agent's alias that means several models (signatures.json `envModels` groups: Claude Code's
 * `opusplan`, Opus to plan and Sonnet to edit) written as its members (`opus + sonnet`), so each is
 * read: alone, or as the model of that agent's pair (`claude-code:opusplan`, `Claude Code
 * (opusplan)`); an alias that is also an everyday word (`default`) only in the pair.
 */
function expandGroups(text: string): string {
  if (!/[a-z]{4}/i.test(text)) return text;
  let out = text;
  for (const [agent, models] of signatures().envModels) {
    for (const [alias, members] of Object.entries(models.groups)) {
      if (!out.toLowerCase().includes(alias.toLowerCase())) continue;
      const written = members.join(' + ');
      const word = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // The pair: `claude-code:opusplan`, `Claude Code (opusplan)`.
      out = out.replace(new RegExp(`([A-Za-z][\\w .-]{0,40}?)(:|\\s*\\(\\s*)${word}(?![\\w.-])`, 'gi'), (whole: string, name: string, joint: string) =>
        agentSlug(name) === agent ? `${name}${joint}${written}` : whole,
      );
      if (/^[a-z]+$/i.test(alias) && !EVERYDAY_ALIASES.has(alias.toLowerCase())) out = out.replace(new RegExp(`(?<![\\w.-])${word}(?![\\w.-])`, 'gi'), written);
    }
  }
  return out;
}
const EVERYDAY_ALIASES = new Set(['default', 'auto', 'best']);

/**
 * What a declared `text` names; when it was read only in part (`whole`, the value it was cut from,
 * is longer than the limits, or the commit's lookups are spent), every vendor a word of the whole
 * value starts with counts too, as `vendor/unknown` (`claude-opus-4.6, <32 more tools>, qwen3-coder`
 * declares Qwen), and the rest is `unknown:unknown`: a declaration is never read as less than it says.
 */
function declaredMentions(text: string, whole: string, aliases: Record<string, string>, budget: Budget): Mention[] {
  const reading = readMentions(text, 'declared', aliases, budget);
  if (!reading.cut && whole.length <= MAX_VALUE) return [...reading.mentions, ...unreadVendors(whole, reading.mentions)];
  // Past one reading's limits the value is read whole (readWhole); a value longer than that, or
  // read after the commit's lookups ran out, is `unread` too: the policy refuses it (fail closed).
  const all = readWhole(wholeText(whole), 'declared', aliases, budget);
  const read = [...reading.mentions];
  for (const mention of all.mentions) if (!read.some((m) => m.agent === mention.agent && m.model === mention.model)) read.push(mention);
  const unread = all.cut || whole.length > MAX_WHOLE;
  return [...read, ...unreadVendors(whole, read), ...(unread ? [UNREAD] : read.length === 0 && !onlyTools(whole) ? [UNKNOWN] : [])];
}

let CATALOGUED: ReadonlySet<string> | undefined;
/** The models of the built-in table, as a set made once. */
const catalogued = (): ReadonlySet<string> => (CATALOGUED ??= new Set(knownModels()));

/** A runtime's name (catalog.ts RUNTIME_NAME) within a value: its family word names no vendor's model. */
const RUNTIMES = new RegExp(`(?<![A-Za-z0-9])${RUNTIME_NAME}(?![A-Za-z0-9])`, 'gi');

/**
 * The vendors whose words a declared value holds but whose reading names no model of theirs: a
 * vendor's word glued to another name (`claude-opus-4.6_qwen3-coder`, `claude-opus-4.6qwen3-coder`,
 * `claude-opus-4.6@qwen3-coder`) is read as part of the first model (or dropped), so each such
 * vendor counts as `vendor/unknown`. Words of the agents read (`Claude Code`, `GitHub Copilot`)
 * name the agent, not a model's vendor (where the agent's model was not read, only where its name is written); a word inside a model of the built-in table that was read
 * (`deepseek/deepseek-r1-distill-qwen-32b`, a DeepSeek model) names that model, not its vendor; nor
 * does LiteLLM's `openai/` route before another maker's model read from it (routeToRead).
 */
function unreadVendors(whole: string, read: readonly Mention[]): Mention[] {
  const sig = signatures();
  const named = new Set(read.map((mention) => mention.model.split('/')[0]));
  const agents = new Set(read.map((mention) => mention.agent));
  const text = readable(whole, Infinity);
  // Where an agent's model was not read (`qwen-code:qwen/!qwen3-coder`, `qwen-code:qwen!3-coder`), only
  // the words where the agent's name is written are the agent's: the vendor's word in what follows
  // names the model's vendor, though the agent is named by it too (row 337). An agent whose name is not
  // found as written keeps its words everywhere.
  const unreadModel = read.some((mention) => mention.model === 'unknown');
  const lowerText = text.toLowerCase();
  const spans: [number, number][] = [];
  const agentWords = new Set<string>();
  for (const agent of agents) {
    let span: [number, number] | null = null;
    for (const [name, slug] of sig.agentNames) {
      if (slug !== agent) continue;
      const at = unreadModel ? lowerText.indexOf(name) : -1;
      if (at >= 0 && (span === null || at < span[0] || (at === span[0] && at + name.length > span[1]))) span = [at, at + name.length];
    }
    if (span !== null) spans.push(span);
    else for (const [name, slug] of sig.agentNames) if (slug === agent) for (const [word] of name.matchAll(letterRuns(name))) agentWords.add(word.toLowerCase());
  }
  const namedWords = new Set<string>();
  for (const mention of read) if (catalogued().has(mention.model)) for (const [word] of mention.model.matchAll(letterRuns(mention.model))) namedWords.add(word.toLowerCase());
  for (const runtime of text.matchAll(RUNTIMES)) spans.push([runtime.index ?? 0, (runtime.index ?? 0) + runtime[0].length]);
  const vendors = new Set<string>();
  for (const match of text.matchAll(letterRuns(text))) {
    const lower = match[0].toLowerCase();
    const vendor = sig.vendorWords.get(lower);
    const at = match.index ?? 0;
    const ofAgent = agentWords.has(lower) || spans.some(([start, end]) => at >= start && at < end);
    if (vendor && !named.has(vendor) && !namedWords.has(lower) && !ofAgent && !routeToRead(text, at, match[0], read)) vendors.add(segmentModel(text, at, vendor) ?? `${vendor}/unknown`);
  }
  return [...vendors].map((model) => ({ agent: 'unknown', model }));
}

/** What ends a segment of a path or value around a vendor's word (segmentModel). */
const SEGMENT_END = /[\s/\\,;()<>[\]{}"'`]/;

/**
 * The model of `vendor` that the path segment holding the word at `at` names on its own, read as a
 * path's last segment is (`canonicalModel` of `/<segment>`: catalog.ts storedModelName, a Hugging Face
 * cache folder `models--Qwen--…` too), or null. A path names its model by the file, or where the file
 * names none (llama-quantize's `ggml-model-Q4_K_M.gguf`, `model.gguf`) or names another's, by a folder
 * (`/models/Qwen3-Coder-30B-A3B-Instruct/ggml-model-Q4_K_M.gguf`): that folder's model, not only its
 * vendor's `qwen/unknown`, so a model-level deny judges it (row 928). Only a model of the vendor
 * whose word it is: a segment read as another maker's model leaves `vendor/unknown`.
 */
function segmentModel(text: string, at: number, vendor: string): string | null {
  let start = at;
  while (start > 0 && !SEGMENT_END.test(text[start - 1] as string)) start -= 1;
  let end = at;
  while (end < text.length && !SEGMENT_END.test(text[end] as string)) end += 1;
  if (end - start > 200) return null;
  const model = canonicalModel(`/${text.slice(start, end)}`);
  return model !== null && model.startsWith(`${vendor}/`) && !model.endsWith('/unknown') ? model : null;
}

/**
 * LiteLLM's and aider's `openai/` route (`aider --model openai/<model>`: any OpenAI-compatible server,
 * a local vLLM or Ollama among them), written before another maker's model that was read from the
 * same value (`openai/deepseek-ai/DeepSeek-V3`, `openai/Qwen/Qwen2.5-Coder-32B-Instruct`,
 * `openai/qwen3-coder-plus`): the way the model was reached, not a second, OpenAI's, model (aider's
 * own `aider (openai/DeepSeek-R1)` co-author line is read so already). Only `openai` (the one vendor
 * word LiteLLM uses as a route to every maker), only directly before `/`, and only when the path after
 * it is, on its own, the id of a model of another maker that was read (`canonicalModel`); `openai`
 * written anywhere else, or before a path that is no such model (`openai/unheard-of-7`,
 * `openai/!coder` beside a Qwen model read elsewhere), still counts as `openai/unknown`.
 */
function routeToRead(text: string, at: number, word: string, read: readonly Mention[]): boolean {
  if (word.toLowerCase() !== 'openai' || text[at + word.length] !== '/') return routerNamed(text, at, word, read);
  const path = /^[^\s,;()<>[\]{}"'`]+/.exec(text.slice(at + word.length + 1))?.[0] ?? '';
  if (path === '' || path.length > 200) return false;
  const model = canonicalModel(path);
  return model !== null && !model.startsWith('openai/') && !model.endsWith('/unknown') && read.some((mention) => mention.model === model);
}

/** A letter, digit, `-` or `_`: what a router's id is written with (routerNamed). */
const ROUTER_CHAR = /[A-Za-z0-9_-]/;

/**
 * A vendor's word inside a router's own id of more words (opencode's and models.dev's providers
 * `amazon-bedrock/…`, `google-vertex-anthropic/…`, `fireworks-ai/…`: models.json `routers`) written
 * before `/` and a model that was read through it (`amazon-bedrock/anthropic.claude-sonnet-4-6`):
 * the cloud the model was reached through, not a second model of Amazon's or Google's (row 1128).
 * A model of the router's own vendor (`amazon-bedrock/amazon.nova-pro-v1:0`) is that vendor's still.
 */
function routerNamed(text: string, at: number, word: string, read: readonly Mention[]): boolean {
  let start = at;
  while (start > 0 && at - start < 64 && ROUTER_CHAR.test(text[start - 1] as string)) start -= 1;
  let end = at + word.length;
  while (end < text.length && end - start < 64 && ROUTER_CHAR.test(text[end] as string)) end += 1;
  const router = text.slice(start, end).toLowerCase();
  if (router.length <= word.length || text[end] !== '/' || !ROUTERS.has(router)) return false;
  const path = /^[^\s,;()<>[\]{}"'`]+/.exec(text.slice(end + 1))?.[0] ?? '';
  if (path === '' || path.length > 200) return false;
  const model = canonicalModel(`${router}/${path}`);
  return model !== null && !model.endsWith('/unknown') && read.some((mention) => mention.model === model);
}

/**
 * A yes/no declaration (`AI-Assisted: yes`, `AI-Assisted: no`, `AI-Assisted: yes (Claude) — tests`,
 * `AI-Assisted: Windsurf IDE`): no/false/none is no AI; yes/true is AI, with whatever the rest
 * names (`unknown:unknown` when nothing); anything else is read as a declared value.
 */
export function parseDeclaredFlag(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): DeclaredValue[] {
  const text = readable(value, MAX_WHOLE).trim();
  const no = /^(?:no|false|none|n|0)\b/i.exec(text);
  if (no) return namedBeside(text.slice(no[0].length).replace(URL, ' '), aliases, budget);
  const yes = /^(?:yes|true|y|1)\b[\s:;,.-]*/i.exec(text);
  if (!yes) return parseDeclaredValues(value, aliases, budget);
  const rest = wholeText(text.slice(yes[0].length));
  const named = rest === '' ? [] : declaredMentions(rest.slice(0, MAX_VALUE), value.length > MAX_WHOLE ? value : rest, aliases, budget).filter((m) => m.agent !== 'unknown' || m.model !== 'unknown' || m.unread);
  return named.length > 0 ? named : [UNKNOWN];
}

/**
 * What the words beside a declared "no AI" still name (`none (qwen3-coder wrote it)`, `AI-Assisted:
 * no, Qwen did`): every agent, model (by its full name) and vendor named counts, also in a note that
 * denies it (`no (not Copilot either)`: negation is not read, fail closed); `[]` when they name none
 * (`n/a (hand-written)`). The note is a person's own words: a word that is also a person's or a
 * company's name (`none (just Google and Stack Overflow)`, `no (paired with Kimi)`, `Claude Dupont`)
 * is read as theirs, as on a line without an address (`named`).
 */
function namedBeside(rest: string, aliases: Record<string, string>, budget: Budget): DeclaredValue[] {
  if (rest.trim() === '') return [];
  const reading = readWhole(rest.replace(/\s+/g, ' ').trim(), 'named', aliases, budget);
  const named = reading.mentions.filter((m) => m.agent !== 'unknown' || m.model !== 'unknown');
  if (reading.cut) named.push(UNREAD);
  const vendors = vendorsIn(readable(rest.slice(0, MAX_WHOLE), Infinity), 'named').filter((vendor) => !named.some((m) => m.model.startsWith(`${vendor}/`)));
  return [...named, ...vendors.map((vendor) => ({ agent: 'unknown', model: `${vendor}/unknown` }))];
}

/**
 * A repository named as the rules the value's agent followed (`Generated-by: Claude Code (Claude Opus 4.7)
 * following the apache/security AGENTS.md conventions`, `… per acme/widgets CONTRIBUTING.md`): an
 * `owner/name` of no vendor the catalog knows, after a word that points at rules (`following`,
 * `per`, `see`, `according to`, `under`, with or without `the`) or before a document's file name
 * (`AGENTS.md`, `*.rst`), is no model id (`using the acme/coder-2 model` still names one).
 * It read as the model `apache/security`, outside every allow list, so an honest commit was refused
 * (row 987). The agent it was read for keeps its own reading (`claude-code:unknown` when nothing
 * else names its model); a vendor's id (`openai/gpt-5`) and an id written alone (`acme/coder-2`) stay models.
 * Every place the id is written must be such a reference, and a rules word must be followed by rules
 * (a document or `conventions`, `guidelines`, …): `acme/coder-2 per acme/coder-2`, `Claude Code
 * (acme/coder-2) following the acme/coder-2 AGENTS.md conventions`, `under the acme/coder-2 model`,
 * `running under acme/coder-2` and `per acme/coder-2` declare the model, and hid it from a deny (row 997).
 */
function withoutRepositories(found: Mention[], text: string): Mention[] {
  if (!found.some((m) => referencedRepository(m.model, text))) return found;
  const kept = found.map((m) => (referencedRepository(m.model, text) ? { ...m, model: 'unknown' } : m));
  const named = new Set(kept.filter((m) => m.model !== 'unknown').map((m) => m.agent));
  return kept.filter((m, at) => (m.model !== 'unknown' || (m.agent !== 'unknown' && !named.has(m.agent))) && kept.findIndex((o) => o.agent === m.agent && o.model === m.model) === at);
}

/** Rules' words before a repository, and a document's file name (or rules) after it (REPOSITORY_REFERENCE). */
const RULES_BEFORE = /(?:^|\s)(?:following|per|see|according\s+to|under)(?:\s+the)?\s+$/i;
const DOCUMENT_AFTER = /^\s+\S+\.(?:md|markdown|rst|adoc|txt)\b/i;
const RULES_AFTER = /^\s+(?:conventions?|guidelines?|guides?|rules|instructions|standards?|style(?:\s+guide)?|polic(?:y|ies)|practices|docs|documentation|templates?|process|workflow)\b/i;

function referencedRepository(model: string, text: string): boolean {
  const slash = model.indexOf('/');
  if (slash <= 0 || model.indexOf('/', slash + 1) >= 0 || knownVendors().includes(model.slice(0, slash)) || text.length > MAX_VALUE) return false;
  const lower = text.toLowerCase();
  let referenced = false;
  for (let at = lower.indexOf(model); at >= 0; at = lower.indexOf(model, at + 1)) {
    const end = at + model.length;
    // Part of a longer word (`xacme/coder-2`, `acme/coder-2.md`): not this id. Glued to other marks it is written
    // (`Claude:acme/coder-2`, `model=acme/coder-2`): no reference there, so the model (row 1011).
    if ((at > 0 && /[a-z0-9._/-]/.test(lower[at - 1]!)) || /^(?:[a-z0-9_/-]|\.[a-z0-9_])/.test(lower.slice(end, end + 2))) continue;
    // A quoted repository (`following the "apache/security" AGENTS.md conventions`) is the same reference.
    const after = lower.slice(end).replace(/^["'`]/, '');
    // Row 997: one place written as the model is enough; a rules word needs rules after it.
    if (!DOCUMENT_AFTER.test(after) && !(RULES_BEFORE.test(lower.slice(0, at).replace(/["'`]$/, '')) && RULES_AFTER.test(after))) return false;
    referenced = true;
  }
  return referenced;
}

/** A script run to generate a file, named by its path (`scripts/gen.sh`, `./tools/update-tables.py`, `Makefile`, a semantic patch `memdup.cocci`). */
const SCRIPT_PATH = /^(?:\.{0,2}\/)?(?:[\w.-]+\/)*(?:[\w.-]+\.(?:sh|bash|zsh|py|pl|rb|js|mjs|cjs|ts|go|mk|awk|sed|ps1|bat|cmd|php|lua|tcl|r|cocci|smpl)|makefile|justfile)$/;

/** Joining words and versions a list of tools holds between its names (`protoc 25.1 and buf`, `v1.31.0`). */
const TOOL_FILLER = /^(?:v?\d+(?:\.\d+)*|and|with|by|via|the|a|\+|&)$/;
/** A command's flag (`-i`, `--fix-inplace`, `--out=gen/`), path or glob (`./...`, `drivers/*.c`, `gen:api`) or quoted argument (`'s/foo/bar/g'`). */
const COMMAND_ARGUMENT = /^(?:--?[a-z][\w-]*(?:=\S*)?|[\w.@*?{}[\]-]*[/:.*][\w./:@*?{}[\]-]*|'[^']*'|"[^"]*")$/;
/** Parts of a generator's own name (`controller-gen`, `oapi-codegen`, `openapi-generator-cli`, `terraform-docs`, `wasm-bindgen`). */
const GENERATOR_PARTS = new Set(['gen', 'codegen', 'generator', 'generators', 'bindgen', 'docgen', 'docs', 'doc']);
/**
 * Words that make a name AI's, or too close to call (`ai-codegen`, `llm-docs-gen`, `auto-gen`,
 * Microsoft's AutoGen): a name holding one is never a generator's.
 */
const AI_PARTS = new Set(['ai', 'llm', 'llms', 'coder', 'swe', 'genai', 'gpt', 'agent', 'agents', 'agentic', 'assistant', 'copilot', 'chat', 'chatbot', 'bot', 'ml', 'auto', 'autogen', 'smart', 'neural', 'model', 'models', 'prompt', 'magic', 'vibe']);
/** What a command that runs a generator says after the tool (`go generate ./...`, `npm run codegen`, `make generate`, `cargo xtask codegen`, `GitHub Actions workflow`). */
const COMMAND_WORDS = new Set(['workflow', 'workflows', 'job', 'jobs', 'pipeline', 'action', 'task', 'target', 'hook', 'hooks', 'plugin', 'template', 'templates', 'generate', 'gen', 'regen', 'regenerate', 'codegen', 'run', 'exec', 'x', 'xtask', 'build', 'update', 'bump', 'release', 'version', 'fmt', 'format', 'lint', 'fix', 'sync', 'docs', 'doc', 'tidy', 'compile', 'publish', 'api', 'types', 'client', 'schema', 'proto', 'protos', 'mocks', 'stubs', 'bindings', 'changelog', 'all']);

/** A word that holds no agent's, vendor's or AI word in any of its parts (`protoc-gen-go`, not `claude-gen`, `ai-codegen`). */
function noAiPart(word: string): boolean {
  const sig = signatures();
  const parts = word.split(/[-_/@.:]+/).filter((part) => part !== '');
  return vendorsIn(word).length === 0 && !parts.some((part) => AI_PARTS.has(part) || sig.agentNames.has(part) || sig.vendorWords.has(part));
}

/**
 * A generator named by its own name: a hyphenated or scoped name with a generator's part and
 * another (`controller-gen`, `protoc-gen-go`, `oapi-codegen`, `@graphql-codegen/cli`,
 * `terraform-docs`) or a listed tool's name as a part (`openapi-generator-cli`); `Codegen` alone
 * (an agent's name too) is none.
 */
function generatorName(word: string): boolean {
  const parts = word.split(/[-_/@.]+/).filter((part) => part !== '' && !/^v?\d+$/.test(part));
  if (parts.length < 2) return false;
  // The cheap test first: most words hold no generator's part (noAiPart reads the word's letters).
  const tools = signatures().nonAiTools;
  if (!parts.some((part) => GENERATOR_PARTS.has(part) || tools.has(part))) return false;
  // A model's size (`codegen-350M-mono`, Salesforce's CodeGen model) makes it a model's name.
  return noAiPart(word) && !parts.some((part) => /^\d+(?:\.\d+)?[mbkt]$/.test(part));
}

/**
 * `coccinelle sparse`, `protoc 25.1`, `Sphinx 7.2`, `GitHub Actions`, `script`, `scripts/gen.sh`,
 * `controller-gen`, `go generate ./...`: a value that lists only tools that are not AI (signatures.json
 * `nonAiTools`, an entry of several words read as one), a script or the path of one, a generator by
 * its own name, or the command that ran a listed tool (the tool first, then its subcommands, flags
 * and paths: `npm run codegen`, `make generate`). A word no list knows, or one holding an agent's,
 * vendor's or AI word, makes the value no list of tools (`Sphinx, FooAgent`, `npm run agent`).
 */
/** `word` without the `.` and `!` that end it (a loop: `[.!]+$` tried the rest of a run after each of them, quadratic). */
function withoutClosingStops(word: string): string {
  let end = word.length;
  while (end > 0 && (word[end - 1] === '.' || word[end - 1] === '!')) end -= 1;
  return end === word.length ? word : word.slice(0, end);
}

/** `word` without the `.`, `!`, `,`, `;` and `:` that end it (`Kiota,` in `Microsoft Kiota, Claude`); a loop, as withoutClosingStops. */
function withoutClosingMarks(word: string): string {
  let end = word.length;
  while (end > 0 && '.!,;:'.includes(word[end - 1] ?? '')) end -= 1;
  return word.slice(0, end);
}

/**
 * The value without a company's name right before a tool of its that is no AI (`Microsoft Kiota`,
 * `Amazon Smithy`, `Google protoc`): a vendor's company name that is also written for much else
 * (signatures.json: a vendor word among personNames, and a catalog vendor's name) names the tool's
 * maker there, not its models. Before anything else (`Microsoft Phi`, `Amazon Nova`) it stays.
 */
function withoutMakers(text: string): string {
  const sig = signatures();
  const words = text.split(/\s+/);
  return words.filter((word, at) => {
    const lower = word.toLowerCase();
    return !(VENDOR_NAMES.has(lower) && sig.personNames.has(lower) && sig.nonAiTools.has(withoutClosingMarks((words[at + 1] ?? '').toLowerCase())));
  }).join(' ');
}

function onlyTools(text: string): boolean {
  const tools = signatures().nonAiTools;
  // A name may be quoted or end a sentence (`` `protoc` ``, `"go generate"`, `Sphinx.`).
  const words = text.toLowerCase().replace(/[`\u201c\u201d]/g, ' ').replace(/(^|\s)"([^"]*)"(?=\s|$)/g, '$1$2').split(/[\s,;()]+/).map(withoutClosingStops).filter((word) => word !== '' && !TOOL_FILLER.test(word));
  if (words.length === 0) return false;
  let command = false;
  let tool = '';
  for (let at = 0; at < words.length; ) {
    const phrase = [4, 3, 2].find((size) => at + size <= words.length && tools.has(words.slice(at, at + size).join(' ')));
    if (phrase !== undefined) {
      tool = words.slice(at, at + phrase).join(' ');
      at += phrase;
      command = true;
      continue;
    }
    const word = words[at] ?? '';
    // The link to the tool's own repository or page, read as its path's words (`cbindgen 0.27.0
    // (https://github.com/mozilla/cbindgen)`, `crates.io/crates/cbindgen`): its owner, then the tool's name.
    if (command && tool !== '' && words[at + 1] === tool && /^[a-z0-9][\w.-]*$/.test(word) && noAiPart(word)) {
      at += 2;
      continue;
    }
    // A pipe or `&&` hands on to the next command, which must be a tool again (`git grep -l x | xargs sed -i …`).
    if (word === '|' || word === '&&' || word === ';') command = false;
    else if (tools.has(word) || scriptPath(word)) {
      command = true;
      tool = word;
    }
    else if (/^(?:a |shell[- ])?scripts?$/.test(word) || generatorName(word)) command = false;
    // After a tool: its subcommands, flags, paths and hyphenated names (openapi-generator's `typescript-axios`).
    else if (!(command && (COMMAND_WORDS.has(word) || COMMAND_ARGUMENT.test(word) || /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(word)) && noAiPart(word))) return false;
    at += 1;
  }
  return true;
}

/**
 * Whether `text` names an agent or a vendor's model (`make o3`, `npm run kimi-k2`): a path read as an
 * id of no known vendor (`scripts/gen.sh`, `ci/cd`) is none.
 */
function namesAgentOrModel(text: string, aliases: Record<string, string>, budget: Budget): boolean {
  const vendors = new Set(signatures().vendorWords.values());
  return mentions(text, 'declared', aliases, budget).some((m) => m.agent !== 'unknown' || catalogued().has(m.model) || vendors.has(m.model.split('/')[0] ?? ''));
}

/**
 * A sentence that no AI was used (`This commit was written without AI`, `contains no AI-generated
 * code`, `No AI was used in this commit`): read only where the value names nothing, and never with a
 * turn after it (`no AI-generated tests, but AI-generated code`).
 */
const NO_AI_SENTENCE =
  /^(?:(?:this|the) (?:commit|pr|pull request|change|patch|code)\s+)?(?:(?:was|is|has been)\s+)?(?:(?:written|made|authored|created|done|produced|coded)\s+)?(?:entirely\s+|fully\s+)?(?:without|with no|contains no|has no|uses no|used no|no)\s+(?:any\s+)?(?:ai|llms?|genai|generative ai|artificial intelligence)\b[\w\s-]*\.?$/i;
function saysNoAI(text: string): boolean {
  return NO_AI_SENTENCE.test(text.trim()) && !/\b(?:but|except|however|though|although|other than|apart from)\b/i.test(text);
}

/** A script's path that holds no vendor's or agent's word (`qwen/qwen3-coder.py` still shows Qwen). */
function scriptPath(word: string): boolean {
  if (!SCRIPT_PATH.test(word) || vendorsIn(word).length > 0) return false;
  const agents = signatures().agentNames;
  return !word.split(/[/._-]+/).some((part) => agents.has(part));
}

/**
 * What a co-author line names: the agent of an agent's own address or bot account, an agent named
 * at a no-reply address, else only what cannot be a person (a model's full name, `Qwen`); `Jane Doe <jane@example.com>` and
 * `Claude <claude@dupont.fr>` are people. A line without an address may name an agent
 * (`Cline · Kimi K3 <cline-clinepass-kimik3@local>`, `Kilo Code <moonshotai/kimi-k2.5:free>`).
 */
export function parseCoAuthor(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  // An agent's own line (`Claude <noreply@anthropic.com>`, on every commit Claude Code makes): as read at build time.
  return knownCoAuthorLine(value, aliases) ?? readCoAuthor(value, aliases, budget);
}

/** What every line of signatures.json `coAuthorLines` names, read in full: co-author-lines.generated.json (npm run build:shims). */
export function buildCoAuthorLines(): [string, Mention[]][] {
  return signatures().coAuthorLines.map((line) => [line, readCoAuthor(line)]);
}

/** HTML's escaped angle brackets (`Claude &lt;noreply@anthropic.com&gt;`: a value copied from an escaped page or export): the brackets. */
function unescapedBrackets(text: string): string {
  return text.includes('&') ? text.replace(/&(?:lt|#0*60|#x0*3c);/gi, '<').replace(/&(?:gt|#0*62|#x0*3e);/gi, '>') : text;
}

/**
 * `Name <address> rest`: a value whose first bracketed address does not end it (a note after it,
 * `Claude <noreply@anthropic.com> (Opus 4.5)`; a second address, `… <ada@example.com>`; words,
 * `…>; pairing`): the name before it with the rest as its note (other addresses dropped), and that
 * address, the first, as git's own reading of an identity takes it (ident.c `split_ident_line`). Null
 * for a value that ends with its first address (read as before) or holds none. Linear: two searches.
 */
function addressBeforeRest(text: string): { name: string; email: string } | null {
  const open = text.indexOf('<');
  const close = open < 0 ? -1 : text.indexOf('>', open);
  if (close < 0) return null;
  const email = text.slice(open + 1, close).trim();
  const rest = text.slice(close + 1).replace(/<[^<>]*>/g, ' ').trim();
  if (close === text.length - 1 || !isEmail(email)) return null;
  const note = rest.replace(/^\((.*)\)$/, '$1').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const name = text.slice(0, open).trim();
  return { name: note === '' ? name : `${name} (${note})`, email };
}

/** parseCoAuthor's reading in full (exported for the test that holds the fast readings equal to it). */
export function readCoAuthor(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const text = unescapedBrackets(readable(value, MAX_WHOLE)).replace(/\s+/g, ' ').trim();
  const first = addressBeforeRest(text);
  const read = first ? { text, ...first } : longWithoutAddress(text);
  const unread = value.length > MAX_WHOLE ? [UNREAD] : [];
  if (read.email) {
    const { match: byIdentity, via } = identityVia({ name: read.name, email: read.email }, aliases);
    // An agent's own identity whose name goes on to another model (`Claude Opus 4.6, qwen3-coder <noreply@anthropic.com>`): that model too.
    if (byIdentity) return [byIdentity, ...literalBase(byIdentity), ...otherNamedVendors(read.name, byIdentity), ...beyondIdentity(read.name, byIdentity.model, aliases, budget), ...unread];
    const atNoReply = [...agentAtNoReply({ name: read.name, email: read.email }, aliases, budget), ...agentAtMachine({ name: read.name, email: read.email }, aliases, budget)];
    if (atNoReply.length === 0 && via) return [via, ...unread];
    const person = atNoReply.length > 0 ? atNoReply : taggedAgent(wholly(read.name, 'person', aliases, budget), read.email);
    // A vendor's word beside its agent's name (`OpenAI Codex <codex@ai.local>`, `OpenAI Codex CLI`): the person's reading
    // finds the vendor alone; the product's names the agent too, as without the address (row 1085).
    const product = person.every((m) => m.agent === 'unknown') ? productName(read.name, read.email, aliases, budget) : [];
    const named = withUnreadVendors(product.some((m) => m.agent !== 'unknown') || person.length === 0 ? product : person, read.name);
    // `AI Agent <agent@ai.local>`: an AI's account that names no agent or vendor, AI all the same (row 1086).
    const found = named.length === 0 && aiAccountOnly(read.name) ? [{ agent: 'unknown', model: 'unknown' }] : named;
    // `aider:qwen3-coder <ada@example.com>`: no person's name is an agent's and a model's pair.
    const paired = agentModelPair(read.name, aliases, budget).filter((p) => !found.some((m) => m.agent === p.agent && m.model === p.model));
    // `kimi-max <123+kimi-max@users.noreply.github.com>`: a GitHub account's login, a person's handle, no model's id (row 1199).
    const handle = gitHubLogin(read.email) === spelled(read.name);
    // At that login no vendor's word alone names a model either (`gpt-max`, `deepseek-max`, `qwen-claude`: a vendor's
    // unknown model, last re-read z2): a model the catalog lists stays one (`qwen3-coder <1+qwen3-coder@…>`).
    if (handle) return [...found.filter((m) => m.agent !== 'unknown' || !m.model.endsWith('/unknown')), ...paired, ...unread];
    return [...found, ...joinedNameVendors(read.name, found), ...paired, ...idOfFamily(found.length + paired.length, read.name), ...unread];
  }
  // `Claude <claude@localhost>`: an address with no domain of the Internet, the agent's own name as its mailbox.
  const atMachine = text.length <= MAX_VALUE ? agentAtMachine(parseIdentity(text), aliases, budget) : [];
  if (atMachine.length > 0) return [...atMachine, ...unread];
  // A template's placeholders alone, no address (the Met Office policy's `Co-authored-by: [Tool Name] ([Model/Version])`,
  // copied as it stands): nothing, as under a declared key; `[Model/Version]` was read as the model `model/version`.
  if (text.length <= MAX_VALUE && withoutPlaceholders(read.text) === null) return unread;
  // Angle brackets holding no address (a template `<Tool Name> (<Model/Version>)` filled in keeping them: `<Aider>
  // (<qwen/qwen3-coder>)`): read as parentheses, as withoutAddress reads `Name <qwen3-coder>`; `(<qwen3-coder>)` was no word, so nothing.
  const named = read.text.includes('<') ? read.text.replace(/<([^<>]*)>/g, ' ($1) ') : read.text;
  // aitrail's own `AGENT:MODEL` written as a co-author (`Co-authored-by: aider:qwen3-coder`): the words
  // around the colon are one word to a name's reading, so it named no one; read as the declared pair is.
  const paired = agentModelPair(named, aliases, budget);
  const byName = wholly(named, 'named', aliases, budget);
  // No address: a product's or an AI account's name (`Claude Opus`, `Gemini AI Agent`, `Kimi AI`, `ClaudeAssistant`)
  // is read as at an address of no agent's (rows 882, 901, 913, 922).
  const product = byName.length === 0 && paired.length === 0 ? productName(named, '', aliases, budget) : [];
  const byWords = withUnreadVendors(product.length > 0 ? product : byName, named);
  // `AI Agent <agent@ai-kit>` (an address of no domain, read as a note): the name before it all the same (row 1093).
  const accountOnly = aiAccountOnly(named) || (read.name !== named && aiAccountOnly(read.name));
  const found = byWords.length === 0 && paired.length === 0 && accountOnly ? [{ agent: 'unknown', model: 'unknown' }] : byWords;
  return [...paired, ...found.filter((m) => !paired.some((p) => p.agent === m.agent && p.model === m.model)), ...joinedNameVendors(named, found), ...idOfFamily(found.length + paired.length, named), ...unread];
}

/**
 * `Co-authored-by: gpt-kimi <pat@example.com>`: a co-author's name that is one joined name of two vendors' words the table cannot
 * read, read as its first word's vendor's unknown model: the other vendor's beside it, as `Assisted-by: gpt-kimi` and a co-author's
 * note read it (catalog.ts nameVendors, row 1201); alone it passed a deny of the second vendor (row 1211). [] for anything else.
 */
function joinedNameVendors(name: string, found: readonly Mention[]): Mention[] {
  const trimmed = name.trim();
  const unknown = /\s/.test(trimmed) || trimmed.length > 100 ? undefined : found.find((m) => m.model.endsWith('/unknown'));
  if (unknown === undefined) return [];
  return otherNameVendors(trimmed, unknown.model.slice(0, -'/unknown'.length))
    .filter((other) => !found.some((m) => m.model === `${other}/unknown`))
    .map((other) => ({ ...unknown, model: `${other}/unknown` }));
}

/** A name's letters and digits, in small letters (how a login or a mailbox spells a name). */
const spelled = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The login of a GitHub user's no-reply address (`123+kimi-max@users.noreply.github.com`, `kimi-max@users.noreply.github.com`),
 * spelled as `spelled` spells it; null for any other address. An app's account there ends `[bot]` (never spelled the same).
 */
function gitHubLogin(email: string): string | null {
  const found = /^(?:\d+\+)?([a-z0-9](?:[a-z0-9-]{0,38}))@users\.noreply\.github\.com$/i.exec(plainAddress(email));
  return found ? spelled(found[1]!) : null;
}

/**
 * A co-author's name that is one model id the catalog does not list, written as ids are (small letters, joined by `-`),
 * whose first word is a family's or vendor's and every other a model's word (a version, `fast`, `latest`, a word of a
 * listed id): `kimi-fast-latest <x@example.com>`, `glm-flash-latest` without an address: that vendor's unknown model,
 * as the same id in a co-author's note or a model variable is (row 1140); it read as no AI at a person's address, past
 * a deny of the vendor (row 1172). A person's handle stays a person's (`kimi-li`, `mistral-dev`, `Kimi Fast`; `grok-dev`
 * is x-ai's before this is asked: Grok is no person's name). Only where nothing else was read (`read`: how many mentions were).
 */
function idOfFamily(read: number, name: string): Mention[] {
  const id = name.trim();
  if (read > 0 || id.length > 64 || !/^[a-z][a-z0-9.]*(?:-[a-z0-9.]+)+$/.test(id)) return [];
  // An agent's own name (`kimi-code`, `qwen-code`) is no model's id: a co-author so named at a GitHub account's address is
  // that account's (row 901), and the agent's name alone names no model (row 1181).
  if (signatures().agentNames.has(id)) return [];
  const [first = '', ...rest] = id.split('-');
  // The whole id's vendor, as `Assisted-by:`, a note and a model variable read it (`o3-kimi`, `codex-kimi`: Moonshot's, rows
  // 1170/1181), once its first word names one.
  const vendor = nameVendor(first) === null ? null : (nameVendor(id) ?? nameVendor(first));
  if (vendor === null || !rest.every((word) => /\d/.test(word) || MODEL_WORDS.has(word) || word === 'latest' || (modelIdWords().has(word) && !TOOL_WORDS.has(word)))) return [];
  return [{ agent: 'unknown', model: `${vendor}/unknown` }];
}

/**
 * What a co-author's name that is no person's reads as (productNamed: `Claude Code`, `Kimi Code`,
 * `Gemini Pro`, `Claude Opus` at an address of no agent's): the agent it names, as without the
 * address (`claude-code:unknown`, `kimi-code:moonshotai/unknown`), else the model family it names, as a
 * declared value reads it (`google/gemini-pro`, `anthropic/claude-opus`), unless the mailbox spells the
 * name (`Claude Fable <claude.fable@example.fr>`: a person's own, a surname that is a family word); a
 * vendor's name alone stays a person's or company's (`Mistral AI`) (row 882).
 */
function productName(written: string, email: string, aliases: Record<string, string>, budget: Budget): Mention[] {
  if (written.length > MAX_VALUE) return [];
  // One joined word is read as its words (`Kimi-Code`, `Claude_Opus`, `GeminiPro`), as row 60 reads `Qwen-Coder` (row 901).
  const joined = !/\s/.test(written.trim());
  const split = joined ? written.split(joints(written)).filter(Boolean).join(' ') : written;
  // An AI account's name is read by its words (`Claude, Assistant`, `Gemini - AI`, `Gemini/AI`: row 947), not split at its comma.
  const name = aiAccountNamed(split) ? accountSpaced(split) : split;
  if (!productNamed(name) && !agentProductName(name) && !vendorBeforeProduct(name)) return [];
  const mailbox = plainAddress(email).split('@')[0]!;
  // A joined name its login spells is that account's (`gemini-cli <12345+gemini-cli@users.noreply.github.com>`: someone's, not the app's).
  if (joined && mailbox.split('+').some((part) => spelled(part) === spelled(name))) return [];
  const agents = mentions(name, 'named', aliases, budget).filter((m) => m.agent !== 'unknown');
  if (agents.length > 0) return agents;
  if (spelled(mailbox.split('+')[0]!) === spelled(name)) return [];
  // `Gemini AI`, `Kimi AI`, `Claude Assistant`, `Google Gemini`: an AI's account, whatever its model (row 913).
  const account = aiAccountNamed(name);
  return mentions(name, 'declared', aliases, budget).filter((m) => (account ? m.agent !== 'unknown' || m.model !== 'unknown' : m.model !== 'unknown' && !m.model.endsWith('/unknown')));
}

/**
 * A vendor's word before its agent's product name of several words (`OpenAI Codex CLI`, `Anthropic Claude Code`,
 * `Moonshot Kimi Code`): no one's name, read as the product's is (`Codex CLI`), the vendor with it; the person's
 * reading found the vendor alone and lost the agent (row 1094). The rest must be a product's name by itself.
 */
function vendorBeforeProduct(name: string): boolean {
  const [first, ...rest] = name.trim().split(/\s+/);
  if (first === undefined || rest.length < 2 || !signatures().vendorWords.has(first.toLowerCase())) return false;
  const product = rest.join(' ');
  return agentProductName(product) || (productNamed(product) && !aiAccountNamed(product));
}

/**
 * An agent's own name of two or more words, one of which is an agent's name by itself, whose first
 * word is no person's (`Codex CLI`, `Factory Droid`, `Charm Crush`): no one's name, read at any
 * address as `Gemini CLI` and `Claude Code` are (row 1030). A lone agent word (`Codex`,
 * `OpenCode`: an account may be named so) and names holding no agent word (`All Hands`) are not; a lone agent
 * name in a script written without spaces (`文心快码`) is.
 */
function agentProductName(name: string): boolean {
  const written = name.trim().split(/\s+/);
  const agents = signatures().agentNames;
  // A product's own name in a script written without spaces (`文心快码`, Comate's): one word, no one's name (row 1137).
  if (written.length === 1) return /[^\x00-\x7f]/.test(written[0]!) && agents.has(written[0]!.toLowerCase());
  if (written.length > 4) return false;
  return agentNameAsWritten(written) && written.some((word) => agents.has(word.toLowerCase()));
}

/**
 * A model named as a person's co-author at the person's own address tagged with an agent
 * (`Claude Sonnet 5 <jamie.tanna+claude-code@mend.io>`: renovatebot/renovate b62fe59, the maintainer's
 * sub-address for the agent he ran): the model, made by the agent the tag names. Only a model's
 * agent-less reading takes it: a person's name stays a person's whatever the tag (`Jane
 * <jane+cursor@example.com>`), and GitHub's `<id>+<login>@users.noreply.github.com` has a login, not
 * a tag, after its `+` (an account named `cursor` is a person's).
 */
function taggedAgent(found: Mention[], email: string): Mention[] {
  if (!found.some((m) => m.agent === 'unknown' && m.model !== 'unknown')) return found;
  const address = plainAddress(email);
  const at = address.lastIndexOf('@');
  const plus = address.indexOf('+');
  if (plus <= 0 || at < plus || /^\d+$/.test(address.slice(0, plus))) return found;
  const agent = agentSlug(address.slice(plus + 1, at).replace(/[._]/g, '-'));
  return agent === null ? found : found.map((m) => (m.agent === 'unknown' && m.model !== 'unknown' ? { ...m, agent } : m));
}

/**
 * An agent named with a model that cannot be read (`Qwen Code (qwen/!qwen3-coder)`, on a co-author
 * or made-with line): the vendors the rest of the text names as `vendor/unknown` (unreadVendors), as
 * a declared value reads them (row 338). Any other reading stays as it is.
 */
function withUnreadVendors(found: Mention[], text: string): Mention[] {
  if (!found.some((mention) => mention.agent !== 'unknown' && mention.model === 'unknown')) return found;
  return [...found, ...unreadVendors(text, found)];
}

/**
 * `Gemini 3.6 Flash via Antigravity`, `Gemini 3 Pro (High) via Google Antigravity`: a model, then
 * `via` and a known agent's name (notes dropped): that agent and model; null for anything else (a
 * person's name before `via`, a router after it: `Gemini 2.5 Pro via OpenRouter`).
 */
export function viaAgent(name: string, aliases: Record<string, string>): Mention | null {
  const at = name.length <= MAX_VALUE ? name.search(/\s+via\s+/i) : -1;
  if (at <= 0) return null;
  const agent = agentSlug(name.slice(at).replace(/^\s+via\s+/i, '').replace(/\([^()]*\)/g, ' ').replace(/[.\s]+$/, ''));
  if (!agent) return null;
  const model = canonicalModel(name.slice(0, at).replace(/\([^()]*\)/g, ' ').trim(), aliases, { isModel: true, strict: true });
  return model ? { agent, model } : null;
}

/**
 * `Claude via FLOYD <floyd@charmpunk.dev>` (FLOYD CLI's `Assisted-by:` line): a model or a vendor's
 * word, then `via` and a tool whose own mailbox the address is (its local part is the tool's name or a
 * word of it): the address is the tool's, so the name before `via` is what the tool ran, not a
 * person's; the tool is the agent when it is a known one, else `unknown`. Null for anything else:
 * `Claude via IRC <claude@example.com>` (the address is the person's), `Jane Doe via FLOYD <floyd@…>`.
 */
export function modelViaTool(identity: Identity, aliases: Record<string, string>): Mention | null {
  const at = identity.name.length <= MAX_VALUE ? identity.name.search(/\s+via\s+/i) : -1;
  if (at <= 0) return null;
  const before = identity.name.slice(0, at).replace(/\([^()]*\)/g, ' ').trim();
  const tool = identity.name.slice(at).replace(/^\s+via\s+/i, '').replace(/\([^()]*\)/g, ' ').replace(/[.\s]+$/, '');
  const address = plainAddress(identity.email);
  const local = address.slice(0, address.indexOf('@')).toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = tool.toLowerCase().split(/[^a-z0-9]+/);
  if (local.length < 3 || !(words.includes(local) || words.join('') === local)) return null;
  const vendor = /^[a-z]+$/i.test(before) ? signatures().vendorWords.get(before.toLowerCase()) : undefined;
  const model = vendor ? `${vendor}/unknown` : canonicalModel(before, aliases, { isModel: true, strict: true });
  return model ? { agent: agentSlug(tool) ?? 'unknown', model } : null;
}

/**
 * The agent identity `identity` matches (matchIdentity), its agent the one `<model> via <agent>` in
 * its name names when that is another (`Gemini 3.6 Flash via Antigravity <noreply@google.com>`: the
 * agent it names ran the model); and that via reading itself, for a name no identity matches.
 */
export function identityVia(identity: Identity, aliases: Record<string, string>, role?: IdentityRole): { match: IdentityMatch | null; via: Mention | null } {
  const via = viaAgent(identity.name, aliases);
  const match = matchIdentity(identity, aliases, role);
  return { match: match && via && via.agent !== match.agent ? { ...match, agent: via.agent } : match, via };
}

/**
 * The models an agent's own identity's name names besides the one it was read as (`Claude Opus 4.6,
 * qwen3-coder <noreply@anthropic.com>`: Qwen3-Coder too), on a co-author line and as the commit author;
 * in a name of one clause, not the start of its own (`GPT-6 Nova`, read as a person's words, is `openai/gpt-6`).
 */
export function beyondIdentity(name: string, model: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const oneClause = !CLAUSE.test(name);
  return wholly(name, 'person', aliases, budget).filter((m) => m.model !== model && !(oneClause && model.startsWith(`${m.model}-`)) && m.model !== 'unknown' && !m.model.endsWith('/unknown'));
}

/**
 * An agent named at a no-reply address (`Qoder <noreply@qoder.com>`, `Cursor <noreply@cursor.sh>`):
 * what the name names, read as declared, when that holds an agent; `[]` otherwise (`GitHub
 * <noreply@github.com>`, `Weblate <noreply@weblate.org>`: a service, no agent), nor a person whose
 * first name is an agent's (`Claude Dupont <noreply@example.com>`). The same on a co-author line and
 * as the commit author.
 */
export function agentAtNoReply(identity: Identity, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const mailbox = NO_REPLY.exec(plainAddress(identity.email));
  if (!mailbox || agentFirstNamed(identity.name) || orgAutomation(identity.name)) return [];
  const named = wholly(identity.name.slice(0, MAX_WHOLE), 'declared', aliases, budget);
  // A tagged no-reply mailbox is the agent's only under its own tag (`Goose <noreply+goose@block.xyz>`): a platform's
  // per-user placeholder (`noreply+4711@`, `noreply+jules-m@`) is a person's, whatever the name (`Jules`, `Devin`) (row 1038).
  const tag = mailbox[1]?.toLowerCase();
  const agents = signatures().agentNames;
  const tagged = tag === undefined ? null : (agents.get(tag) ?? agents.get(tag.replace(/[-_.]+/g, ' ')) ?? '');
  return named.some((m) => m.agent !== 'unknown' && (tagged === null || m.agent === tagged)) ? named : [];
}

/**
 * An agent's made-up identity on the machine it runs on: its own name as the mailbox at `localhost`
 * (`Claude <claude@localhost>`, `Gemini <gemini@localhost>`, `Claude Code <claude-code@localhost>`:
 * two agents committing by turns in one checkout, each under its own `--author`). git never makes
 * such an address itself (an address without a domain is `(none)`, which it refuses), so someone
 * set the name to be the mailbox on purpose. What the name names, read as declared, when it names
 * an agent, a model or a vendor; `[]` otherwise (`Jane <jane@localhost>`, `Claude Monet
 * <claude@localhost>`: the name is not the mailbox; `Claude <claude@example.org>`: a person's
 * domain). The same on a co-author line and as the commit author (the shims look for `@localhost`).
 */
export function agentAtMachine(identity: Identity, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const address = plainAddress(identity.email).toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.slice(at + 1) !== 'localhost' || identity.name.length > MAX_VALUE) return [];
  const word = (text: string) => text.trim().toLowerCase().replace(/[\s._-]+/g, '-');
  if (word(identity.name) !== word(address.slice(0, at))) return [];
  const named = wholly(identity.name, 'declared', aliases, budget);
  return named.some((m) => m.agent !== 'unknown' || m.model !== 'unknown') ? named : [];
}

/**
 * A commit author named exactly as a model (a wrapper's or an agent's `git commit
 * --author="Qwen3-Coder <qwen3-coder@example.com>"`, `GPT-5 <gpt5@internal.example>`, `Claude Opus
 * 4.5 <ai@company.example>`): the whole name, notes aside, is a model the catalog knows, with a
 * version (a digit) and a family's word (generated: fast-path-texts.generated.json `modelAuthor`,
 * which the shims look for too), read as that model, as the same identity on a co-author line is.
 * Nothing else: a person's name (`Gemini Smith`, `Claude Martin`, `Sonnet`, `Opus Team`), a bare
 * vendor or family (`Claude`, `Grok`), a family word with a number no model has (`claude99`,
 * `grok42`, `Gemini 1985`: a login), a name in which a model is one part (`Jane (gpt-5)`, `GPT-5 Fan`)
 * and a one-letter id (`o3`) stay people's.
 */
export function modelNamedAuthor(name: string, aliases: Record<string, string> = {}): Mention[] {
  if (name.length > MAX_VALUE || !/\d/.test(name)) return [];
  const lower = name.toLowerCase();
  if (!(FAST_PATH_TEXTS.modelAuthor as string[]).some((text) => lower.includes(text))) return [];
  const model = canonicalModel(name, aliases, {});
  return model !== null && catalogued().has(model) ? [{ agent: 'unknown', model }] : [];
}

/** Words an organisation's own automation is named with (`Warp CI`, `Cursor Release`, `Amp Build Bot`). */
const AUTOMATION_WORDS = new Set(['ci', 'cd', 'ci/cd', 'build', 'builds', 'builder', 'release', 'releases', 'releaser', 'deploy', 'deployer', 'deployment', 'automation', 'pipeline', 'pipelines', 'infra', 'ops', 'devops', 'sync', 'publish', 'publisher', 'mirror', 'nightly', 'website', 'docs', 'bot']);

/**
 * A name at a no-reply address that is an organisation's automation (`Warp CI <noreply@warp.dev>`,
 * `Cursor Release <noreply@cursor.com>`, `Amp Build Bot`): the company behind an agent runs CI and
 * release bots under its own one-word name; they write no one's code with AI. Only the one-word name
 * followed by automation words alone: a product's own name (`Qwen Code Sync`, `Claude Code Build`,
 * `Cursor Agent Release`, `Gemini CLI Nightly`) is still the agent, and `Warp Agent` holds no such word.
 */
function orgAutomation(name: string): boolean {
  const words = name.slice(0, MAX_VALUE).trim().toLowerCase().split(/\s+/);
  const [first, ...rest] = words;
  if (first === undefined || rest.length === 0 || !rest.every((word) => AUTOMATION_WORDS.has(word)) || rest.every((word) => word === 'bot')) return false;
  return signatures().agentNames.has(first);
}

/** `AI-Model: claude-opus-4.5 (high effort, 80%)`: a model key's value is a model; unreadable = `unknown:unknown`. */
export function parseModelValue(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const text = readable(value, MAX_WHOLE).trim();
  const kept = text === '' ? null : withoutPlaceholders(text);
  if (kept === null) return [];
  const none = kept.length <= MAX_VALUE ? NONE.exec(kept) : null;
  if (none) return namedBeside(none[1] ?? none[2] ?? '', aliases, budget);
  // A lookup of the commit's budget: a message of thousands of model lines is read up to it, then `unread` (fail closed).
  if (budget.lookups <= 0) return [UNREAD];
  budget.lookups -= 1;
  const whole = kept.length <= MAX_VALUE ? canonicalModel(kept, aliases, { isModel: true }) : null;
  if (!whole) return parseDeclaredValues(kept.length <= MAX_VALUE ? kept : value, aliases, budget);
  // A fine-tune's whole id names its base alone (row 948): the declared reading below reads only the base, and a
  // vendor written before the id (`qwen/ft:gpt-4o:…`, which the catalog reads as `openai/gpt-4o`) still counts (row 973).
  // Read whole, the catalog drops what a model id may carry after it (`claude-opus-4-1@20250805`,
  // a date suffix glued on): `anthropic/claude-opus-4.6@qwen3-coder` and `claude-opus-4.6qwen3-coder`
  // were Claude alone under `deny: ["qwen/*"]`. The value is also read as a declared one is (rows 91,
  // 174), and every other model it names counts too.
  // A vendor named by a word of the model's own name is that name's (`deepseek-r1-distill-llama-3.3-70b` is DeepSeek's, not Meta's).
  const ownWords = new Set(whole.split(/[^a-z0-9]+/));
  const inName = (model: string) => model.endsWith('/unknown') && model.slice(0, model.indexOf('/')).split('-').some((word) => ownWords.has(word));
  const others = parseDeclaredValues(kept, aliases, budget).filter((m) => m.unread === true || (m.model !== 'unknown' && m.model !== whole && !inName(m.model)));
  return [{ agent: 'unknown', model: whole }, ...others.map((m) => (m.unread === true ? m : { agent: 'unknown', model: m.model }))];
}

/**
 * `Agent: Claude Code` / `Agent-Tool: Claude Code` beside a trailer that already names AI (signatures.json
 * `companionModels`): the agent or model a product's name or a slug names, read as a made-with value
 * is (`Claude Code`, `Codex`, `GitHub Copilot`, `Claude Code (claude-opus-4-6)`), a value that is
 * one slug as a script writes it (`github-copilot`, `devin`), or the trailer's own `codex:gpt-5`.
 * `Agent:` is also a support desk's or ticket's trailer, so a person's name (`Devin Smith`, `Jules
 * Verne`, `Claude Monet`), a first name alone (`Devin`, `Jules`, `Devin: tier 2`) or a label (`ops-bot`, `claude-1`: a model's id alone, the first of a team's
 * lanes) names nothing: read as a model key reads them, `Agent: Devin Smith` beside `Co-authored-by:
 * Claude <noreply@anthropic.com>` added Devin, and `Agent: claude-1` the model Claude 1.
 */
export function parseAgentValue(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const text = readable(value, MAX_WHOLE).replace(/\s+/g, ' ').trim();
  const slug = /^[a-z0-9][a-z0-9._-]{0,59}$/.test(text) ? agentSlug(text) : null;
  const model = slug ? signatures().agentModels.get(slug) : undefined;
  if (slug) return [model ? { agent: slug, model, alone: true } : { agent: slug, model: 'unknown' }];
  const paired = agentModelPair(text, aliases, budget);
  if (paired.length > 0) return paired;
  // An agent's name, with the model a note of it names (`Claude Code (claude-opus-4-6)`); a model alone is a label here (`Agent: claude-1`, the first of a team's lanes).
  return wholly(text, 'named', aliases, budget).filter((m) => m.agent !== 'unknown' || m.unread === true);
}

/**
 * The trailer's own `AGENT:MODEL` (`codex:gpt-5`, `claude-code:anthropic/claude-opus-4.6`, `aider:qwen3-coder`)
 * where a value is not read as declared (a companion `Agent:` key, a co-author line): a known agent's
 * name before the colon, read as a declared value is, each agent with a model (`Devin: tier 2`,
 * `Cursor: Jane Doe` name no model: `[]`).
 */
function agentModelPair(text: string, aliases: Record<string, string>, budget: Budget): Mention[] {
  const pair = /^([A-Za-z0-9._ -]{1,60}):(?!\/\/)\S/.exec(text);
  return pair && agentSlug(pair[1]!) ? parseDeclaredValues(text, aliases, budget).filter((m) => m.agent !== 'unknown' && m.model !== 'unknown') : [];
}

/** A made-with style value (`Made-with: Cursor`): only what it clearly names, nothing when it names no AI (`Built-with: Rust`). */
export function parseMadeWith(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const read = longWithoutAddress(readable(value, MAX_WHOLE).replace(URL, ' ').replace(/\s+/g, ' ').trim());
  return [...withUnreadVendors(wholly(read.text, 'named', aliases, budget), read.text), ...(value.length > MAX_WHOLE ? [UNREAD] : [])].filter((m) => m.agent !== 'unknown' || m.model !== 'unknown' || m.unread);
}

/** The first thing `parseDeclaredValues` reads, or null for a human helper. */
export function parseDeclaredValue(value: string, aliases: Record<string, string> = {}): DeclaredValue | null {
  return parseDeclaredValues(value, aliases)[0] ?? null;
}
