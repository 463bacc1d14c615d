// The post-rewrite shim's amend gate (aitrail_amended / aitrail_plain) against node itself: for
// generated amended commits (agents' and people's authors, trailers written every way the readers
// take them, co-author lines, agents' footers, bytes outside ASCII, other encodings, a signature
// header), whenever the shim ends without starting aitrail, the real node hook, run on the same
// amend, must carry nothing. And a person's amend costs one git process and no grep.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { huskyLib } from '../../src/install/husky-block.js';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { CURSOR_FOOTER_2026 } from '../helpers/agent-footers.js';
import { BIN, nodeForHooks } from '../helpers/cli.js';
import { stampedRepo } from '../helpers/shim-fast-path.js';
import { TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { prng } from '../helpers/trailer-messages.js';

const SHIM = resolve(fileURLToPath(import.meta.url), '../../../hooks/post-rewrite');

const PEOPLE = ['Jane Doe <jane@example.com>', 'Ana Lima <ana@example.org>', 'Sam Park <sam@example.net>', 'Gemini Smith <gs@example.com>', 'Sonnet <sonnet@example.com>', 'Claudette Roy <c@example.com>', 'Olmo 2 <olmo@example.com>', 'Ren\u00e9 <rene@example.com>'];
const AGENTS = [
  'Claude <noreply@anthropic.com>',
  'Copilot <198982749+Copilot@users.noreply.github.com>',
  'Qwen3-Coder <qwen-coder@alibabacloud.com>',
  'Claude Opus 4.5 <claude@example.com>',
  'GPT-5 <gpt@example.com>',
  'devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>',
  'Cursor Agent <cursoragent@cursor.com>',
  'aider (openai/gpt-5) <aider@aider.chat>',
  'Some Bot <no-reply@example.com>',
];
const PROSE = ['Fix the parser', 'Read the flags once', 'Tidy: names', 'See https://example.com/a:b', 'Bump 2024 <b> x=1;', 'Refs #42', '- a bullet', 'Key With Space: v', 'Signed-off-by: Jane Doe <jane@example.com>', 'Reviewed-by: Sam <sam@example.com>'];
const AI_LINES = [
  'Assisted-by: qwen-code:qwen/qwen3-coder',
  'assisted-BY: claude-code:anthropic/claude-opus-4.6',
  'Assisted_by: qwen-code:qwen/qwen3-coder',
  'Assisted  by: qwen-code:qwen/qwen3-coder',
  'AI  model: qwen/qwen3-coder',
  'Agent-Model: claude-sonnet-4.5',
  'Co-Authored-By: Claude <noreply@anthropic.com>',
  'Co authored by: Claude Sonnet 4.5 <noreply@anthropic.com>',
  'Co-authored-by: Copilot <198982749+Copilot@users.noreply.github.com>',
  '\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)',
  'Generated with Claude Code',
  'Link to Devin session: https://app.devin.ai/sessions/0123456789abcdef0123456789abcdef',
  CURSOR_FOOTER_2026,
  'Made with Cursor',
  '\uFF21ssisted-by: qwen-code:qwen/qwen3-coder',
  'Assisted-by:\tqwen-code:qwen/qwen3-coder',
  'Assisted-by: qwen-code:qwen/qwen3-coder\r',
  '- [x] I used AI to write this',
  '* Qwen3-Coder wrote the parser',
];

interface Old {
  author: string;
  message: string;
  encoding?: string;
  signed?: boolean;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/**
 * The generator's seed: 6, whose first 24 amends hold every class the generated ones are for (asserted in
 * the test); 357's first 60 held one Shift_JIS amend, at the 46th.
 */
const SEED = 6;

/** Amended commits: people's and agents' authors, prose with or without an AI line, now and then an encoding or a signature header. */
function corpus(count: number): Old[] {
  const rand = prng(SEED);
  const cases: Old[] = [];
  for (let at = 0; at < count; at += 1) {
    const author = pick(rand, rand() < 0.85 ? PEOPLE : AGENTS);
    const lines = [pick(rand, PROSE), ''];
    for (let n = Math.floor(rand() * 3); n > 0; n -= 1) lines.push(pick(rand, PROSE));
    if (rand() < 0.3) lines.push('', pick(rand, AI_LINES));
    const roll = rand();
    cases.push({ author, message: `${lines.join('\n')}\n`, ...(roll < 0.1 ? { encoding: 'ISO-8859-1' } : roll < 0.15 ? { encoding: 'Shift_JIS' } : {}), ...(rand() < 0.1 ? { signed: true } : {}) });
  }
  // Every AI line once over a person's commit, and every agent author over a plain message.
  for (const line of AI_LINES) cases.push({ author: PEOPLE[0]!, message: `Work\n\n${line}\n` });
  for (const author of AGENTS) cases.push({ author, message: 'Work\n' });
  return cases;
}

/** The raw commit object of `old` on `tree` and `parent` (its message bytes latin1 under an ISO-8859-1 header). */
function commitObject(old: Old, tree: string, parent: string): Buffer {
  const headers = [`tree ${tree}`, `parent ${parent}`, `author ${old.author} 1764500000 +0000`, 'committer Test Human <human@example.com> 1764500000 +0000'];
  if (old.encoding) headers.push(`encoding ${old.encoding}`);
  if (old.signed) headers.push('gpgsig -----BEGIN SSH SIGNATURE-----', ' U1NIU0lHAAAAAQ==', ' -----END SSH SIGNATURE-----');
  const text = `${headers.join('\n')}\n\n${old.message}`;
  return old.encoding === 'ISO-8859-1' ? Buffer.from(text.replace(/[^\u0000-\u00ff]/gu, '?'), 'latin1') : Buffer.from(text, 'utf8');
}

function setup() {
  const repo = stampedRepo();
  const gitDir = join(repo.dir, '.git');
  copyFileSync(SHIM, join(gitDir, 'hooks', 'post-rewrite'));
  const bin = join(tempDir('aitrail-amend-bin-'), 'bin');
  mkdirSync(bin);
  const log = join(bin, '..', 'started');
  // aitrail that only notes its start; git and grep that note theirs, then run.
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nprintf 'aitrail %s\\n' "$*" >>'${log}'\n`);
  for (const tool of ['git', 'grep']) writeFileSync(join(bin, tool), `#!/bin/sh\nprintf '${tool} %s\\n' "$1" >>'${log}'\nexec /usr/bin/${tool} "$@"\n`);
  for (const tool of ['aitrail', 'git', 'grep']) chmodSync(join(bin, tool), 0o755);
  const base = { ...TEST_GIT_ENV, PATH: `${bin}:/usr/bin:/bin` };
  const tree = repo.git(['rev-parse', 'HEAD^{tree}']);
  const parent = repo.git(['rev-parse', 'HEAD']);
  /** HEAD amended from `old` by a person's `-m` (`reworded`, the new message): the pair post-rewrite gets. */
  const amend = (old: Old, reworded = 'Reworded'): string => {
    const id = spawnSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo.dir, env: TEST_GIT_ENV, input: commitObject(old, tree, parent) });
    expect(id.status, id.stderr.toString()).toBe(0);
    return amendOf(id.stdout.toString().trim(), reworded);
  };
  /** HEAD `from` amended by a person's `-m`. */
  const amendOf = (from: string, reworded = 'Reworded again'): string => {
    const made = repo.git(['commit-tree', '-p', parent, '-m', reworded, tree]);
    repo.git(['update-ref', 'refs/heads/main', made]);
    return `${from} ${made}\n`;
  };
  /** The shim as git runs it (dash, LC_ALL=C; or bash in a UTF-8 locale): what it started, one line each. */
  const shim = (input: string, shell = 'sh', env: NodeJS.ProcessEnv = {}): string[] => {
    rmSync(log, { force: true });
    const result = spawnSync(shell, [join('.git', 'hooks', 'post-rewrite'), 'amend'], { cwd: repo.dir, env: { ...base, ...env }, input, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n') : [];
  };
  /** The real hook on the same amend (through the hook client: served as a fresh node runs it): true when it amended HEAD again (carried). */
  const node = (input: string): { carried: boolean; stdout: string; stderr: string } => {
    const made = input.trim().split(' ')[1];
    const result = spawnSync(nodeForHooks(), [BIN, 'hook', 'post-rewrite', 'amend'], { cwd: repo.dir, env: base, input, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return { carried: repo.git(['rev-parse', 'HEAD']) !== made, stdout: result.stdout, stderr: result.stderr };
  };
  const stamped = () => existsSync(join(gitDir, 'aitrail', 'fast-path', 'version'));
  return { repo, shim, node, amend, amendOf, stamped, parent, kept: join(gitDir, 'aitrail', 'fast-path', 'plain-amend') };
}

const started = (lines: string[]) => lines.some((line) => line.startsWith('aitrail '));

/**
 * Generated amends beside the fixed ones (every AI line over a person's commit, every agent author over a
 * plain message: always run). 24 by default (session 56 helper g: 60 of seed 357 ran ~1.5x as many amends,
 * each a dash, a bash, git and usually a node hook, for the same classes: people's and agents' authors with
 * and without an AI line, both encodings, signature headers, packed refs); AITRAIL_AMEND_SWEEP=<n> runs n of them.
 */
const GENERATED = Number(process.env.AITRAIL_AMEND_SWEEP ?? 0) > 0 ? Number(process.env.AITRAIL_AMEND_SWEEP) : 24;

describe("post-rewrite's amend gate: node skipped only where it carries nothing", () => {
  it(`generated amended commits (${GENERATED} and the fixed ones): every one the shim lets through, node leaves as git made it; the ones that name an agent start node`, () => {
    const { repo, shim, node, amend, stamped, parent } = setup();
    let skipped = 0;
    let packed = 0;
    let keptHits = 0;
    // The classes the generated ones are for, each among them at the default count.
    const generated = corpus(GENERATED).slice(0, GENERATED);
    const aiLine = (old: Old) => AI_LINES.some((line) => old.message.includes(line));
    expect(generated.some((old) => old.encoding === 'ISO-8859-1')).toBe(true);
    expect(generated.some((old) => old.encoding === 'Shift_JIS')).toBe(true);
    expect(generated.some((old) => old.signed === true)).toBe(true);
    expect(generated.some((old) => AGENTS.includes(old.author) && aiLine(old))).toBe(true);
    expect(generated.some((old) => AGENTS.includes(old.author) && !aiLine(old))).toBe(true);
    expect(generated.some((old) => PEOPLE.includes(old.author) && aiLine(old))).toBe(true);
    expect(generated.some((old) => PEOPLE.includes(old.author) && !aiLine(old))).toBe(true);
    for (const [at, old] of corpus(GENERATED).entries()) {
      const label = JSON.stringify(old);
      const input = amend(old);
      if (at % 3 === 0) {
        repo.git(['pack-refs', '--all']);
        packed += 1;
      }
      expect(stamped(), label).toBe(true);
      // Every other case is first the new commit of a person's amend of a plain commit (the shim keeps its id when it reads it plain too).
      if (at % 2 === 0) expect(started(shim(`${parent} ${input.split(' ')[0]}\n`)), label).toBe(false);
      const lines = shim(input);
      // The kept id: no git process (the packed-refs grep of the notes gate aside).
      if (!lines.includes('git log')) keptHits += 1;
      const dash = started(lines);
      // The same decision in bash, in a person's UTF-8 locale (the shim sets LC_ALL=C around its byte ranges, and gives it back).
      expect(started(shim(input, 'bash', { LC_ALL: undefined, LANG: 'C.UTF-8' })), label).toBe(dash);
      if (dash) continue;
      skipped += 1;
      const ran = node(input);
      expect(ran, label).toEqual({ carried: false, stdout: '', stderr: '' });
    }
    // Not vacuous: most amends of people's commits went without node, and packed refs were among them
    // (8 of seed 6's first 24; 10 or more were asked of the 60 of seed 357).
    expect(skipped).toBeGreaterThanOrEqual(8);
    expect(keptHits).toBeGreaterThanOrEqual(4);
    expect(packed).toBeGreaterThan(10);
  });

  it('the harness sees a carry: amends that drop what an agent declared start node, and node carries them', () => {
    const { shim, node, amend } = setup();
    for (const line of ['Assisted-by: qwen-code:qwen/qwen3-coder', 'Assisted_by: qwen-code:qwen/qwen3-coder', 'Co-Authored-By: Claude <noreply@anthropic.com>']) {
      const input = amend({ author: PEOPLE[0]!, message: `Work\n\n${line}\n` });
      expect(started(shim(input)), line).toBe(true);
      expect(node(input).carried, line).toBe(true);
    }
  });

  it("a person's amend of a person's commit: one git process, no grep, no node, and none for the next amend; a long message is node's to read", () => {
    const { shim, amend, amendOf } = setup();
    const plain = amend({ author: PEOPLE[0]!, message: 'Fix the parser\n\nRead the flags once.\n' });
    expect(shim(plain)).toEqual(['git log']);
    expect(shim(plain, 'bash', { LC_ALL: undefined, LANG: 'C.UTF-8' })).toEqual(['git log']);
    // Amending again the commit that amend made (read plain with it): nothing started at all; the
    // commit this one makes is not read, so the amend after reads both again (one amend in two).
    const again = amendOf(plain.trim().split(' ')[1]!);
    expect(shim(again)).toEqual([]);
    const third = amendOf(again.trim().split(' ')[1]!);
    expect(shim(third)).toEqual(['git log']);
    expect(shim(amendOf(third.trim().split(' ')[1]!))).toEqual([]);
    // dash matches the identity patterns in time growing with the square of the text (16 KiB: seconds): past 4 KiB node decides.
    const long = amend({ author: PEOPLE[0]!, message: `Fix the parser\n\n${'Read the flags once, then the values. '.repeat(500)}\n` });
    const start = treeCpuClock();
    expect(started(shim(long))).toBe(true);
    expect(treeCpuClock() - start).toBeLessThan(3000);
  });

  it('the kept id of the last plain amend: only that very commit, only under this version, never a commit the person gave an AI line', () => {
    const { shim, node, amend, amendOf, kept } = setup();
    // The person's amend adds an AI line: the new commit is not kept, and amending it again starts node, which carries.
    const first = amend({ author: PEOPLE[0]!, message: 'Work\n' }, 'Work\n\nCo-Authored-By: Claude <noreply@anthropic.com>');
    expect(started(shim(first))).toBe(false);
    expect(existsSync(kept)).toBe(false);
    const second = amendOf(first.trim().split(' ')[1]!, 'Work, reworded');
    expect(started(shim(second))).toBe(true);
    expect(node(second).carried).toBe(true);
    // A plain amend keeps its new commit's id under this version's name.
    const plain = amend({ author: PEOPLE[0]!, message: 'Work\n' });
    expect(shim(plain)).toEqual(['git log']);
    const made = plain.trim().split(' ')[1]!;
    const version = readFileSync(kept, 'utf8').split('\n')[0]!;
    expect(readFileSync(kept, 'utf8')).toBe(`${version}\n${made}\n`);
    // Another version's judgement, another commit, or a link: read again.
    const next = amendOf(made);
    writeFileSync(kept, `aitrail 0.0.1\n${made}\n`);
    expect(shim(next)).toEqual(['git log']);
    const agent = amend({ author: AGENTS[0]!, message: 'Work\n' });
    writeFileSync(kept, `${version}\n${made}\n`);
    expect(started(shim(agent))).toBe(true);
    rmSync(kept);
    const target = join(tempDir('aitrail-kept-'), 'x');
    symlinkSync(target, kept);
    expect(shim(amendOf(made))).toEqual(['git log']);
    expect(existsSync(target)).toBe(false);
  });

  it('the husky block reads the amended commit with the same function', () => {
    // post-rewrite's gates, in the shared .husky/aitrail.sh its block sources (row 874).
    const lib = huskyLib().text;
    const body = lib.slice(lib.indexOf('aitrail_gate_post_rewrite() {'));
    const shimText = readFileSync(SHIM, 'utf8');
    const plain = (text: string) => {
      const at = text.indexOf('aitrail_plain() {');
      expect(at).toBeGreaterThan(0);
      return text.slice(text.indexOf('aitrail_plain() {'), text.indexOf('aitrail_amended "$', at)).replace(/^ +/gm, '');
    };
    expect(plain(body)).toBe(plain(shimText));
    expect(plain(body)).not.toContain('grep');
    expect(plain(body)).toContain('plain-amend');
  });
});
