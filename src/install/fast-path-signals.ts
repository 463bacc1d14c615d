import data from '../core/data/signatures.json' with { type: 'json' };
import { FAMILIES } from '../core/model-data.js';
import { messageKeys } from '../core/fast-path-layout.js';
import { requiredTextSets, requiredTexts } from './required-text.js';
import { SQUASH_LINE } from '../core/detect/squashed-messages.js';
import { GRAM } from '../core/detect/identity.js';

export { envNames } from '../core/fast-path-layout.js';

/**
 * The signal list of the shims' fast path, read off src/core/data/signatures.json at build time:
 * for each thing commit-time detection reads, something plain text can look for that every
 * signature of it must contain. Each list is a superset: what it finds only costs a node start.
 */

/** A text that everybody's address holds: a poor signal, chosen last among the required texts of a signature. */
const COMMON = ['users.noreply.github.com'];

const worth = (text: string): number => (COMMON.some((common) => text.toLowerCase().includes(common)) ? 1 : text.length);

function score(texts: readonly string[]): number {
  return Math.min(...texts.map(worth));
}

interface IdentityEntry {
  name?: string;
  email?: string;
}

/** For each entry, the texts (lower case) one of which its best-scored pattern (address or name) needs; throws for an entry without any. */
function identityEntryTexts(entries: readonly IdentityEntry[], what: string): string[] {
  return entries.flatMap((entry) => {
    const options = [entry.email, entry.name].filter((pattern): pattern is string => pattern !== undefined).map((pattern) => requiredTexts(pattern, 3, worth));
    const usable = options.filter((found): found is string[] => found !== null).sort((a, b) => score(b) - score(a));
    if (!usable[0]) throw new Error(`fast path: no required text in the ${what} ${JSON.stringify(entry)}; the shim cannot skip node safely`);
    return usable[0].map((text) => text.toLowerCase());
  });
}

/**
 * One of these texts (lower case) is in every `name <email>` an identity signature matches (read
 * without case), and in every no-reply address, where an agent's name is the agent as the author
 * too (src/core/detect/declared-value.ts agentAtNoReply: `noreply@`, `do-not-reply@`..., and one
 * tagged with the agent's name, `noreply+goose@`: `reply+`, row 1066), and in
 * every address at `localhost`, where a name that is its mailbox names its agent (agentAtMachine).
 */
export function identityTexts(entries: readonly IdentityEntry[] = data.identities as unknown as IdentityEntry[]): string[] {
  const texts = entries.flatMap((entry) => {
    const own = identityEntryTexts([entry], 'identity signature');
    const short = own.find((text) => text.length < GRAM);
    // identity.ts indexes the texts by their first GRAM characters: a shorter one fails the build, naming it (row 1200).
    if (short !== undefined) throw new Error(`fast path: the identity signature ${JSON.stringify(entry)} needs the text ${JSON.stringify(short)}, shorter than ${GRAM} characters (src/core/detect/identity.ts indexes identity texts by their first ${GRAM}); give its pattern a longer literal text`);
    return own;
  });
  return [...new Set(['reply@', 'reply+', '@localhost', ...texts])].sort();
}

/**
 * One of these texts (lower case) is in every commit author's name node reads as a model's own
 * (src/core/detect/declared-value.ts modelNamedAuthor: `Qwen3-Coder`, `Claude Opus 4.5`, `GPT-5`):
 * the catalog's family words and Claude's model words, as letters of three or more. Not an agent's
 * product name that is no vendor's word (`Codex 2`, `Composer 2`: an agent or a tool), nor `swe`
 * (a word's part: `Swedish`); a word holding another listed one is left out (`codellama`: `llama`).
 * The shims start node for a name holding one of them and a digit (src/install/fast-path.ts).
 */
export function modelAuthorTexts(): string[] {
  const tools = new Set((data.nonAiTools as string[]).map((tool) => tool.toLowerCase()));
  const words = [...new Set([...FAMILIES.map((family) => family.word), 'opus', 'sonnet', 'haiku'])].filter((word) => /^[a-z]{3,}$/.test(word) && !tools.has(word) && !NOT_MODEL_AUTHOR_WORDS.has(word));
  return words.filter((word) => !words.some((other) => other !== word && word.includes(other))).sort();
}

/** Family words no author name is read by (modelAuthorTexts): agents' and tools' own names, a word's common part. */
const NOT_MODEL_AUTHOR_WORDS: ReadonlySet<string> = new Set(['codex', 'composer', 'swe']);

/**
 * One of these texts (lower case) is in the name or the address of every commit author a
 * dependency bot signature matches (signatures.json `dependencyBots`): detection checks them before
 * compiling those patterns for every person's commit (src/core/detect/commit.ts byDependencyBot).
 */
export function dependencyBotTexts(): string[] {
  return [...new Set(identityEntryTexts(data.dependencyBots, 'dependency bot signature'))].sort();
}

/**
 * One of these texts (lower case) is in every message detection reads anything from: every trailer
 * key it knows, every subject and body signature, git's squash line (a `git merge --squash`
 * message quotes its commits' authors: src/core/detect/squashed-messages.ts) and a ticked task item.
 */
export function messageTexts(): string[] {
  const lines = [...data.subjects, ...data.bodyLines].map((entry) => {
    const texts = requiredTexts(entry.pattern);
    if (!texts) throw new Error(`fast path: no required text in the message signature ${entry.pattern}; the shim cannot skip node safely`);
    return texts;
  });
  // `[x]`: a ticked item of a pull request's AI checklist (src/core/detect/commit.ts fromChecklist).
  return [...new Set([...messageKeys(), ...lines.flat(), SQUASH_LINE, '[x]'].map((text) => text.toLowerCase()))].sort();
}

/**
 * For each subject and body-line signature (by its pattern): texts (lower case) one of which every
 * line it matches holds. Commit detection checks them before running the expression
 * (src/core/detect/signatures.ts mayMatchLine); a pattern without such texts is always run.
 */
export function lineTexts(): Record<string, string[]> {
  const texts: Record<string, string[]> = {};
  for (const entry of [...data.subjects, ...data.bodyLines]) {
    const found = requiredTexts(entry.pattern);
    if (found) texts[entry.pattern] = [...new Set(found.map((text) => text.toLowerCase()))].sort();
  }
  return texts;
}

/**
 * For each subject and body-line signature (by its pattern) with more than lineTexts() gives: the
 * further sets of texts (lower case, ASCII) one text of each of which every line it matches holds
 * too (requiredTextSets), so that a line holding the first text only (Claude Code's footer holds
 * `generated with `, the first text of Qwen Code's and Codebuff's footers) compiles no more
 * expressions. Read by mayMatchLine (src/core/detect/signatures.ts).
 */
export function lineAlsoTexts(): Record<string, string[][]> {
  const first = lineTexts();
  const also: Record<string, string[][]> = {};
  for (const entry of [...data.subjects, ...data.bodyLines]) {
    const own = first[entry.pattern];
    if (!own) continue;
    const sets = requiredTextSets(entry.pattern)
      .map((texts) => [...new Set(texts.map((text) => text.toLowerCase()))].sort())
      .filter((texts) => texts.every((text) => /^[\x20-\x7e]+$/.test(text)) && JSON.stringify(texts) !== JSON.stringify(own));
    if (sets.length > 0) also[entry.pattern] = sets;
  }
  return also;
}
