// Session 54 helper p (no row: nothing found to close): a seeded random differential of the incremental blame cache and of
// --shard/--merge. From a history with renames, copies, binary files, symbolic links, a submodule entry,
// names with spaces/newlines/unicode, AI and person commits and git-ai notes, random operations (commits
// touching k files, amends, rebase -i drops and reorders, branch switches, merges, .aitrailrc.json,
// .git-blame-ignore-revs, git notes and .mailmap changes) run; after each, the cached `blame --format json`
// must equal a --no-cache run byte for byte (default, -M, -C -C, --since, --by author), and the parts of
// --shard i/n merged must equal the whole report. Run over seeds 1-42 (12-14 steps each; seeds 31-42 also under -C -C -C -M5,
// --ignore-rev, --include, paths, --no-give-back --no-root, --rev of another branch): no difference found. The
// only failures were git's own refusal (blame.ignoreRevsFile naming a file a checkout removed), alike both ways.
// S54P_SEEDS=1-200 S54P_STEPS=14 runs more seeds (the exploring script); S54P_LOG=1 prints each seed's operations.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBlame, type BlameCommandRun } from '../../src/report/blame-report.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

/** mulberry32: a small seeded generator, so a failing seed replays. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(list: readonly T[]): T => list[int(list.length)]!, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

const TRAILERS = ['', '', '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', '\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', '\n\nAssisted-by: cursor:cursor/composer-1\n'];
const NAMES = ['a.txt', 'b.txt', 'src/c.ts', 'src/deep/d.ts', 'with space.txt', 'ünïcödé.md', 'new\nline.txt', '-dash.txt', 'e.js', 'vendor/lib.js'];
const AUTHORS = [
  { GIT_AUTHOR_NAME: 'Ann', GIT_AUTHOR_EMAIL: 'ann@example.com' },
  { GIT_AUTHOR_NAME: 'Bob Old', GIT_AUTHOR_EMAIL: 'bob@old.example.com' },
  { GIT_AUTHOR_NAME: 'Bob', GIT_AUTHOR_EMAIL: 'bob@example.com' },
];

const word = (r: Rng) => r.pick(['alpha', 'beta', 'gamma', 'delta', 'let x = 1;', 'return y;', '}', '', '  if (a) {', 'const long_identifier_name = compute(1, 2, 3);']);
const block = (r: Rng, count: number, tag: string) => Array.from({ length: count }, (_, at) => `${word(r)} ${tag}${at} ${word(r)}`);

function readLines(repo: TestRepo, path: string): string[] | null {
  const full = join(repo.dir, path);
  if (!existsSync(full)) return null;
  try {
    return readFileSync(full, 'utf8').split('\n').slice(0, -1);
  } catch {
    return null;
  }
}

/** An edit of one file: lines inserted, deleted, changed, or a block copied in from another file. */
function edit(r: Rng, repo: TestRepo, path: string, files: string[], step: number): string {
  const lines = readLines(repo, path) ?? [];
  const op = r.int(5);
  if (lines.length === 0 || op === 0) lines.splice(r.int(lines.length + 1), 0, ...block(r, 1 + r.int(8), `s${step}-`));
  else if (op === 1) lines.splice(r.int(lines.length), 1 + r.int(3));
  else if (op === 2) lines[r.int(lines.length)] = `${word(r)} changed at ${step}`;
  else if (op === 3) {
    const other = readLines(repo, r.pick(files)) ?? [];
    const from = r.int(Math.max(1, other.length));
    lines.splice(r.int(lines.length + 1), 0, ...other.slice(from, from + 3 + r.int(6)));
  } else lines.splice(r.int(lines.length + 1), 0, ...block(r, 5 + r.int(20), `big${step}-`));
  return lines.join('\n') + (lines.length ? '\n' : '');
}

function tracked(repo: TestRepo): string[] {
  return repo.git(['ls-files', '-z'], { raw: true }).split('\0').filter((path) => path && !path.startsWith('.') && !path.startsWith('sub'));
}

function commitWith(r: Rng, repo: TestRepo, message: string) {
  const env = r.pick(AUTHORS);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', '-'], { input: message, env });
}

/** One random operation; returns what it did (the replay log). */
function operate(r: Rng, repo: TestRepo, step: number): string {
  const files = tracked(repo).filter((path) => !path.endsWith('.bin') && !path.startsWith('link'));
  const kind = r.int(16);
  const trailer = r.pick(TRAILERS);
  try {
    if (kind <= 4 || files.length === 0) {
      const k = 1 + r.int(3);
      const touched: string[] = [];
      for (let at = 0; at < k; at++) {
        const path = r.chance(0.2) ? r.pick(NAMES) : files.length ? r.pick(files) : r.pick(NAMES);
        repo.write(path, edit(r, repo, path, files.length ? files : [path], step));
        touched.push(path);
      }
      commitWith(r, repo, `change ${step}${trailer}`);
      return `commit ${JSON.stringify(touched)} ${trailer.trim()}`;
    }
    if (kind === 5) {
      const from = r.pick(files);
      const to = `moved/${step}-${from.split('/').pop()}`;
      mkdirSync(join(repo.dir, 'moved'), { recursive: true });
      repo.git(['mv', '--', from, to]);
      if (r.chance(0.5)) repo.write(to, edit(r, repo, to, files, step));
      commitWith(r, repo, `rename ${step}${trailer}`);
      return `rename ${from} -> ${to}`;
    }
    if (kind === 6) {
      const from = r.pick(files);
      const to = `copy-${step}.txt`;
      repo.write(to, (readLines(repo, from) ?? []).concat(block(r, 2, 'c')).join('\n') + '\n');
      commitWith(r, repo, `copy ${step}${trailer}`);
      return `copy ${from} -> ${to}`;
    }
    if (kind === 7) {
      repo.git(['commit', '-q', '--amend', '--allow-empty', '--cleanup=verbatim', '-F', '-'], { input: `amended ${step}${trailer}` });
      return `amend ${trailer.trim()}`;
    }
    if (kind === 8) {
      const count = Number(repo.git(['rev-list', '--count', '--first-parent', 'HEAD']));
      if (count < 4) return 'rebase skipped';
      // drop or swap among the last three picks
      const script = r.chance(0.5) ? `sed -i '2d' "$1"` : `sed -i '1{h;d};2{G}' "$1"`;
      try {
        repo.git(['rebase', '-q', '-i', '--no-rebase-merges', 'HEAD~3'], { env: { GIT_SEQUENCE_EDITOR: `sh -c '${script.replace(/'/g, `'\\''`)}' --` } });
        return `rebase ${script}`;
      } catch {
        repo.git(['rebase', '--abort']);
        return 'rebase aborted';
      }
    }
    if (kind === 9) {
      const branches = repo.git(['branch', '--format=%(refname:short)']).split('\n');
      if (r.chance(0.5) || branches.length < 2) {
        repo.git(['checkout', '-q', '-b', `b${step}`, r.chance(0.5) ? 'HEAD' : 'HEAD~1']);
        return `branch b${step}`;
      }
      const to = r.pick(branches);
      repo.git(['checkout', '-q', to]);
      return `checkout ${to}`;
    }
    if (kind === 10) {
      const branches = repo.git(['branch', '--format=%(refname:short)']).split('\n');
      const other = r.pick(branches);
      try {
        repo.git(['merge', '-q', '--no-ff', '-m', `merge ${other}${trailer}`, other]);
        return `merge ${other}`;
      } catch {
        repo.git(['merge', '--abort']);
        return 'merge aborted';
      }
    }
    if (kind === 11) {
      const choice = r.int(4);
      const config = [{}, { blame: { exclude: ['src/deep/**'] } }, { detect: { rules: [{ field: 'subject', pattern: '^change 1', agent: 'acme-bot', model: 'acme/coder-2' }] } }, { blame: { include: ['**/*.ts', '**/*.txt'] } }][choice];
      repo.write('.aitrailrc.json', JSON.stringify(config));
      if (r.chance(0.5)) commitWith(r, repo, `config ${step}`);
      return `config ${choice}`;
    }
    if (kind === 12) {
      const shas = repo.git(['rev-list', 'HEAD']).split('\n');
      const ignored = shas.filter(() => r.chance(0.2)).slice(0, 3);
      repo.write('.git-blame-ignore-revs', ignored.join('\n') + '\n');
      repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
      if (r.chance(0.3)) commitWith(r, repo, `ignore revs ${step}`);
      return `ignore-revs ${ignored.length}`;
    }
    if (kind === 13) {
      const shas = repo.git(['rev-list', 'HEAD']).split('\n');
      const sha = r.pick(shas);
      const noted = repo.git(['notes', '--ref', 'ai', 'list']).split('\n').filter(Boolean);
      if (noted.length && r.chance(0.4)) {
        const target = r.pick(noted).split(' ')[1]!;
        repo.git(['notes', '--ref', 'ai', 'remove', target]);
        return `notes remove ${target.slice(0, 8)}`;
      }
      const changed = repo.git(['diff-tree', '--no-commit-id', '--name-only', '-r', '-z', '--root', sha], { raw: true }).split('\0').filter(Boolean);
      const path = changed.find((name) => !/[\s\n"]/.test(name) && !name.startsWith('.')) ?? 'a.txt';
      const key = r.pick([NOTE_KEYS.claude, NOTE_KEYS.cursor, NOTE_KEYS.qwen, NOTE_KEYS.human]);
      addNote(repo, sha, gitAiNote({ [path]: [session(key, `1-${1 + r.int(6)}`)] }));
      return `notes add ${sha.slice(0, 8)} ${path}`;
    }
    if (kind === 14) {
      repo.write('.mailmap', r.chance(0.5) ? 'Bob <bob@example.com> Bob Old <bob@old.example.com>\n' : '');
      if (r.chance(0.3)) commitWith(r, repo, `mailmap ${step}`);
      return 'mailmap';
    }
    // binary, symlink, submodule entry
    const what = r.int(3);
    if (what === 0) {
      const bytes = Buffer.from(Array.from({ length: 64 }, () => r.int(256)));
      bytes[3] = 0;
      writeFileSync(join(repo.dir, `blob-${r.int(3)}.bin`), bytes);
    } else if (what === 1) {
      const link = join(repo.dir, `link-${r.int(2)}`);
      rmSync(link, { force: true });
      symlinkSync(r.pick(files.length ? files : ['a.txt']), link);
    } else {
      const head = repo.git(['rev-parse', 'HEAD']);
      repo.git(['update-index', '--add', '--cacheinfo', `160000,${head},sub${r.int(2)}`]);
    }
    commitWith(r, repo, `odd ${what} ${step}${trailer}`);
    return `odd ${what}`;
  } catch (error) {
    return `failed: ${String(error).split('\n')[0]}`;
  }
}

async function json(repo: TestRepo, run: Partial<BlameCommandRun>): Promise<{ text: string; warnings: string[] }> {
  let text = '';
  const warnings: string[] = [];
  try {
    await runBlame({ cwd: repo.dir, format: 'json', by: 'file', quiet: true, jobs: 2, ...run, write: (out) => (text += out), onWarning: (message) => warnings.push(message), onNote: () => {} });
  } catch (error) {
    // A refusal (git's own, as a blame.ignoreRevsFile the checkout removed) must be the same refusal both ways.
    text = `error: ${(error as Error).message}`;
  }
  return { text, warnings };
}

interface Variant { name: string; run: Partial<BlameCommandRun> }

function variants(r: Rng, repo: TestRepo): Variant[] {
  const shas = repo.git(['rev-list', 'HEAD']).split('\n');
  const out: Variant[] = [{ name: 'default', run: {} }, { name: 'by author', run: { by: 'author' } }];
  const extra: Variant[] = [
    { name: '-M', run: { gitFlags: ['-M'] } },
    { name: '-C -C', run: { gitFlags: ['-C', '-C'] } },
    { name: '-w', run: { gitFlags: ['-w'] } },
    { name: '--no-notes', run: { notes: false } },
    { name: '-C -C -C -M5', run: { gitFlags: ['-C', '-C', '-C', '-M5'] } },
    { name: '--ignore-rev', run: { ignoreRevs: [shas[r.int(shas.length)]!] } },
    { name: '--include', run: { include: ['**/*.txt'] } },
    { name: 'paths', run: { paths: ['src', 'a.txt'] } },
    { name: '--no-give-back --no-root', run: { giveBack: false, gitFlags: ['--no-root'] } },
  ];
  const branches = repo.git(['branch', '--format=%(refname:short)']).split('\n');
  if (branches.length > 1) extra.push({ name: '--rev', run: { rev: r.pick(branches) } });
  out.push(r.pick(extra));
  if (shas.length > 2) out.push({ name: 'since', run: { since: shas[1 + r.int(shas.length - 1)] } });
  return out;
}

async function check(r: Rng, repo: TestRepo, parts: string, log: string[], shards: boolean): Promise<string[]> {
  const found: string[] = [];
  for (const variant of variants(r, repo)) {
    const cached = await json(repo, variant.run);
    const fresh = await json(repo, { ...variant.run, cache: false });
    if (cached.text !== fresh.text || JSON.stringify(cached.warnings) !== JSON.stringify(fresh.warnings)) {
      found.push(`cache differs under ${variant.name} after:\n  ${log.join('\n  ')}\n--- cached\n${cached.text}\n--- fresh\n${fresh.text}\n${cached.warnings.join('\n')}\n${fresh.warnings.join('\n')}`);
      break;
    }
    // A refusal: each part refuses alike (nothing to merge).
    if (!shards || fresh.text.startsWith('error: ')) continue;
    const count = 1 + r.int(5);
    const paths: string[] = [];
    for (let index = 1; index <= count; index++) {
      const part = join(parts, `part-${index}.json`);
      writeFileSync(part, (await json(repo, { ...variant.run, shard: { index, count } })).text);
      paths.push(part);
    }
    const merged = await json(repo, { by: variant.run.by ?? 'file', merge: paths });
    if (merged.text !== fresh.text) found.push(`merge of ${count} differs under ${variant.name} after:\n  ${log.join('\n  ')}\n--- merged\n${merged.text}\n--- whole\n${fresh.text}`);
  }
  return found;
}

async function differential(seed: number, steps: number): Promise<string[]> {
  const r = rng(seed);
  const repo = makeRepo();
  const parts = mkdtempSync(join(tmpdir(), 'aitrail-s54p-parts-'));
  const log: string[] = [];
  try {
    const start: Record<string, string> = {};
    for (const name of NAMES.slice(0, 6)) start[name] = block(r, 10 + r.int(20), name.slice(0, 2)).join('\n') + '\n';
    repo.commit('start\n', start);
    for (let step = 0; step < steps; step++) {
      log.push(operate(r, repo, step));
      const found = await check(r, repo, parts, log, r.chance(0.35));
      if (found.length) return found.map((text) => `seed ${seed}: ${text}`);
    }
    if (process.env.S54P_LOG) console.log(`seed ${seed}:\n  ${log.join('\n  ')}`);
    return [];
  } finally {
    rmSync(parts, { recursive: true, force: true });
    rmSync(repo.dir, { recursive: true, force: true });
  }
}

function seeds(): number[] {
  const given = process.env.S54P_SEEDS;
  if (!given) return [11, 23, 37];
  const [from, to] = given.split('-').map(Number);
  return Array.from({ length: (to ?? from!) - from! + 1 }, (_, at) => from! + at);
}

describe('blame cache and shards under a seeded random differential', () => {
  for (const seed of seeds()) {
    it(`seed ${seed}: every cached report equals a fresh one, every merge the whole`, async () => {
      const found = await differential(seed, Number(process.env.S54P_STEPS ?? 8));
      expect(found.slice(0, 1)).toEqual([]);
    }, 600_000);
  }
});
