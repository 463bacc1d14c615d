import { canonicalModel } from '../catalog.js';
import type { Attribution, CommitSignals, DetectRule } from '../types.js';
import { agentOrSlug } from './agent-name.js';
import { parseDeclaredValues } from './declared-value.js';
import { found, quote } from './found.js';
import { MAX_WHOLE, newBudget, type Budget } from './mentions.js';

/**
 * Most characters one rule reads of a commit: of a field, and of all the trailers its key names
 * together (in order); as much as the built-in readers read of a value (MAX_WHOLE). A field longer
 * than that makes the commit `unread` (rule unread-declarations): a body padded past what a rule
 * reads hid what the rule names (it read 4,096 characters, and said nothing of the rest).
 */
const MAX_INPUT = MAX_WHOLE;
/**
 * Most characters all the rules read of one commit together. Every rule runs on every commit: 500
 * rules on a key that 40,000 trailers repeat read 32 MB at MAX_INPUT each. Past it, the rules left
 * make the commit `unread` too: a hostile repository's rules cannot make a hook hang.
 */
const MAX_TOTAL = 1 << 20;

/** The trailers of a commit by lowercased key, made once per commit (not once per rule). */
const byKey = new WeakMap<readonly { key: string; value: string }[], Map<string, { key: string; value: string }[]>>();

function trailersKeyed(trailers: CommitSignals['trailers']): Map<string, { key: string; value: string }[]> {
  let keyed = byKey.get(trailers);
  if (!keyed) {
    keyed = new Map();
    for (const trailer of trailers) {
      const key = trailer.key.toLowerCase();
      const list = keyed.get(key);
      if (list) list.push(trailer);
      else keyed.set(key, [trailer]);
    }
    byKey.set(trailers, keyed);
  }
  return keyed;
}

/** The first trailers of `list` whose values fit in MAX_INPUT characters together (the one that crosses it, cut; `cut` on what is left out). */
function withinBudget(list: readonly { key: string; value: string }[]): Input[] {
  const inputs: Input[] = [];
  let left = MAX_INPUT;
  for (const trailer of list) {
    if (left <= 0) {
      inputs.push({ text: '', label: `trailer ${trailer.key}`, cut: true });
      break;
    }
    inputs.push({ text: trailer.value.slice(0, left), label: `trailer ${trailer.key}`, ...(trailer.value.length > left ? { cut: true } : {}) });
    left -= Math.max(trailer.value.length, 1);
  }
  return inputs;
}

/** What one rule reads of a commit: a field's text, and whether some of it is left out (past MAX_INPUT). */
interface Input {
  text: string;
  label: string;
  cut?: true;
}

function substitute(template: string, match: readonly (string | undefined)[]): string {
  return template.replace(/\$(\d)/g, (_, digit: string) => match[Number(digit)] ?? '');
}

function inputs(rule: DetectRule, signals: CommitSignals): Input[] {
  const body = signals.message.slice(signals.message.indexOf('\n') + 1);
  switch (rule.field) {
    case 'authorName': return [{ text: signals.author.name, label: 'author name' }];
    case 'authorEmail': return [{ text: signals.author.email, label: 'author email' }];
    case 'committerName': return [{ text: signals.committer.name, label: 'committer name' }];
    case 'committerEmail': return [{ text: signals.committer.email, label: 'committer email' }];
    case 'subject': return [{ text: signals.subject, label: 'subject' }];
    case 'body': return [{ text: signals.message.includes('\n') ? body : '', label: 'body' }];
    case 'trailer':
      return withinBudget(trailersKeyed(signals.trailers).get((rule.key ?? '').toLowerCase()) ?? []);
    default: return [];
  }
}

/**
 * The models a rule names when it matched. Its `model` as the config writes it is one model; text
 * it takes from the commit (`$1`) is the committer's, and is read as a declared value is (rows 7,
 * 91): every model it names, a vendor named without a readable model as `vendor/unknown`
 * (`Qwen//qwen3-coder`, `anthropic/claude-opus-4.6@qwen3-coder`, `claude-opus-4.6, qwen3-coder`
 * read as one whole name were `unknown` or Claude alone). `unknown` when nothing is read (the rule
 * says AI); null when the commit's lookups ran out before the text was read (unread).
 */
function ruleModels(template: string | undefined, match: readonly (string | undefined)[], agent: string, aliases: Record<string, string>, budget: Budget): string[] | null {
  if (!template) return ['unknown'];
  const raw = substitute(template, match);
  const whole = raw === '' ? null : canonicalModel(raw, aliases, { ...(agent !== 'unknown' ? { agent } : {}), isModel: true });
  if (!/\$\d/.test(template) || raw === '') return [whole ?? 'unknown'];
  const read = parseDeclaredValues(raw, aliases, budget);
  if (read.some((mention) => mention.unread === true)) return null;
  const models = [...new Set([whole, ...read.map((mention) => mention.model)].filter((model): model is string => model !== null && model !== 'unknown'))];
  return models.length > 0 ? models : ['unknown'];
}

/**
 * Attributions from the user's `detect.rules` (case-insensitive, `$1` substitution). A pattern
 * runs only through the linear-time matcher that config loading compiled for it (a hostile
 * repository's `^(a+)+$` cannot hang a hook); a rule that arrives without one is a caller's bug.
 */
export function userRuleAttributions(rules: readonly DetectRule[], signals: CommitSignals, aliases: Record<string, string>): Attribution[] {
  const result: Attribution[] = [];
  let left = MAX_TOTAL;
  let unread: string | null = null;
  // One budget of catalog lookups for what all the rules take from the commit (`$1`): past it, unread.
  const budget = newBudget();
  rules.forEach((rule, index) => {
    const { matcher } = rule;
    if (!matcher) throw new Error(`detect.rules[${index}] has no compiled matcher: load the config with loadConfig() (or compileDetectRules()) before detecting.`);
    for (const input of inputs(rule, signals)) {
      const text = input.text.slice(0, Math.min(MAX_INPUT, left));
      left -= text.length;
      if (input.cut || text.length < input.text.length) unread ??= `detect.rules[${index}]: ${input.label} past what the rules read (${MAX_INPUT} characters a rule, ${MAX_TOTAL} all together)`;
      // Nothing left to read of a field that holds something: no match (a pattern that matches '' would).
      if (text === '' && (input.text !== '' || input.cut)) continue;
      const match = matcher(text);
      if (!match) continue;
      const agent = rule.agent ? agentOrSlug(substitute(rule.agent, match)) : 'unknown';
      const evidence = `detect.rules[${index}] matched ${input.label} ${quote(input.text)}`;
      const models = ruleModels(rule.model, match, agent, aliases, budget);
      if (models === null) unread ??= `detect.rules[${index}]: ${input.label} past what the rules read (the commit's catalog lookups spent)`;
      for (const model of models ?? ['unknown']) result.push(found(agent, model, evidence));
    }
  });
  // What a rule could not read may name what it looks for: the commit is unread (refused by check), never a person's.
  if (unread !== null) result.push({ ...found('unknown', 'unknown', unread, true), unread: true });
  return result;
}
