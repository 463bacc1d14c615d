import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

// A random history where most commits carry a git-ai note (and some a trailer), built with
// fast-import; aitrail's per-file counts must equal an independent reading: git's own
// `blame --line-porcelain` (origin commit, original line, original path of every line) joined
// with a naive reading of each note (for a line, the last entry that covers it).

const SESSIONS: Record<string, { tool: string; model: string; id: string }> = {
  s_0c9883b05a2487: { tool: 'claude', model: 'claude-opus-4-6', id: 'anthropic/claude-opus-4.6' },
  s_e7f2a90b31cc48: { tool: 'cursor', model: 'composer-1', id: 'cursor/composer-1' },
  s_77aa00bb11cc22: { tool: 'codex', model: 'gpt-5.3-codex', id: 'openai/gpt-5.3-codex' },
  // The trailer's model too: a note that gives it lines moves the others' lines away from it.
  s_5a5a5a5a5a5a5a: { tool: 'claude', model: 'claude-sonnet-4-5', id: 'anthropic/claude-sonnet-4.5' },
};
const PROMPTS: Record<string, { tool: string; model: string; id: string }> = { abcd1234abcd1234: { tool: 'gemini', model: 'default', id: 'unknown' } };
const TRAILER = { text: '\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n', id: 'anthropic/claude-sonnet-4.5' };

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Entry {
  key: string;
  ranges: [number, number][];
}

function history(repo: TestRepo): { notes: Map<string, Map<string, Entry[]>>; trailers: Set<string> } {
  const rand = random(11);
  const files = Array.from({ length: 25 }, (_, f) => Array.from({ length: 5 + Math.floor(rand() * 20) }, (_, l) => `file ${f} original ${l}`));
  const paths = files.map((_, f) => (f % 7 === 3 ? `dir ${f % 3}/file ${f}.txt` : `d${f % 3}/f${f}.txt`));
  const keys = [...Object.keys(SESSIONS).map((s, i) => `${s}::t_${String(i).padStart(14, '0')}`), ...Object.keys(PROMPTS), 'h_31dce776f88375', 'ffffeeeeddddcccc'];
  const chunks: string[] = [];
  const noteChunks: string[] = [];
  const notes = new Map<number, Map<string, Entry[]>>();
  const trailerMarks = new Set<number>();
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let c = 0; c < 120; c += 1) {
    const trailer = c > 0 && rand() < 0.2;
    if (trailer) trailerMarks.add(c + 1);
    chunks.push(`commit refs/heads/main\nmark :${c + 1}\ncommitter T <t@example.com> ${1_700_000_000 + c * 60} +0000\n${data(`change ${c}${trailer ? TRAILER.text : ''}`)}`);
    if (c > 0) chunks.push(`from :${c}\n`);
    const touched = c === 0 ? files.map((_, f) => f) : [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => Math.floor(rand() * files.length)))];
    const note = new Map<string, Entry[]>();
    for (const f of touched) {
      const lines = files[f]!;
      if (c > 0) {
        for (let k = 0; k < 1 + Math.floor(rand() * 6); k += 1) {
          const at = Math.floor(rand() * (lines.length + 1));
          if (rand() < 0.7) lines.splice(at, rand() < 0.3 ? 1 : 0, `edit ${c}.${k} in ${f}`);
          else lines.splice(at, 1);
        }
      }
      chunks.push(`M 100644 inline "${paths[f]}"\n${data(`${lines.join('\n')}\n`)}`);
      // Random entries over the file as this commit has it, overlapping on purpose.
      const entries: Entry[] = [];
      for (let e = Math.floor(rand() * 4); e > 0 && lines.length > 0; e -= 1) {
        const ranges: [number, number][] = [];
        for (let r = 1 + Math.floor(rand() * 3); r > 0; r -= 1) {
          const start = 1 + Math.floor(rand() * lines.length);
          ranges.push([start, Math.min(lines.length, start + Math.floor(rand() * 5))]);
        }
        entries.push({ key: keys[Math.floor(rand() * keys.length)]!, ranges });
      }
      if (entries.length > 0) note.set(paths[f]!, entries);
    }
    chunks.push('\n');
    if (c > 0 && rand() < 0.75) {
      notes.set(c + 1, note);
      const attestations = [...note].map(([path, entries]) => `${/\s/.test(path) ? `"${path}"` : path}\n${entries.map((entry) => `  ${entry.key} ${entry.ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`).join('\n')}`);
      const metadata = {
        schema_version: 'authorship/3.0.0',
        // The noted commit's id, as git-ai writes it (a note naming another commit is read for the whole commit): filled in once the commits exist.
        base_commit_sha: `@sha:${c + 1}@`,
        prompts: Object.fromEntries(Object.entries(PROMPTS).map(([key, agent]) => [key, { agent_id: { tool: agent.tool, id: key, model: agent.model } }])),
        sessions: Object.fromEntries(Object.entries(SESSIONS).map(([key, agent]) => [key, { agent_id: { tool: agent.tool, id: key, model: agent.model } }])),
        humans: { h_31dce776f88375: { author: 'T <t@example.com>' } },
      };
      noteChunks.push(`N inline @sha:${c + 1}@\n${data(`${attestations.join('\n')}${attestations.length ? '\n' : ''}---\n${JSON.stringify(metadata)}\n`)}`);
    }
  }
  repo.git(['fast-import', '--quiet'], { input: chunks.join('') });
  repo.git(['reset', '-q', '--hard', 'main']);
  // Subjects are `change <c>`, and commit c has mark c + 1.
  const shaOf = new Map(
    repo
      .git(['log', '--format=%H %s', 'main'])
      .split('\n')
      .map((line) => [Number(line.split(' ')[2]) + 1, line.split(' ')[0]!] as const),
  );
  // The notes, their placeholders replaced by their commits' ids (data sizes recomputed).
  const noteStream = noteChunks.map((chunk) => {
    const [head, ...rest] = chunk.split('\n');
    const body = rest.join('\n').replace(/^data \d+\n/, '').replace(/\n$/, '').replace(/@sha:(\d+)@/g, (_, mark: string) => shaOf.get(Number(mark))!);
    return `${head!.replace(/@sha:(\d+)@/, (_, mark: string) => shaOf.get(Number(mark))!)}\n${data(body)}`;
  });
  repo.git(['fast-import', '--quiet'], { input: `commit refs/notes/ai\ncommitter T <t@example.com> 1800000000 +0000\n${data('notes')}${noteStream.join('')}\n` });
  return {
    notes: new Map([...notes].map(([mark, note]) => [shaOf.get(mark)!, note])),
    trailers: new Set([...trailerMarks].map((mark) => shaOf.get(mark)!)),
  };
}

/**
 * Naive: the model id (or null for human) of `line` of `path` in a note: the last entry that covers
 * it among those whose record the note holds (git-ai skips the others, row 325), else the last of all.
 */
function noteModel(note: Map<string, Entry[]>, path: string, line: number): string | null {
  const entries = note.get(path) ?? [];
  const held = (key: string) => key.startsWith('h_') || SESSIONS[key.split('::')[0]!] !== undefined || PROMPTS[key] !== undefined;
  for (const pass of [true, false]) {
    for (let at = entries.length - 1; at >= 0; at -= 1) {
      const entry = entries[at]!;
      if (held(entry.key) !== pass || !entry.ranges.some(([a, b]) => a <= line && line <= b)) continue;
      if (entry.key.startsWith('h_')) return null;
      const session = SESSIONS[entry.key.split('::')[0]!];
      return session?.id ?? PROMPTS[entry.key]?.id ?? 'unknown';
    }
  }
  return null;
}

/** Naive: the model ids a note gives any line to (its entries that are not h_). */
function noteNames(note: Map<string, Entry[]>): Set<string> {
  const names = new Set<string>();
  for (const entries of note.values()) {
    for (const entry of entries) {
      if (entry.key.startsWith('h_')) continue;
      names.add(SESSIONS[entry.key.split('::')[0]!]?.id ?? PROMPTS[entry.key]?.id ?? 'unknown');
    }
  }
  return names;
}

describe('blame with notes, against an independent reading', () => {
  it('per-file ai, byModel and lineLevel equal git blame --line-porcelain joined with a naive reading of the notes', () => {
    const repo = makeRepo();
    const { notes, trailers } = history(repo);
    for (const flags of [[], ['-M'], ['-C']]) {
      const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', ...flags]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { files: { path: string; lines: number; ai: number; byModel: Record<string, number>; lineLevel: number }[] };
      expect(report.files.length).toBeGreaterThan(20);
      // The history exercises every case: line-level lines, AI lines of each kind, trailer lines.
      const models = new Set(report.files.flatMap((row) => Object.keys(row.byModel)));
      expect([...models].sort()).toEqual(['anthropic/claude-opus-4.6', 'anthropic/claude-sonnet-4.5', 'cursor/composer-1', 'openai/gpt-5.3-codex', 'unknown']);
      expect(report.files.reduce((sum, row) => sum + row.lineLevel, 0)).toBeGreaterThan(100);
      for (const row of report.files) {
        const out = repo.git(['blame', '--line-porcelain', '--root', ...flags, 'HEAD', '--', row.path], { raw: true });
        const expected = { lines: 0, ai: 0, lineLevel: 0, byModel: {} as Record<string, number> };
        let sha = '';
        let origin = 0;
        for (const text of out.split('\n')) {
          const header = /^([0-9a-f]{40}) (\d+) \d+/.exec(text);
          if (header) {
            sha = header[1]!;
            origin = Number(header[2]);
            continue;
          }
          if (!text.startsWith('filename ')) continue;
          const path = text.slice(9).startsWith('"') ? (JSON.parse(text.slice(9)) as string) : text.slice(9);
          expected.lines += 1;
          // A note that attests no line at all (git-ai's note of a commit it saw no AI line in) says nothing line by line.
          const note = (notes.get(sha)?.size ?? 0) > 0 ? notes.get(sha) : undefined;
          const model = note ? noteModel(note, path, origin) : trailers.has(sha) ? TRAILER.id : null;
          if (note) expected.lineLevel += 1;
          if (model) {
            expected.ai += 1;
            // A noted line of a commit whose trailer names a model the note gives no line to counts for that model too;
            // the note's `unknown` gives way to it.
            const hidden = note && trailers.has(sha) && model !== TRAILER.id && !noteNames(note).has(TRAILER.id);
            const own = note && trailers.has(sha) && model === 'unknown' ? TRAILER.id : model;
            const models = [...new Set(hidden ? [own, TRAILER.id] : [own])];
            for (const id of models) expected.byModel[id] = (expected.byModel[id] ?? 0) + 1;
          }
        }
        expect({ path: row.path, lines: row.lines, ai: row.ai, lineLevel: row.lineLevel, byModel: row.byModel }, flags.join(' ')).toEqual({ path: row.path, ...expected });
      }
    }
  });
});
