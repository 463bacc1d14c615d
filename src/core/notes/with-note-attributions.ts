import type { Attribution } from '../types.js';
import type { NoteAuthor } from './note-lines.js';

const quoted = (value: string | null) => (value === null ? 'none' : JSON.stringify(value.slice(0, 80)));

/**
 * The evidence line of a note author: `note refs/notes/ai: git-ai "claude", model "claude-opus-4-6", 12 lines in 2 files`.
 * `uncounted`: the lines are the note's own claim, git could not diff the commit to count them (row 1000): said in the line
 * itself, as a pre-receive refusal shows no warning.
 */
export function noteEvidence(ref: string, author: NoteAuthor, uncounted = false): string {
  return `${recordEvidence(ref, author)}, ${lineEvidence(author, uncounted)}`;
}

/** `note refs/notes/ai: git-ai tool "claude", model "claude-opus-4-6"`: the record alone. */
function recordEvidence(ref: string, author: NoteAuthor): string {
  return `note ${ref}: git-ai tool ${quoted(author.recorded.tool)}, model ${quoted(author.recorded.model)}`;
}

/** `12 lines in 2 files`, or NO_LINE. */
function lineEvidence(author: NoteAuthor, uncounted: boolean): string {
  const where = author.lines === 0 ? NO_LINE : `${author.lines} line${author.lines === 1 ? '' : 's'} in ${author.paths.length} file${author.paths.length === 1 ? '' : 's'}`;
  return `${where}${uncounted && author.lines > 0 ? UNCOUNTED : ''}`;
}

/**
 * An author the note gives no line of the commit (its record kept with no attestation, its lines all another entry's,
 * or its claims past what the commit adds). Was `no line left`, untrue of a note that never attested a line (session 52 task w).
 */
export const NO_LINE = 'no line in this commit';

/** After a note's own count that git could not check (row 1000). */
export const UNCOUNTED = ' as the note claims (not counted: git could not diff the commit)';

/**
 * A commit's attributions with those of its git-ai note added (policy: notes only ever ADD; an
 * attribution from the commit itself is never removed nor narrowed). An author the commit
 * already names gains the note as evidence; a new one is undeclared and concerns only the
 * changed paths where the note puts its lines (`paths`; `changed` null: the note's paths as
 * written), so a path rule judges the note's lines. `wide`: a note written for another commit (its
 * line numbers cannot be trusted here, NoteLines.stale), or `malformed` (its lines unread, its metadata's
 * models read: NoteLines.malformed): each new author concerns the whole commit.
 * `counted` (enforcement): the same authors counted over the lines the commit adds, whose counts the
 * evidence says (a note's own numbers are its writer's to make up: row 990); their paths stay `authors'`.
 * `counted` null: the count was given up (git could not diff the commit): the evidence says the note's own, marked so (row 1000).
 */
export function withNoteAttributions(attributions: readonly Attribution[], authors: readonly NoteAuthor[], ref: string, changed: readonly string[] | null, wide: boolean | 'malformed' = false, counted?: readonly NoteAuthor[] | null): Attribution[] {
  const result = attributions.map((attribution) => ({ ...attribution, evidence: [...attribution.evidence] }));
  const inCommit = changed === null ? null : new Set(changed);
  for (const author of authors) {
    const shown = counted?.find((other) => other.agent === author.agent && other.model === author.model) ?? author;
    const said = noteEvidence(ref, shown, counted === null);
    // Several models: the lines are each one's, none's by the note's order (row 1009).
    // A malformed note's lines are not read (row 1158): no count, only the record and why it is read commit-wide.
    const head = wide === 'malformed' ? `${recordEvidence(ref, author)}; its lines cannot be read (malformed)` : `${said}; written for another commit`;
    const evidence = wide ? `${head}: read for every line of this one${authors.length > 1 ? `, as each of its ${authors.length} models'` : ''}` : said;
    const same = result.find((attribution) => attribution.agent === author.agent && attribution.model === author.model);
    if (same) {
      same.evidence.push(evidence);
      continue;
    }
    if (wide) result.push({ agent: author.agent, model: author.model, evidence: [evidence], declared: false });
    else result.push({ agent: author.agent, model: author.model, evidence: [evidence], declared: false, paths: inCommit ? author.paths.filter((path) => inCommit.has(path)) : [...author.paths] });
  }
  return result;
}
