import type { Attribution, CommitSignals, DetectConfig, Identity } from '../types.js';
import { agentAtMachine, agentAtNoReply, beyondIdentity, identityVia, modelNamedAuthor, parseCoAuthor, parseDeclaredFlag, parseDeclaredValues, parseAgentValue, parseMadeWith, parseModelValue } from './declared-value.js';
import { found, quote } from './found.js';
import { MAX_WHOLE, mentions, newBudget, type Budget, type Mention } from './mentions.js';
import { CSI, readable, shownOrder } from './readable.js';
import { mergeAttributions } from './merge.js';
import { ownTrailerPair } from './fixed-values.js';
import { lineLower, mayMatchLine, signatures, type LineSignature } from './signatures.js';
import { isModelWord } from '../model-words.js';
import { canonicalModel, UNICODE_BLANKS } from '../catalog.js';
import { agentSlug } from './agent-name.js';
import { literalBase, otherNamedVendors, unknownModelVendor } from './identity.js';
import { userRuleAttributions } from './user-rules.js';
import { squashedMessages } from './squashed-messages.js';
import { findTrailerBlock, parseCommitTrailers } from '../trailers.js';
import { findSeparator, GIT_GENERATED_PREFIXES, isBlankLine, isGitSpace, skipBlankLines, trimGitSpace } from '../trailers/grammar.js';
import { blockTrailers } from '../trailers/items.js';
import { subjectLine, subjectStart } from '../subject-line.js';
import FAST_PATH_TEXTS from '../data/fast-path-texts.generated.json' with { type: 'json' };
import { DEFAULT_TRAILER_KEY } from '../defaults.js';

export interface DetectOptions {
  detect?: DetectConfig;
  /** The declared trailer key (config `trailer.key`, default `Assisted-by`). */
  trailerKey?: string;
}

/**
 * Body lines read for trailer-looking lines and agent footers (Claude Code's `Generated with
 * [Claude Code](…)`): every line up to this many. A declaration after 400 lines of a pasted log was
 * unread once; a message longer than this is read up to here and is `unread` past it (fail closed).
 */
const MAX_BODY_LINES = 20_000;
/** Most characters of one line read (readable): a key line padded past this is `unread` too. */
const MAX_LINE = 65_536;

/** A Markdown code fence line (CommonMark: up to 3 spaces, then 3 or more backticks or tildes). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The message's body lines (after the subject, at most MAX_BODY_LINES) that are not inside a
 * closed Markdown code fence: a person quoting a trailer or an agent's footer in a ``` block
 * (documenting the format, pasting an example) is not declaring it, and git does not read it as a
 * trailer either. A fence never closed hides nothing (a squash merge's pasted description must not
 * hide the co-author lines after it).
 */
function bodyLines(message: string): readonly string[] {
  return bodyOf(message).lines;
}

function readBodyLines(message: string): string[] {
  // After the subject line git reads (past leading blank lines a verbatim message keeps).
  const lines = message.slice(subjectStart(message)).split('\n', MAX_BODY_LINES + 1).slice(1);
  const quoted = fencedLines(lines);
  return lines.filter((_, at) => !quoted.has(at));
}

/** A message's body lines and, made on first need, each one's screenTexts. */
interface Body {
  message: string;
  lines: readonly string[];
  screens: (string[] | undefined)[];
}
/**
 * The bodies being read: the commit's message first (kept while a squash's quoted messages come and go in
 * the second place). fromBodyTrailerLines, fromText and fromChecklist each split the message and put every
 * part of every line through readable() again (each part of a line of 130,000 carriage returns three times); commitFindings empties it when done. Found by
 * the message itself (never by a line's text: V8 hashes a string past 16,383 characters by its length alone).
 */
let bodies: Body[] = [];

function bodyOf(message: string): Body {
  const known = bodies.find((body) => body.message === message);
  if (known !== undefined) return known;
  const body: Body = { message, lines: readBodyLines(message), screens: [] };
  if (bodies.length >= 2) bodies.pop();
  bodies.push(body);
  return body;
}

/** screenTexts of the body line at `at` of `message` (bodyLines' index), made once. */
function bodyScreens(message: string, at: number): string[] {
  const body = bodyOf(message);
  return (body.screens[at] ??= screenTexts(body.lines[at] ?? ''));
}

/** The indexes of the lines inside a closed Markdown code fence, the fence lines too (row 25: quoted text, never trailers). */
function fencedLines(lines: readonly string[]): Set<number> {
  const quoted = new Set<number>();
  let open: { at: number; fence: string } | null = null;
  lines.forEach((line, at) => {
    const fence = FENCE.exec(line)?.[1];
    if (fence === undefined) return;
    if (open === null) open = { at, fence };
    else if (fence[0] === open.fence[0] && fence.length >= open.fence.length && line.trim() === fence) {
      for (let inside = open.at; inside <= at; inside += 1) quoted.add(inside);
      open = null;
    }
  });
  return quoted;
}

function showIdentity(identity: Identity): string {
  return quote(identity.email ? `${identity.name} <${identity.email}>` : identity.name);
}

type Reader = (value: string, aliases: Record<string, string>, budget: Budget) => Mention[];

/** How a trailer key is read, and whether it declares (our key and the declared conventions). */
function readerFor(written: string, trailerKey: string): { read: Reader; declared: boolean } | null {
  const sig = signatures();
  // git's own reading of a key (token_len_without_separator): without trailing punctuation (`Assisted-by-:`, `Assisted-by.:`).
  const key = written.replace(/[^a-z0-9]+$/, '');
  if (key === trailerKey || sig.declaredKeys.has(key)) return { read: peopleMayHelp(key) ? readWithPeople : parseDeclaredValues, declared: true };
  if (sig.declaredFlagKeys.has(key)) return { read: parseDeclaredFlag, declared: true };
  if (sig.coAuthorKeys.has(key)) return { read: parseCoAuthor, declared: false };
  if (sig.modelKeys.has(key)) return { read: parseModelValue, declared: true };
  if (sig.agentKeys.has(key)) return { read: parseDeclaredValues, declared: true };
  if (sig.madeWithKeys.has(key)) return { read: parseMadeWith, declared: false };
  return compoundReader(key, trailerKey);
}

/** Words of a declared key that make its value a product's name, never a person's (`AI-Assistant: Amazon Q`, `Coding-agent: Open Hands`). */
const PRODUCT_KEY_WORDS = new Set(['ai', 'agent', 'agents', 'tool', 'tools', 'coding', 'model', 'llm', 'disclosure', 'used']);
/** A declared key whose value may be the people who helped (`Assisted-by`, `Assisted-with`, `Generated-by`): its words say nothing of AI, agents or tools. */
const peopleMayHelp = (key: string) => !key.split(/[^a-z0-9]+/).some((word) => PRODUCT_KEY_WORDS.has(word));
const readWithPeople: Reader = (value, aliases, budget) => parseDeclaredValues(value, aliases, budget, { people: true });

/** A compound key's words that make it about the message or a review (`Commit-generated-by:`, the RAI footers' "AI wrote the commit message"), or a person's. */
const NOT_CHANGE_WORDS = new Set(['commit', 'commits', 'message', 'msg', 'subject', 'title', 'summary', 'description', 'body', 'changelog', 'pr', 'review', 'reviewed', 'human', 'no', 'not', 'non']);
/** A value that names an agent or a model (a vendor's word alone, `Google Translate`, is neither): all a compound key's value counts for. */
const namesSomething = (m: Mention) => m.agent !== 'unknown' || (m.model !== 'unknown' && !m.model.endsWith('/unknown'));

/**
 * A declared key with words before it (`Claude-Generated-By:` as Claude Code wrote it, `Docs-generated-by:`,
 * `Tests-Assisted-by:`, `Docs-AI-Generated-By:`): what a part of the change was made with, read for the
 * agents and models it names; a value that names none (a workflow's run id, a tool, a vendor's word alone) declares nothing
 * there, and a key about the message or a review (`Commit-generated-by:`) is not read.
 */
function compoundReader(key: string, trailerKey: string): { read: Reader; declared: boolean } | null {
  const sig = signatures();
  const words = key.split('-');
  for (let at = 1; at <= Math.min(3, words.length - 2); at++) {
    const rest = words.slice(at).join('-');
    if (rest !== trailerKey && !sig.declaredKeys.has(rest)) continue;
    if (words.slice(0, at).some((word) => word === '' || NOT_CHANGE_WORDS.has(word))) return null;
    return { read: (value, aliases, budget) => parseDeclaredValues(value, aliases, budget).filter(namesSomething), declared: true };
  }
  return null;
}

/** Most characters of a trailer's key and value remembered together (rememberedTrailerRead): a longer one is read each time. */
const MAX_REMEMBERED_TRAILER = 1024;
/** Distinct trailers one commit remembers having read (rememberedTrailerRead). */
const MAX_REMEMBERED_TRAILERS = 4096;

/**
 * `read(value)`, remembered for the commit (in its budget) by key and value when reading it spent no catalog
 * lookup: 200,000 `Co-authored-by:` or `Signed-off-by:` lines of the same person (a squash of a long branch,
 * or padding) were each read whole, ~20 µs apiece (row 1147). Exact: a reading that spent no lookup took
 * the same path for any count of lookups left above zero (each check is `> 0` before spending one), so it
 * is remembered with whether any were left; a reading that spent one is read again each time, as before.
 */
function rememberedTrailerRead(read: Reader, key: string, value: string, aliases: Record<string, string>, budget: Budget): Mention[] {
  if (key.length + value.length > MAX_REMEMBERED_TRAILER) return read(value, aliases, budget);
  const memo = (budget.trailers ??= new Map<string, Mention[]>());
  const at = `${budget.lookups > 0 ? 1 : 0}${key}\u0000${value}`;
  const known = memo.get(at);
  if (known !== undefined) return known.map((mention) => ({ ...mention }));
  const before = budget.lookups;
  const mentions = read(value, aliases, budget);
  if (budget.lookups === before && memo.size < MAX_REMEMBERED_TRAILERS) memo.set(at, mentions.map((mention) => ({ ...mention })));
  return mentions;
}

function fromTrailers(signals: CommitSignals, trailerKey: string, aliases: Record<string, string>, budget: Budget): Attribution[] {
  const result: Attribution[] = [];
  const alone = new Set<Attribution>();
  const companions: { key: string; value: string }[] = [];
  for (const trailer of signals.trailers) {
    const key = readable(trailer.key).toLowerCase();
    const reader = readerFor(key, trailerKey);
    if (!reader) {
      if (signatures().companionModels.has(key.replace(/[^a-z0-9]+$/, ''))) companions.push(trailer);
      continue;
    }
    const evidence = `trailer ${trailer.key}: ${quote(trailer.value)}`;
    // A value with right-to-left overrides, backspaces or cursor moves is read as stored and as shown (shownOrder).
    const shown = shownOrder(trailer.value);
    const read = rememberedTrailerRead(reader.read, key, trailer.value, aliases, budget);
    if (shown !== null) for (const mention of reader.read(shown, aliases, budget)) if (mention.agent !== 'unknown' || mention.model !== 'unknown' || mention.unread) read.push(mention);
    // aitrail's own `agent:unknown` under its own key, as the hooks write a gateway's unknown beside a named model (row 894).
    const stated = key.replace(/[^a-z0-9]+$/, '') === trailerKey && ownTrailerPair(trailer.value, aliases)?.model === 'unknown';
    for (const mention of read) {
      const attribution = withAlone(withUnread(found(mention.agent, mention.model, evidence, reader.declared), mention), mention, alone);
      if (stated && mention.model === 'unknown' && mention.agent !== 'unknown') attribution.stated = true;
      result.push(attribution);
    }
  }
  // `Model: Codex GPT-5.6 Sol Max` under `Co-authored-by: Codex <noreply@openai.com>`: the model of an AI another trailer names.
  if (result.length > 0) {
    for (const trailer of companions) {
      const evidence = `trailer ${trailer.key}: ${quote(trailer.value)}`;
      // `Agent:` / `Agent-Tool:` name a product, never a person (a support desk's `Agent: Devin Smith`): parseAgentValue.
      const read = /^agent/.test(readable(trailer.key).toLowerCase()) ? parseAgentValue : parseModelValue;
      for (const mention of read(trailer.value, aliases, budget).filter(namesSomething)) result.push(withAlone(found(mention.agent, mention.model, evidence, true), mention, alone));
    }
  }
  // Row 883: `Assisted-by: Qwen Code` (or `Agent: qwen-code`) beside `AI-Model: gpt-4o` is Qwen Code
  // running gpt-4o; the model its signatures give when named alone (row 864) stands only where no
  // trailer names a model for that agent or for no agent: else it is `agent:unknown`, which
  // mergeAttributions folds into the agent's model (or keeps, a warning, when that model is another agent's).
  if (alone.size === 0) return result;
  // The agents a trailer names a model for (`unknown`: a model of no agent's), in one pass: thousands
  // of `Assisted-by: Qwen Code` lines each looked over all the others (20 s for 20,000; row 902).
  const modelled = new Set(result.filter((other) => !alone.has(other) && other.model !== 'unknown' && !other.model.endsWith('/unknown')).map((other) => other.agent));
  return result.map((item) => (alone.has(item) && (modelled.has(item.agent) || modelled.has('unknown')) ? { ...item, model: 'unknown' } : item));
}

/** Notes an attribution read from an agent named alone (Mention.alone) in `alone`. */
function withAlone(attribution: Attribution, mention: { alone?: true }, alone: Set<Attribution>): Attribution {
  if (mention.alone) alone.add(attribution);
  return attribution;
}

/**
 * One to three blanks opening a line before its words: spaces, or blanks that are no white space to
 * git (NBSP, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000). git reads such a line as a trailer's
 * continuation or as prose, never as a trailer, while a screen shows it as one a little to the right
 * (`\u00a0Assisted-by: qwen-code:qwen/qwen3-coder`). Four spaces or a tab is a quote (a squash
 * merge's quoted commits, row 27; Markdown's code), and is not shifted back.
 */
const SHIFTED = new RegExp(`^[ ${UNICODE_BLANKS}]{1,3}(?=\\S)`, 'gm');

/**
 * The characters `trailer.separators` may be set to (every ASCII punctuation character but `-`, a key's
 * own): git's documentation shows `%=$`, and `:#` for `Bug #42`, but any will do, and under it `git
 * log`'s `%(trailers)` and `git interpret-trailers` read `Assisted-by> qwen-code:qwen/qwen3-coder` as a
 * trailer. Which setting a reader has (the committer's, the server's, CI's) no layer can know, and a
 * commit must mean the same to each: so each reads, for the keys that say who helped only (our key, the
 * declared and co-author keys), what git would read as a trailer under any of them (a block git finds
 * under one setting it finds under all of them together: more lines read as trailers, never fewer),
 * and a screen shows such a line as a declaration under any setting. An app's settings listed in a
 * message (`AI-Model=gpt-4o`) are no one's declaration.
 */
const SHOWN_SEPARATORS = ':!"#$%&\'()*+,./;<=>?@[\\]^_`{|}~';
/** A line whose key such a separator may end (a token, blanks, then one of them but `:`). */
const OTHER_SEPARATOR = /^[A-Za-z0-9-]+[ \t]*[!-,./;-@[-`{-~]/m;
/** A line SHIFTED shifts. */
const SHIFTED_LINE = new RegExp(SHIFTED.source, 'm');

/** Whether a trailer's key says who helped write the change (our key, a declared or a co-author key), as git reads a key. */
function whoKey(key: string, trailerKey: string): boolean {
  const read = readable(key).toLowerCase().replace(/[^a-z0-9]+$/, '');
  return read === trailerKey || signatures().declaredKeys.has(read) || signatures().coAuthorKeys.has(read);
}

/**
 * The trailer block a screen shows where git reads none or less, read by git's own parser: the
 * message with each line opened by up to three blanks (SHIFTED) shifted back, and the message as it
 * is and so shifted under SHOWN_SEPARATORS (a continuation line shifted would end its block: both
 * are read). What they read beyond git's trailers counts, as a trailer-looking line outside the
 * block does (evidence, never a declaration). A block shown for example (a lead line `for example:`
 * above it, row 136) is not read.
 */
function fromShownTrailers(signals: CommitSignals, trailerKey: string, aliases: Record<string, string>, budget: Budget): Attribution[] {
  const other = OTHER_SEPARATOR.test(signals.message);
  const shifted = SHIFTED_LINE.test(signals.message) ? signals.message.replace(SHIFTED, '') : null;
  if (!other && shifted === null) return [];
  const readings: { message: string; separators: string }[] = [];
  if (shifted !== null) readings.push({ message: shifted, separators: ':' });
  if (other) for (const message of shifted === null ? [signals.message] : [signals.message, shifted]) readings.push({ message, separators: SHOWN_SEPARATORS });
  const own = new Set(signals.trailers.map((trailer) => `${trailer.key}\u0000${trailer.value}`));
  const trailers = readings.flatMap(({ message, separators }) => {
    const read = parseCommitTrailers(message, { separators }).filter((trailer) => !own.has(`${trailer.key}\u0000${trailer.value}`) && (separators === ':' || whoKey(trailer.key, trailerKey)));
    if (read.length === 0) return [];
    const before = message.slice(0, findTrailerBlock(message, { noDivider: true, separators }).start).trimEnd();
    return exampleLead(readable(before.slice(before.lastIndexOf('\n') + 1), MAX_LINE)) ? [] : read;
  });
  if (trailers.length === 0) return [];
  return fromTrailers({ ...signals, trailers }, trailerKey, aliases, budget).map((attribution) => ({ ...attribution, declared: false, evidence: attribution.evidence.map((why) => why.replace(/^trailer /, 'trailer as shown ')) }));
}

/** How many of the first characters of the last paragraph's lines that are no trailer are tried as a reader's prefix (commentCandidates). */
const MAX_HIDING = 16;

/**
 * The comment prefixes a reader's `core.commentChar` may be that change git's trailer block of
 * `message` (`#`, the reading every layer makes, left out). Under a prefix `c` git drops the trailing
 * run of `c` and blank lines, then takes the last paragraph left (blank lines end paragraphs, comment
 * lines do not) and skips its `c` lines. So only these matter: the first character of the last
 * paragraph's lines when they all share it (the paragraph is then dropped whole and the one above
 * read), the first characters of its lines that are no trailer (each may be the one that hid them),
 * and a space or tab where a line starts with one (a line of blanks is a comment then, not a
 * paragraph's end). Of the first characters of lines that are no trailer, only the MAX_HIDING most
 * frequent: git finds the same block under a prefix that leaves fewer such lines (the paragraph is a
 * block when what is left of them is few enough, and its trailers are the same lines), so one that
 * leaves more finds nothing the others miss; a last paragraph of 20,000 lines opening with 20,000
 * different letters was read 20,000 times (~2 minutes of `check`, pre-receive and commit-msg on a
 * 120 KB message). A handful, whatever the message's length.
 */
export function commentCandidates(message: string): string[] {
  const found = new Set<string>();
  const hiding = new Map<string, number>();
  const firsts = new Set<string>();
  let inParagraph = false;
  for (let end = message.length; end > 0; ) {
    const start = message.lastIndexOf('\n', end - 1) + 1;
    const first = message[start];
    if (first === ' ' || first === '\t') found.add(first);
    if (isBlankLine(message, start)) {
      if (inParagraph) break;
    } else {
      inParagraph = true;
      const char = String.fromCodePoint(message.codePointAt(start)!);
      firsts.add(char);
      const at = findSeparator(message, start, ':');
      if (!(at >= 1 && !isGitSpace(first)) && !GIT_GENERATED_PREFIXES.some((prefix) => message.startsWith(prefix, start))) hiding.set(char, (hiding.get(char) ?? 0) + 1);
    }
    end = start - 1;
  }
  hiding.delete('#');
  for (const [char] of [...hiding].sort((a, b) => b[1] - a[1]).slice(0, MAX_HIDING)) found.add(char);
  if (firsts.size === 1) found.add([...firsts][0]!);
  // The lines above the last paragraph only matter under a blank that opens a line.
  if (!found.has(' ') && /\n /.test(message)) found.add(' ');
  if (!found.has('\t') && /\n\t/.test(message)) found.add('\t');
  found.delete('#');
  return [...found];
}

/**
 * The who-helped trailers git reads under a `core.commentChar` (`;`, `K`, a space) a reader may have
 * and no layer can know (the committer's, the server's, CI's; row 472 for `trailer.separators`): git
 * skips its comment lines when it finds the trailer block, and a line left at the block's end, so
 * `Keep this` above (or below) `Assisted-by:` / ` qwen3-coder` no longer keeps the last paragraph
 * from being one, and `git log`'s `%(trailers)` shows the block's lines that parse as trailers, its
 * comment lines too. Read for the keys that say who helped (ours, the declared and co-author keys),
 * under git's own separator (`:`): one setting of a reader's at a time, as fromShownTrailers reads the
 * separators under `#` (a reader with both, `'` a separator and the comment prefix, reads a person's
 * prose `oh-my-codex's Co-authored-by: …` / `'Ultraworked …` / `CodeAF's …` as trailers); evidence, never a declaration.
 */
function fromCommentedTrailers(signals: CommitSignals, trailerKey: string, aliases: Record<string, string>, budget: Budget): Attribution[] {
  const message = signals.message.slice(skipBlankLines(signals.message, 0));
  /** A line that opens with a who-helped key (ours, the declared and co-author keys). */
  const whoLine = (line: string) => {
    const at = findSeparator(line, 0, ':');
    return at >= 1 && whoKey(trimGitSpace(line.slice(0, at)), trailerKey);
  };
  // Cheap first: a who-helped key must open a line for any reading to find one. Looked for in the message
  // itself (findSeparator stops at a line's end), never split: 2,000,000 short lines were as many strings.
  let opens = false;
  for (let start = 0; !opens; start += 1) {
    const at = findSeparator(message, start, ':');
    opens = at >= 1 && whoKey(trimGitSpace(message.slice(start, start + at)), trailerKey);
    start = message.indexOf('\n', start);
    if (start < 0) break;
  }
  if (!opens) return [];
  const own = new Set(signals.trailers.map((trailer) => `${trailer.key}\u0000${trailer.value}`));
  // The message's lines, for row 136's example test: a lead (`For example:`) may be a line of the
  // paragraph itself, a comment to the reader whose prefix is its first letter.
  const lines = message.split('\n');
  let shownAsExample: ((at: number, inSentence?: boolean) => boolean) | undefined;
  let fenced: Set<number> | undefined;
  const seen = new Set<string>();
  const trailers: { key: string; value: string }[] = [];
  for (const commentChar of commentCandidates(message)) {
    const block = findTrailerBlock(message, { commentChar, noDivider: true, separators: ':' });
    if (block.start === block.end) continue;
    // `%(trailers)` lists the block's comment lines that parse as trailers too: none is skipped here.
    const read = blockTrailers(block, '\n', true, ':').filter((trailer) => whoKey(trailer.key, trailerKey) && !own.has(`${trailer.key}\u0000${trailer.value}`));
    if (read.length === 0) continue;
    const before = message.slice(0, block.start).trimEnd();
    if (exampleLead(readable(before.slice(before.lastIndexOf('\n') + 1), MAX_LINE))) continue;
    // The first who-helped line of the block, and the lead above it (over the trailer-looking lines
    // between), as the `#` reading tests a body line: `For example:` / `Assisted-by: qwen…` is a person's
    // example to every reader, whose `F` prefix makes the lead a comment line of the block.
    const first = message.slice(0, block.start).split('\n').length - 1;
    const last = first + message.slice(block.start, block.end).split('\n').length;
    let declaring = -1;
    for (let at = first; at < last && at < lines.length && declaring < 0; at += 1) if (whoLine(lines[at] ?? '')) declaring = at;
    if (declaring >= 1 && (shownAsExample ??= exampleTest(lines))(declaring, false)) continue;
    // Row 863: a closing fence (```` ``` ````) is a comment line only to a reader whose prefix is its
    // backtick; who-helped lines inside a closed code fence are a person's quote at every layer (row 25).
    if (declaring >= 1) {
      const quoted = (fenced ??= new Set([...fencedLines(lines.slice(1))].map((at) => at + 1)));
      let outside = false;
      for (let at = declaring; at < last && at < lines.length && !outside; at += 1) outside = !quoted.has(at) && whoLine(lines[at] ?? '');
      if (!outside) continue;
    }
    for (const trailer of read) {
      const id = `${trailer.key}\u0000${trailer.value}`;
      if (!seen.has(id)) trailers.push(trailer);
      seen.add(id);
    }
  }
  if (trailers.length === 0) return [];
  // A value that names no one (`Assisted-by: see the notes` above a last paragraph of one line, which a
  // reader with its first letter as prefix drops) is no one's help: only named agents and models count.
  return fromTrailers({ ...signals, trailers }, trailerKey, aliases, budget)
    .filter((attribution) => attribution.agent !== 'unknown' || attribution.model !== 'unknown')
    .map((attribution) => ({ ...attribution, declared: false, evidence: attribution.evidence.map((why) => why.replace(/^trailer /, 'trailer as shown under a comment prefix ')) }));
}

/** The prefixes `git commit --fixup`/`--squash`/`--fixup=amend:` put before the subject of the commit they fold into (repeated for a fixup of a fixup). */
const AUTOSQUASH = /^(?:(?:fixup|squash|amend)! +){1,16}/;

/** The paragraph `git commit --fixup=amend:` puts above the message it gives the amended commit. */
const AMEND = /^amend! [^\n]*\n(?:[ \t]*\r?\n)+/;

/** Words a declaration's value holds between the names it lists (`A and B`, `yes (Claude)`). */
const DECLARATION_WORDS = new Set(['and', 'or', 'with', 'plus', 'using', 'via', 'by', 'on', 'yes', 'no', 'true', 'false', 'none', 'unknown']);
let agentWords: Set<string> | undefined;

/**
 * A subject's value that is only a declaration: an identity with its address (`Claude
 * <noreply@anthropic.com>`), or names only: of agents, models, vendors, tools, their versions
 * (`qwen-code:qwen/qwen3-coder`, `Claude Code (claude-opus-4)`, `Cursor`). A project's own
 * `scope: description` subject whose scope is a trailer key (`ai-model: add gpt-5 to list`,
 * `Made-with: Cursor support`) is prose: a person's, not a declaration.
 */
function onlyDeclares(value: string): boolean {
  const sig = signatures();
  if (/^[^<>]*<[^\s<>@]+@[^\s<>]+>$/.test(value.trim())) return true;
  // The kernel's `AGENT:MODEL [TOOL]...` names tools after the model, in any words: a known agent
  // and a known model joined by a colon is no one's prose (`qwen-code:qwen/qwen3-coder parser`).
  const pair = /^([a-z0-9][a-z0-9._-]{0,40}):(\S{1,120})(?:\s|$)/i.exec(value.trim());
  if (pair && agentSlug(pair[1]!) && canonicalModel(pair[2]!, {}, { isModel: true })) return true;
  agentWords ??= new Set([...sig.agentNames.keys()].flatMap((name) => name.split(/[\s/:]+/)));
  // A bracketed note is the declaration's own (`claude-opus-4.5 (high effort, 80%)`): its names are read, its words not judged.
  const words = value.toLowerCase().replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ').split(/[\s,;:/()[\]{}<>"'`&+|\u00b7\u2022]+/).filter((word) => word !== '' && word !== '-');
  return words.every((word) => isModelWord(word) || agentWords?.has(word) || sig.vendorWords.has(word) || sig.nonAiTools.has(word) || DECLARATION_WORDS.has(word));
}

/**
 * A trailer-looking line: `Key: value`; the value with its trailing spaces, which the callers trim (a
 * lazy value before `\s*$` tried the rest of a run of spaces after each of its characters: quadratic
 * in the run, seconds for one line of 60,000). Read on readable() text, which holds no line break.
 */
const KEY_LINE = /^([A-Za-z][A-Za-z0-9-]{1,63}\.*)[ \t]*:[ \t]*(\S.*)$/;
/** The same with the key written as two to four words (`Assisted by`, `Assisted_by`, `AI model`). */
const WORDS_KEY_LINE = /^([A-Za-z][A-Za-z0-9-]{0,40}(?:[ _]{1,3}[A-Za-z0-9-]{1,40}){1,3})[ \t]*:[ \t]*(\S.*)$/;

/** A heading's marks (`## Assisted-by: …`). */
const MARKDOWN_HEADING = /^#{1,6}[ \t]+/;
/** A list item's bullet (`- `, `* `, `+ `, `1. `), and a ticked task box after it (`- [x] `). */
const MARKDOWN_BULLET = /^(?:[-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\][ \t]+)?/;
/**
 * Marks before a line's words, which a person reads past: emoji and other symbols (`🤖 Co-Authored-By: …`,
 * `✨ Generated with Claude Code`, `✍️`, `👥`), and bullets, dashes and punctuation outside ASCII (`•`, `→`,
 * `※`); the robot emoji also as a tool that read its UTF-8 as Windows-1252 shows it (`ðŸ¤–`, read `ðY¤–`),
 * as pull request bodies that squash merges keep hold it. Never a letter or digit, a quotation mark or
 * bracket (`“…”`, `»`: a quotation), nor an ASCII mark (`>` quotes, `#` comments, `-` bullets: Markdown's).
 * Linear: no mark is a space.
 */
const LEADING_MARK_SOURCE = '^(?:(?:\\u{1F916}|\\u00f0[Y\\u0178]\\u00a4\\u2013|(?![\\x00-\\x7f])[\\p{So}\\p{Sm}\\p{Sk}\\p{Pd}\\p{Po}\\p{Extended_Pictographic}])[ \\t]*)+';
/**
 * LEADING_MARK made on first need: V8 builds its Unicode property classes when the pattern is made
 * and compiles it on its first run (~1-2 ms of an agent commit's hooks, whose footer starts with 🤖).
 */
let LEADING_MARK: RegExp | undefined;
const ROBOT = /\u{1F916}|\u00f0[Y\u0178]\u00a4\u2013/u;
const ROBOT_EMOJI = 0x1f916;

/**
 * What LEADING_MARK matches at the start of `text`, or null. The agents' footers (`🤖 Generated
 * with …`: robots, spaces and tabs, then ASCII) are read here without the pattern: a run of robots
 * and blanks that ASCII (or the end) follows is all the pattern would take, as no ASCII character
 * is a mark; anything else goes to the pattern.
 */
export function leadingMark(text: string): string | null {
  let at = 0;
  while (text.codePointAt(at) === ROBOT_EMOJI) {
    at += 2;
    while (text[at] === ' ' || text[at] === '\t') at += 1;
  }
  if (at > 0 && (at === text.length || text.charCodeAt(at) <= 0x7f)) return text.slice(0, at);
  return (LEADING_MARK ??= new RegExp(LEADING_MARK_SOURCE, 'u')).exec(text)?.[0] ?? null;
}

/**
 * The line without the marks before its words (LEADING_MARK), or the line itself when none stands
 * there. `footer`: the agent footers' robot among them kept, as 🤖 (a footer's name under it reads as
 * declared: footerTrust).
 */
function unmarked(text: string, footer = false): string {
  const mark = text.length > 0 && text.charCodeAt(0) > 0x7f ? leadingMark(text) : null;
  if (mark === null) return text;
  const rest = text.slice(mark.length);
  return footer && ROBOT.test(mark) ? `\u{1F916} ${rest}` : rest;
}

/** The characters MARKDOWN_BULLET's and the emphasis patterns' (MARKDOWN_WRAPPED, MARKDOWN_KEY) matches open with. */
const BULLET_OPENS = '-*+0123456789';
/** A list item's indent under another item (up to six spaces or tabs, as TASK_ITEM allows), before its bullet. */
const NESTED_BULLET = /^[ \t]{1,6}(?=(?:[-*+]|\d{1,9}[.)])[ \t])/;
const EMPHASIS_OPENS = '*_`';

/** `text` opens with one of `chars` (ASCII). */
function opensWith(text: string, chars: string): boolean {
  return text.length > 0 && chars.includes(text[0]!);
}

/** A whole line in emphasis or code (`**Assisted-by: qwen3-coder**`, `` `Assisted-by: …` ``). */
const MARKDOWN_WRAPPED = /^(\*{1,3}|_{1,3}|`)(\S.*\S)\1$/;
/** A key in emphasis or code (`**Assisted-by:**`, `**Assisted-by**:`, `_AI-Model_:`): its colon inside the marks or after them. */
const MARKDOWN_KEY = /^(\*{1,3}|_{1,3}|`)([A-Za-z][A-Za-z0-9 _-]{0,63}?)[ \t]*(:?)\1[ \t]*(:?)[ \t]*/;
/** A key in an HTML tag GitHub renders (`<b>Assisted-by:</b>`, `<strong>Assisted-by</strong>:`). */
export const HTML_KEY = /^<(b|strong|em|i|u|code|kbd|mark|ins|span)>[ \t]*([A-Za-z][A-Za-z0-9 _-]{0,63}?)[ \t]*(?:(:)[ \t]*)?<\/\1>[ \t]*(:?)[ \t]*/i;
/** A key as a link's text (`[Assisted-by](https://…): …`). */
export const LINK_KEY = /^\[[ \t]*([A-Za-z][A-Za-z0-9 _-]{0,63}?)[ \t]*(?:(:)[ \t]*)?\]\([^()\s]{0,2048}\)[ \t]*(:?)[ \t]*/;
/** A block or inline HTML tag GitHub renders, opening the line or closing it (`<p>Assisted-by: …</p>`, `<sub>…`). */
const HTML_TAGS = 'p|div|span|sub|sup|small|b|strong|em|i|u|code|kbd|mark|ins|li|td|th|summary|details|h[1-6]';
const HTML_OPEN = new RegExp(`^<(?:${HTML_TAGS})(?:[ \\t][^<>]{0,256})?>[ \\t]*`, 'i');
const HTML_CLOSE = new RegExp(`<\\/(?:${HTML_TAGS})>$`, 'i');

/** The line without a block tag around it (`<p>…</p>`); the closing tag looked for in the line's last characters only (linear). */
function withoutBlockTag(line: string): string {
  const inner = line.startsWith('<') ? line.replace(HTML_OPEN, '') : line;
  const end = inner.slice(-16);
  const close = end.includes('</') ? HTML_CLOSE.exec(end) : null;
  return close ? inner.slice(0, inner.length - close[0].length).trimEnd() : inner;
}

/** A whole line as a link's text (`[Assisted-by: qwen3-coder](https://…)`): the text, or null. */
function linkText(line: string): string | null {
  if (!line.startsWith('[') || !line.endsWith(')')) return null;
  const middle = line.lastIndexOf('](');
  const url = line.slice(middle + 2, -1);
  return middle >= 2 && url.length <= 2048 && !/[()\s]/.test(url) ? line.slice(1, middle) : null;
}

/**
 * A table's key cell: one key token (no words: the shims look for those only before a colon), in
 * emphasis or code or not, a colon after it or not; the key is group 2 in marks, group 3 without.
 * Without marks the two runs of spaces meet only across a colon (`[ \t]*:?[ \t]*:?$`, the same
 * language, tried every split of a run of spaces: a 60 KB cell took 13 s).
 */
export const TABLE_KEY = /^(?:(\*{1,3}|_{1,3}|`)([A-Za-z][A-Za-z0-9-]{0,63})[ \t]*:?\1[ \t]*:?|([A-Za-z][A-Za-z0-9-]{0,63})[ \t]*(?::[ \t]*:?)?)$/;

/**
 * A table row whose first cell is a key (`| Assisted-by | qwen-code:qwen/qwen3-coder |`,
 * `| **Assisted-by** | … |`, `| Assisted-by | claude-code | qwen/qwen3-coder |`, `| AI-Model |
 * Qwen3-Coder | 480B |`): Markdown shows a key beside its values, each value cell read as its own
 * `Assisted-by: …` (a cell of notes beside the model is not part of its value). Empty for any other
 * row (a header's rule, a first cell of words or of no key). A `\|` is a pipe within a cell, as in
 * GFM. `text` starts with its pipe. Linear: one split, no pattern over a value.
 */
function tableRowTexts(text: string): string[] {
  const inner = text.slice(1).trimEnd();
  const cells = (inner.endsWith('|') && !inner.endsWith('\\|') ? inner.slice(0, -1) : inner).split(/(?<!\\)\|/);
  const key = cells.length < 2 ? null : TABLE_KEY.exec((cells[0] ?? '').trim());
  if (!key) return [];
  return cells.slice(1).flatMap((cell) => {
    const value = cell.trim().replace(/\\\|/g, '|');
    return value === '' ? [] : [`${key[2] ?? key[3]}: ${value}`];
  });
}

/**
 * A table's delimiter row (`--- | ---`, `|:---|---:|`). No two runs of spaces meet without a pipe
 * between them (`[ \t]*\|?[ \t]*` was quadratic in a run of spaces); tried on lines up to 1 KB.
 */
const TABLE_RULE = /^[ \t]*(?:\|[ \t]*)?:?-{3,}:?(?:[ \t]*\|[ \t]*:?-{3,}:?)+(?:[ \t]*\|)?[ \t]*$/;

/**
 * For each line, whether a table's delimiter row stands above it in its paragraph: there GitHub
 * shows `Assisted-by | qwen-code:qwen/qwen3-coder` (no leading pipe) as a table row. One pass.
 */
function underTableRule(lines: readonly string[]): boolean[] {
  let ruled = false;
  return lines.map((line) => {
    const blank = line.trim() === '';
    const under = ruled && !blank;
    if (blank) ruled = false;
    else if (line.length <= 1024 && TABLE_RULE.test(line)) ruled = true;
    return under;
  });
}

/**
 * The line as Markdown shows it (a pull request's description, a squash merge's body, a rendered
 * changelog), when its marks decorate a key: `**Assisted-by:** qwen3-coder`, `- Assisted-by:
 * qwen3-coder`, `## Assisted-by: …`, `<b>Assisted-by:</b> …`, `<p>Assisted-by: …</p>` and
 * `[Assisted-by](https://…): …` show a declaration, and read as `Assisted-by: qwen3-coder`; a
 * table row of a key and its values reads as one such line per value cell (tableRowTexts). None
 * when the line has no such marks, and for an unticked task (`- [ ] Assisted-by: …` says it was not
 * used; fromChecklist reads task lists). Each value is read only when it is only a declaration, as
 * a key written as words.
 */
export function markdownKeyTexts(text: string): string[] {
  if (text.startsWith('|')) return tableRowTexts(text);
  const plain = markdownKeyText(text);
  return plain === null ? [] : [plain];
}

/** markdownKeyText's reading of a line that is no table row: the one `Key: value` it shows, or null. */
function markdownKeyText(text: string): string | null {
  // A mark before the words (`🤖 Co-Authored-By: …`), before a bullet or after it (`- 🤖 …`), is read past.
  // A nested list's item (`  - Assisted-by: Jules` under a ticked `- [x] This PR was … assisted using an AI
  // tool`, as pull request templates nest the tool's name) is read as that item is at the list's top.
  const nested = text.startsWith(' ') || text.startsWith('\t') ? NESTED_BULLET.exec(text) : null;
  const unindented = nested ? text.slice(nested[0].length) : text;
  let plain = unmarked(unindented);
  if (plain === text && !/^[-*+_`#<[\d]/.test(text)) return null;
  // Each pattern below is anchored on the one character it opens with: tried only where that character
  // stands (the same results), so a line of none of them (an agent's footer, `🤖 Generated with [Claude Code](…)`)
  // compiles none of the patterns it cannot match (~1 ms of an agent commit's hooks).
  plain = unmarked(plain.startsWith('#') ? plain.replace(MARKDOWN_HEADING, '') : plain);
  const bullet = opensWith(plain, BULLET_OPENS) ? MARKDOWN_BULLET.exec(plain) : null;
  if (bullet) {
    if (bullet[1] !== undefined && !/[xX]/.test(bullet[1])) return null;
    plain = unmarked(plain.slice(bullet[0].length));
  }
  // A key in a tag (`<b>Assisted-by:</b>`), else what a block tag, emphasis, code or a link's text holds.
  const tagged = plain.startsWith('<') ? HTML_KEY.exec(plain) : null;
  if (!tagged) {
    plain = withoutBlockTag(plain);
    const wrapped = opensWith(plain, EMPHASIS_OPENS) ? MARKDOWN_WRAPPED.exec(plain) : null;
    plain = wrapped ? (wrapped[2] ?? plain) : (linkText(plain) ?? plain);
  }
  const key = tagged ?? (opensWith(plain, EMPHASIS_OPENS) ? MARKDOWN_KEY.exec(plain) : null) ?? (plain.startsWith('<') ? HTML_KEY.exec(plain) : null);
  if (key && (key[3] === ':') !== (key[4] === ':')) plain = `${key[2]}: ${plain.slice(key[0].length)}`;
  const link = key || !plain.startsWith('[') ? null : LINK_KEY.exec(plain);
  if (link && (link[2] === ':') !== (link[3] === ':')) plain = `${link[1]}: ${plain.slice(link[0].length)}`;
  return plain === text ? null : plain;
}

/**
 * Whether the line at `at` is one of a paragraph of settings (`AI model: gpt-5` above `Max tokens:
 * 4096`, `AI assistant: Claude` above `Voice: calm`): another `Key: value` line of its paragraph has
 * a key detection does not read. A label written as words there (`AI model`, `AI assistant`) names
 * what an app is set to, not who wrote the commit; a key that says who (`Assisted by`, `Made with`) is read anyway.
 */
const MAX_NEIGHBOURS = 16;

function amongSettings(lines: readonly string[], at: number, trailerKey: string): boolean {
  const other = (line: string | undefined) => {
    const text = readable(line ?? '');
    const key = KEY_LINE.exec(text)?.[1] ?? WORDS_KEY_LINE.exec(text)?.[1]?.replace(/[ _]+/g, '-');
    return key !== undefined && !readerFor(key.toLowerCase(), trailerKey);
  };
  // A paragraph's nearest lines (a list of settings is short; a hostile paragraph of thousands of lines must not be read once a line).
  for (let i = at - 1; i >= 1 && i >= at - MAX_NEIGHBOURS && (lines[i] ?? '').trim() !== ''; i--) if (other(lines[i])) return true;
  for (let i = at + 1; i < lines.length && i <= at + MAX_NEIGHBOURS && (lines[i] ?? '').trim() !== ''; i++) if (other(lines[i])) return true;
  return false;
}

/** A lead line that shows an example (`for example:`, `e.g.:`, `add a tag like:`, `The format is:`, `Examples of accepted footers:`). */
const EXAMPLE_WORDS = /\b(?:for example|for instance|e\.\s?g|example|examples|such as|like|format|syntax|of the form)\b/i;

/**
 * Whether `text` is such a lead: what `/\b(?:<EXAMPLE_WORDS>)\b[^:]*:\s*$/i` reads, in one pass (that
 * pattern scanned to the line's end from each of its words: quadratic in a line of thousands of
 * them): the line ends with a colon, and one of the words stands after the colon before it.
 */
function exampleLead(text: string): boolean {
  const line = text.trimEnd();
  if (!line.endsWith(':')) return false;
  return EXAMPLE_WORDS.test(line.slice(line.lastIndexOf(':', line.length - 2) + 1, -1));
}

/** `text` without its closed HTML comments (`<!-- e.g. … -->`), each a space: one pass (a lazy `<!--.*?-->` scanned to the end from each of thousands never closed). */
function withoutComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += `${text.slice(from, open)} `;
    from = close + 3;
  }
  return out + text.slice(from);
}
/** A line that ends a sentence or a heading: what follows it is not inside that sentence. */
const SENTENCE_END = /[.!?:;)\]>*`"']\s*$/;
/** A line that looks like a signature: a trailer (`Key: value`, `Co-authored by: …`) or an agent's footer (`🤖 Generated with [Claude Code](…)`). */
function signatureLike(marked: string): boolean {
  const line = unmarked(marked);
  if (KEY_LINE.test(line) || WORDS_KEY_LINE.test(line)) return true;
  const footer = unmarked(marked, true);
  const lower = lineLower(footer);
  return signatures().bodyLines.some((body) => mayMatchLine(body, lower) && body.pattern.test(footer));
}

/**
 * Whether the signature-looking line at `at` of `lines` (the subject first) is a person's example,
 * not a declaration: one of a run of such lines right after a lead line that shows an example (one
 * blank line between at most: `pair, for example:` above `Assisted-by: GitHub Copilot:claude-sonnet-4.6`,
 * as the commits teaching checkpatch the kernel's tag quote it; `Do not add footers such as:` above
 * Claude Code's footer), or a line inside a sentence (the line before it, in its paragraph, ends no
 * sentence and the line after it goes on in lower case: `The fixture messages end with` /
 * `Co-Authored-By: …` / `and are parsed`). A lead that shows no example (`AI disclosure:`), a squash
 * merge's co-authors and git's trailer block are read as before. `inSentence`: whether a line inside a
 * sentence counts (not for footers, which wrap inside their own sentence). Made once per message's lines.
 */
function exampleTest(lines: readonly string[]): (at: number, inSentence?: boolean) => boolean {
  // Each line's text, signature test and run lead made once: a message of thousands of trailer lines is read in linear time.
  const texts: (string | undefined)[] = [];
  const signs: (boolean | undefined)[] = [];
  const scans: (number | undefined)[] = [];
  // Each line as a person sees it, up to MAX_LINE characters as the readers read it (cut at 4,096 before dropping
  // anything, 5,000 zero-width characters before a sentence's stop made it go on over the declaration under it).
  const text = (i: number) => (texts[i] ??= readable((lines[i] ?? '').replace(/\r$/, ''), MAX_LINE).trim());
  const sign = (i: number) => (signs[i] ??= signatureLike(text(i)));
  /** From `from` back over the run of signature-looking lines: the first index that is none (blank, prose, or below 1). */
  const scan = (from: number) => {
    const seen: number[] = [];
    let i = from;
    while (i >= 1 && text(i) !== '' && sign(i)) {
      const known = scans[i];
      if (known !== undefined) {
        i = known;
        break;
      }
      seen.push(i);
      i -= 1;
    }
    for (const j of seen) scans[j] = i;
    return i;
  };
  return (at, inSentence = true) => {
    if (at < 1) return false;
    let lead = scan(at - 1);
    if (lead >= 2 && text(lead) === '' && text(lead - 1) !== '' && !sign(lead - 1)) lead -= 1;
    // An example named in a template's note (`AI tools used (e.g. Copilot, Claude):`, `<!-- e.g. … -->`) is the template's, not the line's.
    if (lead >= 1 && exampleLead(withoutComments(text(lead)).replace(/\([^()]*\)/g, ' '))) return true;
    const before = text(at - 1);
    const after = text(at + 1);
    if (!inSentence || at < 2 || before === '' || sign(at - 1) || SENTENCE_END.test(before)) return false;
    // The sentence goes on in lower case below the line, or the line itself goes on past its address with
    // a comma and ends no sentence, the next line going on with it (`… Paperclip's` / `Co-Authored-By:
    // Paperclip <noreply@paperclip.ing>, oh-my-openagent 5's` / `'Ultraworked with …' and …`).
    if (/^[a-z]/.test(after) && !sign(at + 1)) return true;
    const own = text(at);
    return after !== '' && />\s*,\s*\S/.test(own) && !SENTENCE_END.test(own);
  };
}

/**
 * Trailer-looking lines that are not in the message's trailer block (git does not read them as
 * trailers: the subject line, a prose line in the last paragraph, a squash merge's PR template
 * above the co-authors), outside code fences (bodyLines): what they clearly name counts, as evidence but
 * never as a declaration; a value that names nothing is ignored here, and a subject counts only when
 * its value is only a declaration (onlyDeclares).
 */
function fromBodyTrailerLines(signals: CommitSignals, trailerKey: string, aliases: Record<string, string>, budget: Budget): Attribution[] {
  // A line of the trailer block itself (read there, with its continuation lines unfolded as git does).
  const block = new Set(signals.trailers.map((trailer) => `${trailer.key.toLowerCase()}\u0000${trailer.value}`));
  const inBlock = (key: string, value: string) => block.has(`${key.toLowerCase()}\u0000${value}`);
  const result: Attribution[] = [];
  // The subject too: a message that is only a trailer (`git commit --allow-empty-message --trailer …`,
  // or a message git re-encoded from a bogus `encoding` header) shows it as its subject line.
  // A `fixup!`/`squash!`/`amend!` subject names the subject of the commit it folds into (`rebase
  // --autosquash`): `fixup! Assisted-by: qwen-code:qwen/qwen3-coder` is read as that subject is.
  const lines = [signals.subject.replace(AUTOSQUASH, ''), ...bodyLines(signals.message)];
  const screens = (at: number) => (at === 0 ? screenTexts(lines[0] ?? '') : bodyScreens(signals.message, at - 1));
  const shownAsExample = exampleTest(lines);
  let tableRows: boolean[] | undefined;
  let quotedLists: boolean[] | undefined;
  for (const [at, line] of lines.entries()) {
    // Whether the line is a person's example (README row 136), asked only of a key line, once.
    let example: boolean | undefined;
    // Each text, and after it the text as Markdown shows it when its marks decorate a key (markdownKeyText),
    // or, under a table's delimiter row, when it is a row written without its leading pipe.
    const texts = keyLineTexts(lines, at, screens).flatMap((shown): [string, boolean][] => {
      const row = !shown.startsWith('|') && shown.includes('|') && (tableRows ??= underTableRule(lines))[at] === true;
      const rowTexts = row ? tableRowTexts(`|${shown}`) : [];
      const plain = rowTexts.length > 0 ? rowTexts : markdownKeyTexts(shown);
      return [[shown, false], ...plain.map((each): [string, boolean] => [each, true])];
    });
    for (const [text, decorated] of texts) {
      // A key written as words (`Assisted by:`, `Assisted_by:`, `Co-authored by:`) is that key when its value is only a declaration.
      const words = KEY_LINE.test(text) ? null : WORDS_KEY_LINE.exec(text);
      const keyed = words ? ([words[0], (words[1] ?? '').replace(/[ _]+/g, '-'), words[2]] as const) : KEY_LINE.exec(text);
      const match = keyed ? ([keyed[0], keyed[1], (keyed[2] ?? '').trimEnd()] as const) : null;
      if (!match || inBlock(match[1] ?? '', match[2] ?? '')) continue;
      if (at > 0 && (example ??= shownAsExample(at))) break;
      // An item of a list that quotes an agent's footer as an item of its own is a quotation (README row 638).
      if (at > 0 && (quotedLists ??= footerQuotingLists(lines))[at] === true) break;
      // A yes/no key answered on a body line is read whatever words follow the answer; its "yes" names AI even when nothing else is named.
      const answered = at > 0 && flagAnswer(match[1] ?? '', match[2] ?? '');
      if ((at === 0 || words || decorated) && !answered && !onlyDeclares(match[2] ?? '')) continue;
      if (words && !/-(?:by|with)$/i.test(match[1] ?? '') && amongSettings(lines, at, trailerKey)) continue;
      const reader = readerFor((match[1] ?? '').toLowerCase(), trailerKey);
      if (!reader) continue;
      const read = reader.read(match[2] ?? '', aliases, budget).filter((m) => answered || m.agent !== 'unknown' || m.model !== 'unknown' || m.unread);
      for (const mention of read) result.push(withUnread(found(mention.agent, mention.model, `message line ${quote(line)}`), mention));
    }
  }
  return result;
}

/** A list item (`- `, `* `, `+ `, `1. `), at the list's top or nested under another item (up to six spaces or tabs). */
const LIST_ITEM = /^[ \t]{0,6}(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/**
 * For each line, whether it is an item of a list that quotes an agent's footer as an item of its own
 * (`- \`Generated with [Claude Code](…)\`` beside `- \`Co-Authored-By: Claude <noreply@anthropic.com>\``
 * under `## What NOT to Include:`; `  * 🤖 Generated with [Claude Code](…)` beside
 * `  *  Co-authored-by: Qwen-Coder <…>` under a rule that forbids them, in any language). An agent writes its
 * footer as a paragraph of its own, never as a list item: a list holding one quotes it, and the
 * signatures its other items show are quoted with it (a style guide's or a policy's list, no one's
 * co-author). A list is a run of item lines with no blank or other line between them; a task list's
 * ticked tool (`  - Assisted-by: Jules` under `- [x] … assisted using an AI tool`) holds no footer and is
 * read as before. Only an item shown as a quotation is taken for one (README row 648): its text in a
 * code span, quotation marks or a strikethrough (`- ❌ \`Co-Authored-By: …\``), after a cross (`- ❌ Co-Authored-By: …`,
 * row 657), or an item nested under an item of prose (the rule it illustrates); a plain top-level `- Co-Authored-By: Claude <…>` or
 * `- Assisted-by: qwen-code:qwen/qwen3-coder` beside a decoy footer item is read, as a person reads it.
 * One pass over the lines, asked only when a body line shows a key.
 */
function footerQuotingLists(lines: readonly string[]): boolean[] {
  const quoted = new Array<boolean>(lines.length).fill(false);
  // Per line of the open list: whether the item is shown as a quotation (wrapped, or under an item of prose).
  const shown = new Array<boolean>(lines.length).fill(false);
  let start = -1;
  let holdsFooter = false;
  // The open list's items the current one may be nested under (where each one's text starts): whether each is an item of prose (no footer, no key).
  const parents: { content: number; prose: boolean }[] = [];
  const close = (end: number) => {
    if (start >= 0 && holdsFooter) for (let at = start; at < end; at++) quoted[at] = shown[at] === true;
    start = -1;
    holdsFooter = false;
    parents.length = 0;
  };
  for (let at = 1; at <= lines.length; at++) {
    const line = at < lines.length ? readable((lines[at] ?? '').replace(/\r$/, ''), MAX_LINE) : '';
    const item = LIST_ITEM.exec(line);
    if (!item) {
      close(at);
      continue;
    }
    if (start < 0) start = at;
    const text = line.slice(item[0].length);
    // Nested, as Markdown reads it, when indented to the text of an item above (`  * ` under `* `; one space is a sibling),
    // in columns, a tab to the next multiple of four (`\t* ` under `* ` is nested; `  - ` under `-\tfix` is a sibling: README row 658).
    const { indent, content } = itemColumns(item[0]);
    while (parents.length > 0 && parents[parents.length - 1]!.content > indent) parents.pop();
    const footer = footerItem(text);
    if (footer) holdsFooter = true;
    const parent = parents[parents.length - 1];
    shown[at] = (parent !== undefined && parent.prose) || wrappedItem(text) || crossedItem(text);
    const bare = unmarked(text.trim());
    parents.push({ content, prose: !footer && bare !== '' && !KEY_LINE.test(bare) && !WORDS_KEY_LINE.test(bare) });
  }
  return quoted;
}

/**
 * A list item's bullet (LIST_ITEM's match) in columns, as CommonMark counts them: a tab to the next multiple of
 * four. `indent`: where the bullet starts; `content`: where the item's text starts, one column past the bullet
 * when five or more follow it (the text is then an indented code block).
 */
function itemColumns(bullet: string): { indent: number; content: number } {
  let column = 0;
  let indent = -1;
  let marker = -1;
  for (const char of bullet) {
    if (char === ' ' || char === '\t') {
      if (indent >= 0 && marker < 0) marker = column;
      column = char === '\t' ? column + 4 - (column % 4) : column + 1;
    } else {
      if (indent < 0) indent = column;
      column += 1;
    }
  }
  if (indent < 0) indent = 0;
  if (marker < 0) marker = column;
  return { indent, content: column - marker >= 5 ? marker + 1 : column };
}

/** Whether a list item's text, past marks before it (`❌`), is wrapped whole in a code span, quotation marks or a strikethrough. */
function wrappedItem(text: string): boolean {
  const bare = unmarked(text.trim());
  if (bare.length >= 4 && bare.startsWith('~~') && bare.endsWith('~~')) return true;
  if (bare.length < 2) return false;
  const first = bare[0]!;
  const last = bare[bare.length - 1]!;
  if (first === '`' && last === '`') return true;
  const open = QUOTE_OPENS.indexOf(first);
  return open >= 0 && QUOTE_CLOSES[open] === last;
}

/** A cross or a no-entry sign (❌ ❎ ✖ ✗ ✘ 🚫 ⛔): what a rule list marks a line it forbids with. */
const CROSS_MARK = /[\u274C\u274E\u2716\u2717\u2718\u26D4\u{1F6AB}]/u;

/**
 * Whether a list item's text opens with marks holding a cross (`- ❌ Co-Authored-By: Claude <…>` under
 * `### Prohibited Patterns`, beside `- ❌ 🤖 Generated with [Claude Code]`): a line the list forbids, shown
 * as a quotation as a code span shows one (README row 657). No agent marks its own footer or co-author so.
 */
function crossedItem(text: string): boolean {
  const bare = text.trim();
  const mark = bare.length > 0 && bare.charCodeAt(0) > 0x7f ? leadingMark(bare) : null;
  return mark !== null && CROSS_MARK.test(mark);
}

/** Quotation marks around a list item's text (footerItem). */
const QUOTE_OPENS = '"\'\u201c';
const QUOTE_CLOSES = '"\'\u201d';

/** Whether a list item's text, without the code span or quotation marks around it, is an agent's footer (a body line signature), not a `Key: value` line. */
function footerItem(text: string): boolean {
  // Marks before it (`❌`, `🚫`) read past, then a code span, a strikethrough or quotation marks around it (`~~\`…\`~~`, `"…"`).
  // By hand, not by a pattern anchored at the end (a run of thousands of spaces or backticks made one quadratic).
  let bare = unmarked(text.trim());
  if (bare.startsWith('~~')) bare = bare.slice(2);
  if (bare.endsWith('~~')) bare = bare.slice(0, -2);
  let from = 0;
  let to = bare.length;
  while (from < to && bare[from] === '`') from += 1;
  while (to > from && bare[to - 1] === '`') to -= 1;
  if (from === 0 && to === bare.length && to - from >= 2 && QUOTE_OPENS.includes(bare[0]!) && QUOTE_CLOSES.includes(bare[to - 1]!)) {
    from = 1;
    to -= 1;
  }
  const inner = bare.slice(from, to).trim();
  const line = unmarked(inner);
  if (line === '' || KEY_LINE.test(line) || WORDS_KEY_LINE.test(line)) return false;
  const footer = unmarked(inner, true);
  const lower = lineLower(footer);
  return signatures().bodyLines.some((body) => mayMatchLine(body, lower) && body.pattern.test(footer));
}

/**
 * A yes/no key answered on a body line (`- AI usage disclosure: YES - code written with Fable 5, manually
 * reviewed by me`, `NO`: llama.cpp's pull request template, kept by a squash merge; `- AI-Assisted: YES,
 * automation of the tests`): a declaration whatever words the answer goes on with, where another key's
 * value must be only names. The answer opens the value and ends there or at a mark (`YES -`, `YES.`,
 * `YES,`, `Yes (Claude)`), so a subject-like `ai-assisted: yes/no flag support` is no answer.
 */
const FLAG_ANSWER = /^(?:yes|no)(?:[ \t]*$|[ \t]*[-\u2013\u2014.,;:(])/i;

function flagAnswer(key: string, value: string): boolean {
  return signatures().declaredFlagKeys.has(key.toLowerCase().replace(/[^a-z0-9]+$/, '')) && FLAG_ANSWER.test(value.trim());
}

/** A break only a screen shows (CR, VT, FF, NEL, U+2028, U+2029): git reads one line, a person sees two. */
const SCREEN_BREAK = /[\r\v\f\x85\u2028\u2029]+/;

/**
 * The texts the line at `at` shows as a `Key: value` line may be: the line itself; with the
 * indented lines that follow it unfolded into its value, as git unfolds a trailer's continuation
 * lines (`Assisted-by: claude-opus-4.6,` over `  qwen3-coder`), and each such line that is a key
 * line itself; and each part after a break only a
 * screen shows (`Reviewed-by: Bob\vAssisted-by: qwen3-coder` shows a line of its own). Each read
 * up to MAX_LINE characters.
 */
function keyLineTexts(lines: readonly string[], at: number, screens: (at: number) => readonly string[]): string[] {
  const line = lines[at] ?? '';
  // The line as a person sees it, and each part after a screen's break (screenTexts); the parts go last.
  const [shown = '', ...parts] = screens(at);
  const texts = [shown];
  let end = at + 1;
  while (end < lines.length && /^[ \t]+\S/.test(lines[end] ?? '') && end - at <= MAX_CONTINUATION) end++;
  // Continuation lines join a line git reads as a trailer (`Token:`, the token of letters, digits and `-`), as git unfolds them.
  if (end > at + 1 && (findSeparator(line, 0) >= 1 || KEY_LINE.test(readable(line.slice(0, 200))))) {
    texts.push(readable(lines.slice(at, end).join('\n').replace(/\n[ \t\n\r]*/g, ' '), MAX_LINE));
    // A continuation line that is itself `Key: value` shows as a line of its own (`Reviewed-by: Bob <…>`
    // over ` Assisted-by: qwen3-coder`: git folds it into Bob's value, a person reads a declaration).
    for (let next = at + 1; next < end; next++) texts.push(readable((lines[next] ?? '').trim(), MAX_LINE));
  }
  // One at a time: a line of 150,000 carriage returns (a pasted progress log) spread as many arguments overflowed the stack (row 1146).
  for (const part of parts) texts.push(part);
  return texts;
}

/** Continuation lines unfolded into one body line's value. */
const MAX_CONTINUATION = 64;

function withUnread(attribution: Attribution, mention: { unread?: true }): Attribution {
  if (mention.unread) attribution.unread = true;
  return attribution;
}


/**
 * Text as pastLimits compares it with the readers' texts: lower case, terminal sequences dropped, and
 * each run of spaces, tabs, underscores, hyphens and control characters (which reading takes as a
 * space) one hyphen. The readers take `Assisted_by:`, `AI model:`, `Made  with:`, `Assisted\x07by:` and
 * `Assis\x1b[0mted-by:` as the keys they spell; a text compared raw missed each of them.
 */
function keyForm(text: string): string {
  return text.toLowerCase().replace(CSI, '').replace(/[\x00-\x09\x0b-\x1f\x7f _-]+/g, '-');
}

let MESSAGE_TEXTS: readonly string[] | undefined;
/** The shims' message texts (every key, footer and signature text), in keyForm. */
const messageTexts = (): readonly string[] => (MESSAGE_TEXTS ??= (FAST_PATH_TEXTS.message as string[]).map(keyForm));

/**
 * A message longer than MAX_BODY_LINES lines (or a line of it longer than MAX_LINE) whose unread
 * part may declare something: it holds a text one of detection's readings needs (the shims' list:
 * every key, footer and signature text), the configured key (each compared in keyForm, as the
 * readers spell them), or any character past ASCII (which may read as those). A line longer than
 * MAX_LINE whose read part holds such a text (as a person sees it) may be a declaration whose value
 * goes on past the cut (`Assisted-by: x, x, …, qwen-code:qwen/qwen3-coder`, a table row of 30,000
 * cells): unread too. Then the commit is `unread` (refused by check); 40,000 lines of a tool's own
 * `X: …` lines are not.
 */
function pastLimits(message: string, trailerKey: string): Attribution[] {
  const key = keyForm(trailerKey);
  const names = (form: string) => form.includes(key) || messageTexts().some((text) => form.includes(text));
  let lines = 0;
  let start = 0;
  for (let end = message.indexOf('\n'); ; end = message.indexOf('\n', start)) {
    const stop = end === -1 ? message.length : end;
    const longLine = stop - start > MAX_LINE;
    if (longLine || (lines > MAX_BODY_LINES && message.slice(start, stop).trim() !== '')) {
      const tail = message.slice(longLine ? start + MAX_LINE : start);
      const mayDeclare = /[^\x00-\x7f]/.test(tail) || namesInPieces(tail, names, Math.max(key.length, ...messageTexts().map((text) => text.length))) || (longLine && names(keyForm(readable(message.slice(start, stop), MAX_LINE))));
      return mayDeclare ? [{ ...found('unknown', 'unknown', `a message past ${MAX_BODY_LINES} lines or a line past ${MAX_LINE} characters`, true), unread: true }] : [];
    }
    if (end === -1) return [];
    lines += 1;
    start = end + 1;
  }
}

/**
 * Characters of an unread tail put in keyForm at once (namesInPieces), exported for the differential
 * test. 64 KiB, not 1 MiB (row 1162): each 1 MiB piece's global replace of ~200,000 runs grew V8's
 * heap by ~15 MB that the next piece grew again, so a 15 MiB message took `log` ~230 MB resident and
 * 4 s in this step; 64 KiB pieces stay in the young generation (measured: 263 -> 93 MB, 4.3 -> 1.3 s).
 */
export const PIECE = 1 << 16;
const CSI_AT = new RegExp(CSI.source, 'y');

/**
 * `names(keyForm(tail))` for an ASCII tail, a piece of about PIECE characters at a time: the
 * whole tail of a 15 MiB message in keyForm took ~300 MB of heap (row 1117). Exact: a piece ends
 * where no terminal sequence goes on (past the sequence that starts at the piece's last escape,
 * if it reaches further), so each piece drops the sequences the whole would; a run of spaces and
 * the like split between two pieces is one hyphen (the second piece's first dropped); ASCII lower
 * case is one character for one; a text is looked for in each piece with the `longest - 1`
 * characters before it. A tail past ASCII is put in keyForm whole (the caller never passes one).
 */
function namesInPieces(tail: string, names: (form: string) => boolean, longest: number): boolean {
  if (tail.length <= PIECE || /[^\x00-\x7f]/.test(tail)) return names(keyForm(tail));
  let carry = '';
  for (let start = 0; start < tail.length; ) {
    let stop = Math.min(start + PIECE, tail.length);
    // The piece's last escape, looked for within the piece: `tail.lastIndexOf(…, stop - 1)` read back to the
    // tail's start when the piece held none, each piece again (quadratic in the tail).
    const inPiece = tail.slice(start, stop).lastIndexOf('\x1b');
    const escape = inPiece === -1 ? -1 : start + inPiece;
    if (escape >= start) {
      CSI_AT.lastIndex = escape;
      if (CSI_AT.test(tail) && CSI_AT.lastIndex > stop) stop = CSI_AT.lastIndex;
    }
    const form = keyForm(tail.slice(start, stop));
    const piece = carry.endsWith('-') && form.startsWith('-') ? form.slice(1) : form;
    if (names(carry + piece.slice(0, longest)) || names(piece)) return true;
    const keep = Math.max(longest - 1, 1);
    carry = piece.length >= keep ? piece.slice(-keep) : (carry + piece).slice(-keep);
    start = stop;
  }
  return false;
}

/**
 * The author's identity (never the committer's: applying a commit is not writing it): an agent's
 * own, an agent named at a no-reply address, as on a co-author line (agentAtNoReply), or at `localhost`
 * under its own name (agentAtMachine), or a name that
 * is a model's own at any address (modelNamedAuthor).
 */
function fromAuthor(signals: CommitSignals, aliases: Record<string, string>, budget: Budget = newBudget()): Attribution[] {
  // As a person sees it, up to MAX_WHOLE characters as a co-author line is read (readCoAuthor): cut at
  // 4,096 before dropping anything, 5,000 zero-width characters hid Qwen Code's address. Longer: unread.
  // Its spaces read as one, as on a co-author line (a scan's clause pattern is quadratic in a run of them).
  const author = { name: readable(signals.author.name, MAX_WHOLE).replace(/\s+/g, ' ').trim(), email: readable(signals.author.email, MAX_WHOLE).trim() };
  const evidence = `author ${showIdentity(signals.author)}`;
  const unread = signals.author.name.length > MAX_WHOLE || signals.author.email.length > MAX_WHOLE ? [{ ...found('unknown', 'unknown', evidence, true), unread: true as const }] : [];
  // `Gemini 3.6 Flash via Antigravity`: the agent named after `via` ran the model, as on a co-author line.
  const { match, via } = identityVia(author, aliases, 'author');
  // An agent's own identity whose name goes on to another model (`Claude Opus 4.6, qwen3-coder <noreply@anthropic.com>`): that model too, as on a co-author line.
  if (match) return [...[match, ...literalBase(match), ...otherNamedVendors(author.name, match)].map((m) => found(m.agent, m.model, evidence)), ...beyondIdentity(author.name, match.model, aliases, budget).map((m) => found(m.agent, m.model, evidence)), ...unread];
  // …or at the machine it runs on, its name the mailbox (`Claude <claude@localhost>`).
  const atNoReply = [...agentAtNoReply(author, aliases, budget), ...agentAtMachine(author, aliases, budget)];
  if (atNoReply.length === 0 && via) return [found(via.agent, via.model, evidence), ...unread];
  // `Qwen3-Coder <qwen3-coder@example.com>`: a name that is a model's own, at any address, as on a co-author line.
  const named = atNoReply.length === 0 ? modelNamedAuthor(author.name, aliases) : [];
  return [...atNoReply.map((m) => found(m.agent, m.model, evidence)), ...named.map((m) => found(m.agent, m.model, evidence)), ...unread];
}

/** The subject and body-line signatures; each checked for its texts first (mayMatchLine), exported for the differential test. */
export function fromText(signals: Pick<CommitSignals, 'subject' | 'message'>, checkTexts = true): Attribution[] {
  const sig = signatures();
  const result: Attribution[] = [];
  // Each line as a person sees it (readable), up to MAX_LINE characters as the key lines are (keyLineTexts):
  // cut at 4,096 before dropping anything, 4,100 zero-width characters hid what followed them. And each
  // part after a break only a screen shows (`Fix parser\raider: fix parser` shows `aider: fix parser`), as keyLineTexts reads them.
  for (const subjectText of screenTexts(signals.subject)) {
    const subjectLower = lineLower(subjectText);
    for (const subject of sig.subjects) {
      if ((!checkTexts || mayMatchLine(subject, subjectLower)) && subject.pattern.test(subjectText)) result.push(found(subject.agent, subject.defaultModel ?? 'unknown', `subject ${quote(signals.subject)}`));
    }
  }
  // The last line that was not blank: a signature's `after` (Codex's bare task link follows its `------` rule).
  let previous = '';
  const lines = [signals.subject, ...bodyLines(signals.message)];
  const shownAsExample = exampleTest(lines);
  for (const [at, line] of lines.entries()) {
    if (at === 0) continue;
    const hits: Attribution[] = [];
    for (const shown of bodyScreens(signals.message, at - 1)) {
      // A mark before a footer's words (`✨ Generated with Claude Code`, the robot as mojibake) is read past, and
      // one space before them (where a paste dropped the robot and kept its space: ` Generated with [Gemini CLI](…)`).
      // Two or more are a quotation's indent in a plain-text message (`  🤖 Generated with …` under `Remove the footer
      // our script added:`), and four a code block: no one's footer (README row 649).
      const text = unmarked(shown.replace(/^ (?=\S)/, ''), true);
      const lower = lineLower(text);
      let matched = false;
      for (const body of sig.bodyLines) {
        if (body.agent === NAMED && matched) continue;
        if ((checkTexts && !mayMatchLine(body, lower)) || (body.after && !body.after.test(previous))) continue;
        if (body.agent === NAMED) {
          for (const hit of namedBy(body.pattern.exec(text)?.groups?.name, line, text)) hits.push(hit);
        } else {
          const match = body.pattern.exec(text);
          if (match === null) continue;
          hits.push(found(body.agent, lineModel(match.groups?.model, body), `message line ${quote(line)}`));
          matched = true;
        }
      }
      if (shown.trim() !== '') previous = shown;
    }
    // A footer a person shows as an example (`Do not add footers such as:` above it) is no one's signature; a footer
    // wrapped inside its own sentence (Jules's `*PR created automatically by Jules for task` / `[id](…)` / `started by @…*`) is.
    if (hits.length > 0 && !shownAsExample(at, false)) for (const hit of hits) result.push(hit);
  }
  return result;
}

/**
 * A body line's model: what its `model` group names, read as a model of its agent (Claude Code's pull
 * request footer `Generated with [Claude Code](…) (93% 3-shotted by claude-opus-4-6)`), else the
 * signature's default; a group that names no model (a codename masked as `cap*****-v2-fast`) is unknown.
 */
function lineModel(named: string | undefined, body: LineSignature): string {
  const model = named === undefined ? null : canonicalModel(named, {}, { agent: body.agent, isModel: true });
  // A model the catalog does not know, named by its vendor's family (`(qwen-foo-latest)`): that vendor's (row 1140).
  const vendor = model === null && named !== undefined ? unknownModelVendor(named, body.agent) : null;
  return model ?? (vendor ? `${vendor}/unknown` : null) ?? body.defaultModel ?? 'unknown';
}

/**
 * A line as a person sees it (readable, up to MAX_LINE characters), then each part after a break only
 * a screen shows (SCREEN_BREAK: a terminal shows it as a line of its own, a carriage return over what came before).
 */
function screenTexts(line: string): string[] {
  const bare = line.replace(/\r$/, '');
  const texts = [readable(bare, MAX_LINE)];
  if (SCREEN_BREAK.test(bare)) for (const part of bare.split(SCREEN_BREAK).slice(1)) texts.push(readable(part, MAX_LINE));
  return texts;
}

/** A Markdown task list item (`- [x] Claude Code`, `* [ ] Cursor`, `1. [X] …`): its mark and its text. */
const TASK_ITEM = /^\s{0,6}(?:[-*+]|\d{1,3}[.)])\s+\[([ xX])\]\s+(.*)$/;
/** A line that asks which AI was used (`## AI Assistance`, `Which AI tools did you use?`, `**AI tools used:**`, `LLM Involvement`). */
const AI_QUESTION = /\b(?:ai|llms?|genai|generative|artificial intelligence)\b/i;
const USE_WORDS = /\b(?:use[ds]?|usage|using|assist(?:ed|ance)?|disclos\w*|generat\w*|involve\w*|help(?:ed)?|wr[io]te|written|tools?)\b/i;
/** A list of what was tested, supported or reviewed (`AI integrations tested`, `Supported AI clients`, `AI tools used for review`): no one's writing. */
const NOT_USE_WORDS = /\b(?:test(?:s|ed|ing)?|support(?:s|ed)?|compat\w*|integrations?|clients?|works? with|verif\w*|install\w*|setup|set up|providers?|review\w*)\b/i;

/**
 * A pull request template's AI checklist with a tool ticked (a squash merge keeps the description
 * as the body): `- [x] Claude Code` (`- [X] Cursor (Claude Sonnet 4.5)`) in a task list whose lead
 * line asks which AI was used (`## AI Assistance`, `Which AI tools did you use?`, `**AI tools used:**`,
 * blank lines and HTML comments skipped); the item's text only a declaration (onlyDeclares: names
 * of agents, models, vendors). An unticked item, a list of what was tested or supported (`## Tested
 * with`, `AI integrations tested`) and a task that only names an agent (`Claude Code installed`) are
 * no one's use of AI.
 */
function fromChecklist(signals: CommitSignals, aliases: Record<string, string>, budget: Budget): Attribution[] {
  const result: Attribution[] = [];
  // Whether the nearest line above that is no item, blank or HTML comment asks which AI was used (one pass: a list of thousands of items reads its lead once).
  let asked = false;
  const lines = bodyLines(signals.message);
  const closes = commentEnds(lines);
  for (let at = 0; at < lines.length; at++) {
    // An HTML comment of several lines (a template's instructions, unseen where the description is rendered) is skipped whole, as a one-line one is; one never closed hides nothing.
    const end = OPENS_COMMENT.test(lines[at] ?? '') ? (closes[at + 1] ?? -1) : -1;
    if (end >= 0) {
      at = end;
      continue;
    }
    // As a person sees it, up to MAX_LINE characters (as fromText reads a line), each part after a break only a screen
    // shows a line of its own (`## AI assistance\r- [x] Qwen3-Coder`); trimmed, so TASK_ITEM's text ends at the line's end.
    // The parts after the first are the line's screenTexts, read once for fromText and the key lines too (bodyScreens).
    const bare = (lines[at] ?? '').replace(/\r$/, '');
    const screens = bodyScreens(signals.message, at);
    const first = bare.search(SCREEN_BREAK);
    for (let part = 0; part < screens.length; part++) {
      const line = (part === 0 && first >= 0 ? readable(bare.slice(0, first), MAX_LINE) : (screens[part] ?? '')).trimEnd();
      const item = TASK_ITEM.exec(line);
      if (!item) {
        const lead = line.trim();
        if (lead !== '' && !TASK_ITEM.test(lead) && !/^<!--.*-->$/.test(lead)) asked = AI_QUESTION.test(lead) && USE_WORDS.test(lead) && !NOT_USE_WORDS.test(lead);
        continue;
      }
      if (item[1] === ' ' || !asked) continue;
      // Its spaces read as one, as a declared value's are (a scan's clause pattern is quadratic in a run of them).
      const text = (item[2] ?? '').replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').replace(/[.!]$/, '').trim();
      if (text === '' || !onlyDeclares(text)) continue;
      for (const { agent, model } of mentions(text, 'declared', aliases, budget)) {
        if (agent !== 'unknown' || model !== 'unknown') result.push(found(agent, model, `message line ${quote(line)}`));
      }
    }
  }
  return result;
}

/** A line that opens an HTML comment it does not close (`<!--`, `<!-- Tick the tools you used.`). */
const OPENS_COMMENT = /^\s*<!--(?![^]*-->)/;

/** For each line, the first line from it on that closes an HTML comment (`-->`), or -1: one pass from the end. */
function commentEnds(lines: readonly string[]): number[] {
  const ends = new Array<number>(lines.length + 1).fill(-1);
  for (let at = lines.length - 1; at >= 0; at--) ends[at] = (lines[at] ?? '').includes('-->') ? at : (ends[at + 1] ?? -1);
  return ends;
}

/** A body line signature whose `name` group names the agent (signatures.json: agent `*`, after every other). */
const NAMED = '*';

/**
 * What a footer's link text names (`Generated with [GitHub Copilot](…)`, `[Gemini CLI]`, `[Kimi]`):
 * an agent, a model or a vendor (read as footerTrust says); nothing when it names none
 * (`[Sphinx]`, a tool that is no AI).
 */
function namedBy(name: string | undefined, line: string, text: string): Attribution[] {
  if (name === undefined) return [];
  // A vendor alone counts only as the whole name (`[Kimi]`), not as a product's first word (`[Google Sheets]`, `[LlamaIndex]`).
  const vendorOnly = signatures().vendorWords.has(name.trim().toLowerCase());
  return mentions(name, footerTrust(name, text))
    .filter((m) => m.agent !== 'unknown' || (m.model !== 'unknown' && (vendorOnly || !m.model.endsWith('/unknown'))))
    .map((m) => found(m.agent, m.model, `message line ${quote(line)}`));
}

/**
 * How a footer's name is read: as a declared value's words under the agent footer's 🤖 (or `[AI]`), or when the
 * link's host is one of the name's agents' own words (`[Amp](https://ampcode.com/…)`, `[Zed](https://zed.dev)`),
 * the name's vendor's (`[Kimi](https://kimi.ai)`), or such a word under its vendor's domain
 * (`[Gemini](https://gemini.google.com)`);
 * otherwise as a name on a co-author line is, so an agent word that is also a person's or another
 * tool's name names no agent alone (`Generated with goose create`, `[Droid Sans](https://fonts.google.com/…)`,
 * `OWASP Zed Attack Proxy`), while `Cursor`, `Claude Code` and models still do.
 */
function footerTrust(name: string, text: string): 'declared' | 'named' {
  // `[AI]` stands for the 🤖 where a project keeps its messages ASCII (`[AI] Generated with [Claude Code](…)`).
  if (/^\s*(?:\u{1F916}|\[AI\])/iu.test(text)) return 'declared';
  // A name in brackets that ends the line, no link after it (Devin's CLI writes `Generated with [Devin]`): the footer's own product name.
  if (/\]\s*$/.test(text) && !text.includes('](')) return 'declared';
  const host = /\]\(https?:\/\/([^\s/()?#:]+)/i.exec(text)?.[1]?.toLowerCase().split('.');
  const label = host && host.length > 1 ? host[host.length - 2] : undefined;
  if (host === undefined || label === undefined) return 'named';
  const sig = signatures();
  // The link's own labels: the domain's (`ampcode.com`, `kimi.ai`), and a subdomain's of a vendor's
  // domain (`gemini.google.com`); a subdomain of anyone else's (`gemini.readthedocs.io`) is not the product's.
  const labels = sig.vendorWords.has(label) && host.length > 2 ? [label, host[host.length - 3]!] : [label];
  const named = mentions(name, 'declared');
  return labels.some((own) => {
    const agent = sig.agentNames.get(own);
    const vendor = sig.vendorWords.get(own);
    return named.some((m) => (agent !== undefined && m.agent === agent) || (vendor !== undefined && m.model.startsWith(`${vendor}/`)));
  })
    ? 'declared'
    : 'named';
}

/**
 * What the commits a `git merge --squash` message quotes declared (squashedMessages): each quoted
 * message read as that commit's own (its trailer block, its trailer-looking lines, its subject and
 * footer signatures) and its `Author:` header as its author (a bot identity is often an agent's only
 * signal), since the squash commit brings their lines. The shims' fast path starts node for any
 * message holding git's squash line (messageTexts in src/install/fast-path-signals.ts).
 */
function fromSquashed(signals: CommitSignals, trailerKey: string, aliases: Record<string, string>, budget: Budget): Attribution[] {
  const none = { name: '', email: '' };
  return squashedMessages(signals.message).flatMap(({ sha, author, message }) => {
    const quoted: CommitSignals = { subject: subjectLine(message), message, trailers: parseCommitTrailers(message), author: author ?? none, committer: none };
    const read = [...fromTrailers(quoted, trailerKey, aliases, budget), ...fromBodyTrailerLines(quoted, trailerKey, aliases, budget), ...fromText(quoted), ...fromAuthor(quoted, aliases, budget)];
    return read.map((attribution) => ({ ...attribution, evidence: attribution.evidence.map((why) => `squashed commit ${sha.slice(0, 12)}: ${why}`) }));
  });
}

/**
 * What the signed tags a merge embeds in its `mergetag` headers declared (row 920): `git merge
 * <signed tag>` keeps the tag whole in the merge commit, and its message is what the tagger signed of
 * the history merged (a kernel pull's tag). Its message is read as a quoted squashed commit's is
 * (trailer block, trailer-looking lines, footers), so a merge whose own message leaves it out
 * (`git merge -m`) brings a tag that says `Assisted-by: qwen-code:qwen/qwen3-coder` judged all the
 * same, as a pushed tag's message is (row 823).
 */
function fromMergeTags(signals: CommitSignals, trailerKey: string, aliases: Record<string, string>, budget: Budget): Attribution[] {
  const none = { name: '', email: '' };
  return (signals.mergeTags ?? []).flatMap((message) => {
    const quoted: CommitSignals = { subject: subjectLine(message), message, trailers: parseCommitTrailers(message), author: none, committer: none };
    // …and past the body readers' limits as a message is (pastLimits): a declaration after 20,000 lines
    // of a tag's notes, then a paragraph of prose, was read by none and passed (row 930).
    const read = [...fromTrailers(quoted, trailerKey, aliases, budget), ...fromBodyTrailerLines(quoted, trailerKey, aliases, budget), ...fromText(quoted), ...pastLimits(message, trailerKey)];
    return read.map((attribution) => ({ ...attribution, evidence: attribution.evidence.map((why) => `merged signed tag: ${why}`) }));
  });
}

/**
 * An `amend!` commit (`git commit --fixup=amend:`) read by the message it gives the commit it amends
 * (`rebase --autosquash`): what follows its `amend! <subject>` paragraph, whose first line is a
 * subject and whose trailers are its own (git quotes the amended subject there: a person's
 * `ai-model: add gpt-5 to list` alone in the last paragraph is no trailer block then).
 */
function amended(signals: CommitSignals): CommitSignals {
  const amend = AMEND.exec(signals.message);
  if (!amend) return signals;
  const message = signals.message.slice(amend[0].length);
  const own = parseCommitTrailers(message);
  const trailers = signals.trailers.filter((trailer) => own.some((kept) => kept.key === trailer.key && kept.value === trailer.value));
  return { ...signals, subject: subjectLine(message), message, trailers };
}

/**
 * Whether the commit's author is Renovate's or Dependabot's account (signatures.json
 * `dependencyBots`): their messages quote the release notes and commit lists of what they bump
 * (`🤖 Generated with [Claude Code](…)` and `Co-Authored-By: Claude …` in the notes of an agent's
 * own release), which no one declared for the bump.
 */
function byDependencyBot(author: Identity): boolean {
  const name = readable(author.name).trim();
  const email = readable(author.email).trim();
  // Printable ASCII holding none of the texts every bot's name or address holds (generated: fast-path-texts.generated.json): no bot, no pattern compiled.
  if (/^[\x20-\x7e]*$/.test(name) && /^[\x20-\x7e]*$/.test(email)) {
    const lower = `${name.toLowerCase()}\n${email.toLowerCase()}`;
    if (!FAST_PATH_TEXTS.dependencyBots.some((text) => lower.includes(text))) return false;
  }
  return signatures().dependencyBots.some((bot) => (bot.name !== undefined || bot.email !== undefined) && (!bot.name || bot.name.test(name)) && (!bot.email || bot.email.test(email)));
}

/**
 * semantic-release's own git identity (@semantic-release/git's default author and committer) and the
 * subject of its default release message, `chore(release): ${nextRelease.version} [skip ci]`, whose
 * body is the release notes: the changelog made from the released commits' messages, their
 * `Co-authored-by:` lines and `BREAKING CHANGE` bodies quoted as they were (a breaking change's last
 * line is then the release commit's trailer block). The commit writes only the changelog and the
 * version.
 */
const RELEASE_BOT = { name: 'semantic-release-bot', email: 'semantic-release-bot@martynus.net' };
const RELEASE_SUBJECT = /^chore\(release\): v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)? \[skip ci\]$/;

/** A line that opens a note of release notes: a bullet (`* fix: …`, `* a breaking change's text`) or a heading (`### BREAKING CHANGES`). */
const NOTES_ITEM = /^ {0,3}(?:[*+-]|#{1,6})\s/;

/**
 * A semantic-release release commit read without the notes it quotes: the lines of the notes'
 * breaking-changes sections (the only text they quote beyond the released commits' subjects) before
 * the notes' last item are read for the configured trailer key alone (what the hooks write is still read
 * wherever it stands), as no one declared the released commits' trailers for the release. The notes
 * must open the body with their version heading, as semantic-release writes them. The last item and
 * the last paragraph are read whole, and git's trailer block is: an agent's own footer and
 * co-author lines end a message, and nothing tells them from the last quoted note's (the bot's name
 * and its subject are anyone's to give a commit, so a Qwen commit made without the hooks under them
 * still reads as Qwen's; a breaking change quoted last still reads as its agent's: fail closed).
 * Another author, or another subject (a person's commit under the bot's name that says something
 * else), is read whole.
 */
function withoutReleaseNotes(signals: CommitSignals, trailerKey: string): CommitSignals {
  if (readable(signals.author.name).trim() !== RELEASE_BOT.name || readable(signals.author.email).trim().toLowerCase() !== RELEASE_BOT.email) return signals;
  if (!RELEASE_SUBJECT.test(signals.subject.trim())) return signals;
  const lines = signals.message.split('\n');
  const heading = lines.findIndex((line, at) => at > 0 && line.trim() !== '');
  if (heading < 0 || !/^#{1,3} /.test(lines[heading]!)) return signals;
  let last = lines.length - 1;
  while (last > heading && lines[last]!.trim() === '') last--;
  let paragraph = last;
  while (paragraph > heading && lines[paragraph - 1]!.trim() !== '') paragraph--;
  let item = last;
  while (item > heading && !NOTES_ITEM.test(lines[item]!)) item--;
  const tail = Math.min(paragraph, item);
  const own = (key: string) => readable(key).trim().toLowerCase() === trailerKey;
  // Only a breaking-changes section quotes a released commit's text beyond its subject (`### BREAKING CHANGES`, `### ⚠ BREAKING CHANGES`).
  let quoting = false;
  const kept = lines.map((line, at) => {
    if (at > 0 && /^#{1,6}\s/.test(line)) quoting = /\bbreaking changes?\b/i.test(line);
    return at === 0 || !quoting || at >= tail || own(line.slice(0, Math.max(0, line.indexOf(':')))) ? line : '';
  });
  return { ...signals, message: kept.join('\n') };
}

/** Where quoted notes open and close: HTML `<details>` and `<blockquote>` (GitHub renders them in a pull request body). */
const QUOTE_OPEN = /^\s*<(details|blockquote)\b[^>]*>/i;

/**
 * A dependency bot's message without the notes it quotes: the lines of each closed `<details>` or
 * `<blockquote>` block (Renovate's `### Release Notes` and Dependabot's `Release notes` and `Commits`
 * are such blocks) and Markdown `>` quotes are blanked. A block never closed hides nothing, as a code
 * fence never closed hides nothing (bodyLines); what stands outside the blocks is read as anyone's.
 */
function withoutQuotedNotes(message: string): string {
  const lines = message.split('\n');
  const lower = lines.map((line) => line.toLowerCase());
  const ends = { details: blockEnds(lower, 'details'), blockquote: blockEnds(lower, 'blockquote') };
  const blank = new Set<number>();
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at] ?? '';
    if (/^\s*>/.test(line)) {
      blank.add(at);
      continue;
    }
    const open = QUOTE_OPEN.exec(line);
    if (!open) continue;
    // Nested blocks of the same tag close in order; the block ends at the line that closes the outermost.
    const end = ends[(open[1] ?? '').toLowerCase() as keyof typeof ends][at] ?? -1;
    if (end < 0) continue;
    for (let inside = at; inside <= end; inside++) blank.add(inside);
    at = end;
  }
  return blank.size === 0 ? message : lines.map((line, at) => (blank.has(at) ? '' : line)).join('\n');
}

/**
 * For each line, where a `<tag>` block opened on it would end: the first line from it on where as
 * many of the tag have closed as opened since (-1: never). Linear (a stack over the running
 * count), so thousands of blocks never closed cost no more than one reading of the message.
 */
function blockEnds(lower: readonly string[], tag: string): number[] {
  const opens = new RegExp(`<${tag}\\b`, 'g');
  const closes = new RegExp(`</${tag}\\s*>`, 'g');
  // depth[i]: opened minus closed before line i (depth[0] = 0); a block from line a ends at the first k >= a with depth[k + 1] <= depth[a].
  const depth = [0];
  for (const text of lower) depth.push(depth[depth.length - 1]! + (text.match(opens)?.length ?? 0) - (text.match(closes)?.length ?? 0));
  const ends = new Array<number>(lower.length).fill(-1);
  const waiting: number[] = [];
  for (let i = 0; i < depth.length; i++) {
    while (waiting.length > 0 && depth[i]! <= depth[waiting[waiting.length - 1]!]!) ends[waiting.pop()!] = i - 1;
    if (i < lower.length) waiting.push(i);
  }
  return ends;
}

/** Every attribution the signals support, unmerged (commit-time detection adds its own). */
export function commitFindings(given: CommitSignals, options: DetectOptions = {}): Attribution[] {
  bodies = [];
  try {
    return findings(given, options);
  } finally {
    bodies = [];
  }
}

function findings(given: CommitSignals, options: DetectOptions): Attribution[] {
  let signals = amended(given);
  const aliases = options.detect?.aliases ?? {};
  const trailerKey = (options.trailerKey ?? DEFAULT_TRAILER_KEY).toLowerCase();
  // One budget of catalog lookups for the whole message: the trailer block is read first.
  const budget = newBudget();
  // A dependency bot's commit is read without the notes it quotes (git's trailer block is still read whole).
  if (byDependencyBot(signals.author)) signals = { ...signals, message: withoutQuotedNotes(signals.message) };
  signals = withoutReleaseNotes(signals, trailerKey);
  return [
    ...fromTrailers(signals, trailerKey, aliases, budget),
    ...fromBodyTrailerLines(signals, trailerKey, aliases, budget),
    ...fromShownTrailers(signals, trailerKey, aliases, budget),
    ...fromCommentedTrailers(signals, trailerKey, aliases, budget),
    ...fromSquashed(signals, trailerKey, aliases, budget),
    ...fromMergeTags(signals, trailerKey, aliases, budget),
    ...fromAuthor(signals, aliases, budget),
    ...fromText(signals),
    ...fromChecklist(signals, aliases, budget),
    ...userRuleAttributions(options.detect?.rules ?? [], signals, aliases),
    ...pastLimits(signals.message, trailerKey),
    ...unreadWhole(signals),
  ];
}

/**
 * A commit a report did not read whole (row 966: its message, or a merge's object, past 16 MiB):
 * what it declares is not known, so it is `unread` (AI, model unknown, as a message past pastLimits' caps),
 * never human: padding a message past the bound must not hide its `Assisted-by:`.
 */
function unreadWhole(signals: CommitSignals): Attribution[] {
  const over = signals.tooLarge;
  if (!over) return [];
  const most = (over.most ?? 16_777_216).toLocaleString('en-US');
  // Row 1107: a large message past what a report reads of such messages together.
  if (over.part === 'together') return [{ ...found('unknown', 'unknown', `not read: with its large message the report's large messages hold ${over.bytes.toLocaleString('en-US')} bytes together, past the ${most} a report reads`, true), unread: true }];
  const what = over.part === 'message' ? 'its text as git shows it' : 'its object';
  return [{ ...found('unknown', 'unknown', `not read: ${what} is ${over.bytes.toLocaleString('en-US')} bytes, past the ${most} a report reads`, true), unread: true }];
}

/**
 * Attributions of a stored commit, from its trailers, identities, subject and body. Empty = human.
 * A trailer key alone never makes a commit AI: the value must name a known agent, bot identity
 * or model (`Co-authored-by: Jane <jane@example.com>` is a person).
 */
export function detectCommit(signals: CommitSignals, options: DetectOptions = {}): Attribution[] {
  return mergeAttributions(commitFindings(signals, options));
}
