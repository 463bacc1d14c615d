import { isUnknownModel } from '../policy/violation.js';
import { emptyCounts, type AuthorCounts, type CommitModels, type Counts, type FileBlame, type FileReport, type GroupRow, type BlameGrouping, type LeftOutLines, type Totals } from './types.js';

function add(counts: Counts, key: string, value: number): void {
  counts[key] = (counts[key] ?? 0) + value;
}

/** What a parsed git-ai note says about lines of its commit (core/notes/note-lines.ts). */
export interface LineJudge {
  judge(path: string, start: number, count: number, onAi: (author: { agent: string; model: string }, lines: number) => void): void;
  /** Every AI author the note names, with the lines it gives each (NoteLines.authors). */
  authors?(): readonly { agent: string; model: string; lines: number }[];
}

/** The models and agents a note gives at least one line to, read once per note. */
const namedByNote = new WeakMap<LineJudge, { models: string[]; agents: string[] }>();

function namedBy(note: LineJudge): { models: string[]; agents: string[] } {
  let named = namedByNote.get(note);
  if (!named) {
    const authors = (note.authors?.() ?? []).filter((author) => author.lines > 0);
    named = { models: authors.map((author) => author.model), agents: authors.map((author) => author.agent) };
    namedByNote.set(note, named);
  }
  return named;
}

/**
 * One file's report: its blamed lines per commit joined with each commit's attribution. A line
 * of a commit with several models counts once in `ai` and once under each model (and agent).
 * With `unknownHistory` (a shallow clone's cut commits, `--allow-shallow`), lines blamed on
 * those commits are counted apart in `shallowBoundary`, never as theirs.
 * A commit with a (readable) note is judged by its note alone, line by line: its AI lines go to
 * their session's agent and model, the rest are human; those lines make up `lineLevel`.
 * With `authorOf` (sha → `Name <email>`), the file's lines are also split by commit author
 * (`byAuthor`), each author's AI lines judged exactly as above.
 */
export function attributeFile(
  path: string,
  blame: FileBlame,
  attribution: (sha: string) => CommitModels | undefined,
  unknownHistory?: ReadonlySet<string>,
  noteOf: (sha: string) => LineJudge | undefined = () => undefined,
  authorOf?: (sha: string) => string,
): FileReport {
  const byModel = emptyCounts();
  const byAgent = emptyCounts();
  const byAuthor = Object.create(null) as Record<string, AuthorCounts>;
  const authorRow = (sha: string): AuthorCounts | undefined => {
    if (!authorOf) return undefined;
    const name = authorOf(sha);
    return (byAuthor[name] ??= { lines: 0, ai: 0, byModel: emptyCounts(), byAgent: emptyCounts() });
  };
  let ai = 0;
  let cut = 0;
  for (const [sha, count] of blame.commits) {
    // A shallow clone's cut commit: blame gives it every older line too, so none of them is its own.
    if (unknownHistory?.has(sha)) {
      cut += count;
      continue;
    }
    const author = authorRow(sha);
    if (author) author.lines += count;
    if (noteOf(sha)) continue;
    const found = attribution(sha);
    if (!found) continue;
    ai += count;
    for (const model of found.models) add(byModel, model, count);
    for (const agent of found.agents) add(byAgent, agent, count);
    if (author) addAi(author, found.models, found.agents, count);
  }
  let lineLevel = 0;
  let notedHuman = 0;
  for (const group of blame.noted ?? []) {
    const note = unknownHistory?.has(group.sha) ? undefined : noteOf(group.sha);
    if (!note) continue;
    lineLevel += group.count;
    const committer = authorRow(group.sha);
    // What the commit itself says (its message, its author): a note says which of its lines are AI, never that they are not its models'.
    const declared = attribution(group.sha);
    const named = declared ? namedBy(note) : undefined;
    let noteAi = 0;
    note.judge(group.path, group.start, group.count, (author, lines) => {
      noteAi += lines;
      ai += lines;
      const models = withDeclared(author.model, declared?.models, named?.models);
      const agents = withDeclared(author.agent, declared?.agents, named?.agents);
      for (const model of models) add(byModel, model, lines);
      for (const agent of agents) add(byAgent, agent, lines);
      if (committer) addAi(committer, models, agents, lines);
    });
    if (declared) notedHuman += group.count - noteAi;
  }
  const lines = blame.lines - cut;
  const report: FileReport = { path, lines, ai, human: lines - ai, byModel, byAgent, lineLevel };
  if (notedHuman > 0) report.notedHuman = notedHuman;
  if (unknownHistory) report.shallowBoundary = cut;
  if (authorOf) report.byAuthor = byAuthor;
  return report;
}

/** A model id or agent slug that names nothing in particular: `unknown`, or `vendor/unknown`. */
const vague = isUnknownModel;

/** `kept` stands for `name`: the same, or `name` is vague and `kept` is of its vendor (`unknown`: any). */
const covers = (kept: string, name: string): boolean => kept === name || name === 'unknown' || (name.endsWith('/unknown') && kept.startsWith(name.slice(0, -'unknown'.length)));

/**
 * The models (or agents) a line counts under when its commit's note gives it to `noted` and the
 * commit itself (its message, its author) declares `declared`; `named`: every one the note gives
 * any line to. A note says which lines are AI and moves them between the commit's own models (a
 * mixed commit, line by line), never makes one vanish: each declared name that neither `noted` nor
 * any line of the note stands for counts too. A vague `noted` (`default` in the note) gives way to
 * the declared names it stands for.
 */
export function withDeclared(noted: string, declared: readonly string[] | undefined, named: readonly string[] = []): string[] {
  if (!declared || declared.length === 0) return [noted];
  const unique = declared.filter((name, at) => declared.indexOf(name) === at);
  const hidden = unique.filter((name) => !covers(noted, name) && !named.some((kept) => covers(kept, name)));
  const precise = vague(noted) ? unique.filter((name) => !vague(name) && covers(name, noted)) : [];
  const own = precise.length > 0 ? precise : [noted];
  return [...own, ...hidden.filter((name) => !own.includes(name))];
}

function addAi(row: AuthorCounts, models: readonly string[], agents: readonly string[], count: number): void {
  row.ai += count;
  for (const model of models) add(row.byModel, model, count);
  for (const agent of agents) add(row.byAgent, agent, count);
}

/** One row per commit author over `files` (each file's `byAuthor`; none when authors were not read). */
function authorRows(files: readonly FileReport[]): GroupRow[] {
  const rows = new Map<string, GroupRow>();
  for (const file of files) {
    for (const [key, counts] of Object.entries(file.byAuthor ?? {})) {
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { key, lines: 0, ai: 0, human: 0, byModel: emptyCounts(), byAgent: emptyCounts() }));
      row.lines += counts.lines;
      row.ai += counts.ai;
      row.human += counts.lines - counts.ai;
      for (const [model, count] of Object.entries(counts.byModel)) add(row.byModel, model, count);
      for (const [agent, count] of Object.entries(counts.byAgent)) add(row.byAgent, agent, count);
    }
  }
  return [...rows.values()].sort(byAiShare((row) => row.key));
}

/** Sum of rows: lines, ai, human, line-level lines and every model/agent count. */
export function sumReports(rows: readonly (Pick<FileReport, 'lines' | 'ai' | 'human' | 'byModel' | 'byAgent' | 'shallowBoundary' | 'notedHuman'> & { lineLevel?: number })[]): Totals {
  const totals: Totals = { lines: 0, ai: 0, human: 0, byModel: emptyCounts(), byAgent: emptyCounts(), lineLevel: 0 };
  for (const row of rows) {
    if (row.shallowBoundary !== undefined) totals.shallowBoundary = (totals.shallowBoundary ?? 0) + row.shallowBoundary;
    totals.lines += row.lines;
    totals.ai += row.ai;
    totals.human += row.human;
    totals.lineLevel += row.lineLevel ?? 0;
    if (row.notedHuman) totals.notedHuman = (totals.notedHuman ?? 0) + row.notedHuman;
    for (const [model, count] of Object.entries(row.byModel)) add(totals.byModel, model, count);
    for (const [agent, count] of Object.entries(row.byAgent)) add(totals.byAgent, agent, count);
  }
  return totals;
}

/** The lines of files left out of the totals, added up (`excluded.generatedLines`, `excluded.vendoredLines`). */
export function sumLeftOut(rows: readonly Pick<FileReport, 'lines' | 'ai' | 'human' | 'byModel' | 'byAgent'>[]): LeftOutLines {
  const { lines, ai, human, byModel, byAgent } = sumReports(rows);
  return { lines, ai, human, byModel, byAgent };
}

/** AI share of a row in [0, 1] (0 for an empty row). */
export function aiShare(row: { lines: number; ai: number }): number {
  return row.lines === 0 ? 0 : row.ai / row.lines;
}

/** Highest AI share first, then most AI lines, then most lines, then key (byte order). */
export function byAiShare<T extends { lines: number; ai: number }>(key: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => aiShare(b) - aiShare(a) || b.ai - a.ai || b.lines - a.lines || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

/**
 * The rows of a `--by` view, sorted by AI share. `file`/`dir`/`author` rows carry line totals;
 * `model`/`agent` rows count the lines of that model/agent (`lines` = `ai` = its lines).
 */
export function groupRows(files: readonly FileReport[], by: BlameGrouping): GroupRow[] {
  if (by === 'author') return authorRows(files);
  if (by === 'model' || by === 'agent') {
    const totals = sumReports(files);
    const counts = by === 'model' ? totals.byModel : totals.byAgent;
    return Object.entries(counts)
      .map(([key, count]) => ({ key, lines: count, ai: count, human: 0, byModel: by === 'model' ? { [key]: count } : emptyCounts(), byAgent: by === 'agent' ? { [key]: count } : emptyCounts() }))
      .sort((a, b) => b.lines - a.lines || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  if (by === 'file') return files.map((file) => ({ key: file.path, lines: file.lines, ai: file.ai, human: file.human, byModel: file.byModel, byAgent: file.byAgent })).sort(byAiShare((row) => row.key));
  const groups = new Map<string, FileReport[]>();
  for (const file of files) {
    const dir = dirOf(file.path);
    const list = groups.get(dir);
    if (list) list.push(file);
    else groups.set(dir, [file]);
  }
  return [...groups].map(([key, rows]) => ({ key, ...sumReports(rows) })).sort(byAiShare((row) => row.key));
}
