import { canonicalModel, knownModels } from '../catalog.js';
import { matchIdentity, parseIdentity } from './identity.js';
import { agentFirstNamed, MAX_WHOLE, mentions, newBudget, readMentions, readWhole, vendorsIn, type Budget, type Mention } from './mentions.js';
import { readable } from './readable.js';
import { signatures } from './signatures.js';
import type { Identity } from '../types.js';

export type DeclaredValue = Mention;

const MAX_VALUE = 500;
/** An address a person can be reached at: `local@domain.tld`, nothing else in the brackets. */
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
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
const NONE = /^(?:none|n\/?a|no|no ai|nobody|nothing|not applicable|-+)[.!]?(?:\s*\(([^()]*)\))?$/i;
/**
 * A no-reply address is no one's mailbox (GitHub's per-user `id+login@users.noreply.github.com` is
 * not this form): an agent's name there is the agent (`Cursor <noreply@cursor.sh>`,
 * `Amazon Q <noreply@aws.amazon.com>`), while a vendor or service alone (`GitHub <noreply@github.com>`,
 * the web UI) names no agent.
 */
const NO_REPLY = /^(?:no-?reply|do-?not-?reply)@/i;

/**
 * `Name address` whose brackets a renderer or a Markdown table dropped (`Claude noreply@anthropic.com`):
 * the last word, when it is an address, is the address.
 */
const BARE_ADDRESS = /^(\S.*?)\s+([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** `Name <x>` where `x` is not an address (`Kilo Code <moonshotai/kimi-k2.5:free>`): the name, with `x` as a note. */
function withoutAddress(text: string): { text: string; email: string; name: string } {
  // An address alone, its brackets lost (`qwen-coder@alibabacloud.com`): as `<qwen-coder@alibabacloud.com>` is read.
  if (!text.includes('<') && EMAIL.test(text.trim())) return { text, email: text.trim(), name: '' };
  const bare = text.includes('<') ? null : BARE_ADDRESS.exec(text.trim());
  const identity = bare ? { name: bare[1] ?? '', email: bare[2] ?? '' } : parseIdentity(text);
  if (!identity.email || EMAIL.test(identity.email)) return { text, email: identity.email, name: identity.name };
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
 * A person with an address (`Bob Smith <bob@example.com>`) is a human helper, and `none`/`n/a` says
 * no AI was used: `[]`. Anything else
 * under a declared key that names no agent or model is `unknown:unknown` — AI, never a person
 * (the kernel's tag names tools; a helper is written as a person, with an address).
 * Text is read NFKC-normalised and without format characters (`readable`).
 */
export function parseDeclaredValues(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): DeclaredValue[] {
  const whole = wholeText(value);
  const text = whole.slice(0, MAX_VALUE);
  if (text === '') return [value.length > MAX_WHOLE ? UNREAD : UNKNOWN];
  const none = NONE.exec(text);
  if (none) return namedBeside(none[1] ?? '', aliases, budget);
  const read = withoutAddress(text);
  if (read.email) {
    const byIdentity = matchIdentity({ name: read.name, email: read.email }, aliases);
    // The mailbox of a declared helper may be a model's full name (`Claude Code <qwen3-coder@qwen.ai>`): that model too.
    const mailbox = mentions(read.email.slice(0, read.email.indexOf('@')).replace(/[._+]/g, ' '), 'person', aliases, budget).filter((m) => m.model !== 'unknown' && !m.model.endsWith('/unknown'));
    return [...(byIdentity ? [byIdentity] : mentions(read.name, 'named', aliases, budget)), ...mailbox];
  }
  const found = declaredMentions(read.text, whole.length > MAX_VALUE || value.length > MAX_WHOLE ? value : whole, aliases, budget);
  return found.length > 0 || onlyTools(read.text) ? found : [UNKNOWN];
}

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

/**
 * The vendors whose words a declared value holds but whose reading names no model of theirs: a
 * vendor's word glued to another name (`claude-opus-4.6_qwen3-coder`, `claude-opus-4.6qwen3-coder`,
 * `claude-opus-4.6@qwen3-coder`) is read as part of the first model (or dropped), so each such
 * vendor counts as `vendor/unknown`. Words of the agents read (`Claude Code`, `GitHub Copilot`)
 * name the agent, not a model's vendor; a word inside a model of the built-in table that was read
 * (`deepseek/deepseek-r1-distill-qwen-32b`, a DeepSeek model) names that model, not its vendor.
 */
function unreadVendors(whole: string, read: readonly Mention[]): Mention[] {
  const sig = signatures();
  const named = new Set(read.map((mention) => mention.model.split('/')[0]));
  const agents = new Set(read.map((mention) => mention.agent));
  const namedWords = new Set<string>();
  for (const [name, slug] of sig.agentNames) if (agents.has(slug)) for (const [word] of name.matchAll(/\p{L}+/gu)) namedWords.add(word.toLowerCase());
  for (const mention of read) if (catalogued().has(mention.model)) for (const [word] of mention.model.matchAll(/\p{L}+/gu)) namedWords.add(word.toLowerCase());
  const vendors = new Set<string>();
  for (const [word] of readable(whole, Infinity).matchAll(/\p{L}+/gu)) {
    const lower = word.toLowerCase();
    const vendor = sig.vendorWords.get(lower);
    if (vendor && !named.has(vendor) && !namedWords.has(lower)) vendors.add(vendor);
  }
  return [...vendors].map((vendor) => ({ agent: 'unknown', model: `${vendor}/unknown` }));
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

/** `coccinelle sparse`, `protoc 25.1`: a value that lists only tools that are not AI (and their versions). */
function onlyTools(text: string): boolean {
  const tools = signatures().nonAiTools;
  const words = text.toLowerCase().split(/[\s,;()]+/).filter((word) => word !== '' && !/^v?\d+(?:\.\d+)*$/.test(word) && !/^(?:and|with|by|via|the|\+|&)$/.test(word));
  return words.length > 0 && words.every((word) => tools.has(word));
}

/**
 * What a co-author line names: the agent of an agent's own address or bot account, an agent named
 * at a no-reply address, else only what cannot be a person (a model's full name, `Qwen`); `Jane Doe <jane@example.com>` and
 * `Claude <claude@dupont.fr>` are people. A line without an address may name an agent
 * (`Cline · Kimi K3 <cline-clinepass-kimik3@local>`, `Kilo Code <moonshotai/kimi-k2.5:free>`).
 */
export function parseCoAuthor(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const text = readable(value, MAX_WHOLE).replace(/\s+/g, ' ').trim();
  const read = longWithoutAddress(text);
  const unread = value.length > MAX_WHOLE ? [UNREAD] : [];
  if (read.email) {
    const byIdentity = matchIdentity({ name: read.name, email: read.email }, aliases);
    // An agent's own identity whose name goes on to another model (`Claude Opus 4.6, qwen3-coder <noreply@anthropic.com>`): that model too.
    if (byIdentity) return [byIdentity, ...wholly(read.name, 'person', aliases, budget).filter((m) => m.model !== byIdentity.model && m.model !== 'unknown' && !m.model.endsWith('/unknown')), ...unread];
    const atNoReply = agentAtNoReply({ name: read.name, email: read.email }, aliases, budget);
    return [...(atNoReply.length > 0 ? atNoReply : wholly(read.name, 'person', aliases, budget)), ...unread];
  }
  return [...wholly(read.text, 'named', aliases, budget), ...unread];
}

/**
 * An agent named at a no-reply address (`Qoder <noreply@qoder.com>`, `Cursor <noreply@cursor.sh>`):
 * what the name names, read as declared, when that holds an agent; `[]` otherwise (`GitHub
 * <noreply@github.com>`, `Weblate <noreply@weblate.org>`: a service, no agent), nor a person whose
 * first name is an agent's (`Claude Dupont <noreply@example.com>`). The same on a co-author line and
 * as the commit author.
 */
export function agentAtNoReply(identity: Identity, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  if (!NO_REPLY.test(identity.email) || agentFirstNamed(identity.name)) return [];
  const named = wholly(identity.name.slice(0, MAX_WHOLE), 'declared', aliases, budget);
  return named.some((m) => m.agent !== 'unknown') ? named : [];
}

/** `AI-Model: claude-opus-4.5 (high effort, 80%)`: a model key's value is a model; unreadable = `unknown:unknown`. */
export function parseModelValue(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const text = readable(value, MAX_WHOLE).trim();
  const none = text.length <= MAX_VALUE ? NONE.exec(text) : null;
  if (none) return namedBeside(none[1] ?? '', aliases, budget);
  // A lookup of the commit's budget: a message of thousands of model lines is read up to it, then `unread` (fail closed).
  if (budget.lookups <= 0) return [UNREAD];
  budget.lookups -= 1;
  const whole = text.length <= MAX_VALUE ? canonicalModel(text, aliases, { isModel: true }) : null;
  return whole ? [{ agent: 'unknown', model: whole }] : parseDeclaredValues(value, aliases, budget);
}

/** A made-with style value (`Made-with: Cursor`): only what it clearly names, nothing when it names no AI (`Built-with: Rust`). */
export function parseMadeWith(value: string, aliases: Record<string, string> = {}, budget: Budget = newBudget()): Mention[] {
  const read = longWithoutAddress(readable(value, MAX_WHOLE).replace(URL, ' ').replace(/\s+/g, ' ').trim());
  return [...wholly(read.text, 'named', aliases, budget), ...(value.length > MAX_WHOLE ? [UNREAD] : [])].filter((m) => m.agent !== 'unknown' || m.model !== 'unknown' || m.unread);
}

/** The first thing `parseDeclaredValues` reads, or null for a human helper. */
export function parseDeclaredValue(value: string, aliases: Record<string, string> = {}): DeclaredValue | null {
  return parseDeclaredValues(value, aliases)[0] ?? null;
}
