// Session 51, task n: the shims' parse cost on an AI commit (issue 12 item 2).
// row 1006: dash parses a function definition when it reaches it, and an AI commit's shim reaches the end of the
//   file: ~19 KB of judges that an install by npm never calls (yarn's and pnpm's wrappers, locks and stores, bun's
//   lock, copies and links in the work tree: aitrail_pn, aitrail_yw, …) were parsed into trees on every AI commit.
//   They are now one single-quoted string in the same shim (scanned, not parsed), `eval`ed by aitrail_lz the first
//   time one of them is called (each name a one-line stub until then); what each judge says is unchanged.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { npmCopiedRepo, vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

const packageDir = resolve(fileURLToPath(import.meta.url), '../../..');
const LAZY = ['aitrail_iw', 'aitrail_ru', 'aitrail_lk', 'aitrail_vs', 'aitrail_at', 'aitrail_pin', 'aitrail_nb', 'aitrail_nw', 'aitrail_na', 'aitrail_yj', 'aitrail_nl', 'aitrail_lr', 'aitrail_cu', 'aitrail_bo', 'aitrail_vo', 'aitrail_pn', 'aitrail_pw', 'aitrail_yw', 'aitrail_yx'];
const LOADER = "aitrail_lz() {\n  eval '";

/** The shim's text without aitrail_lz's string: what the shell parses on its way to node. */
function parsedText(text: string): string {
  const start = text.indexOf(LOADER);
  if (start < 0) return text;
  const end = text.indexOf("'\n}\n", start + LOADER.length);
  expect(end).toBeGreaterThan(start);
  return text.slice(0, start) + text.slice(end + 4);
}

/** An AI commit's prepare-commit-msg run by `sh -x` as git runs it, in `dir`: its status, trace and the message written. */
function tracedAiHook(dir: string): { status: number | null; trace: string; message: string } {
  writeFileSync(join(dir, '.git', 'COMMIT_EDITMSG'), 'Add a feature\n');
  const env = { ...TEST_GIT_ENV, AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code', PWD: dir };
  const run = spawnSync('sh', ['-x', '.git/hooks/prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], { cwd: dir, env, encoding: 'utf8', input: '' });
  return { status: run.status, trace: run.stderr, message: readFileSync(join(dir, '.git', 'COMMIT_EDITMSG'), 'utf8') };
}

describe('row 1006: the judges an npm install never calls are not parsed on an AI commit', () => {
  it('every generated client shim holds each of them once, as a stub the shell parses and a definition in one quoted string', () => {
    const shims = readdirSync(join(packageDir, 'hooks')).filter((name) => readFileSync(join(packageDir, 'hooks', name), 'utf8').includes('aitrail_in() {'));
    expect(shims).toContain('prepare-commit-msg');
    expect(shims).toContain('commit-msg');
    for (const name of shims) {
      const text = readFileSync(join(packageDir, 'hooks', name), 'utf8');
      const parsed = parsedText(text);
      for (const judge of LAZY) {
        // Outside the string: only `<judge>() { aitrail_lz; <judge> "$@"; }`, no definition of its own.
        expect(parsed.split('\n').filter((line) => line.startsWith(`${judge}() {`)), `${name}: ${judge}`).toEqual([`${judge}() { aitrail_lz; ${judge} "$@"; }`]);
      }
      // At least ~15 KB of the shim is no longer parsed into trees (the judges' text is ~19 KB).
      expect(text.length - parsed.length, name).toBeGreaterThan(15_000);
    }
  });

  it('under sh, bash --posix and busybox sh the string defines each judge, in place of its stub, and keeps the rest', () => {
    const text = readFileSync(join(packageDir, 'hooks', 'prepare-commit-msg'), 'utf8');
    const region = text.slice(text.indexOf('\naitrail_tp=\n') + 1, text.indexOf('\na=\n') + 1);
    const shells: string[][] = [['sh'], ['bash', '--norc', '--noprofile', '--posix']];
    if (spawnSync('busybox', ['sh', '-c', 'exit 0']).status === 0) shells.push(['busybox', 'sh']);
    // Each judge's first line once loaded: the stub's is `aitrail_lz`.
    const script = `${region}aitrail_lz\nfor f in ${LAZY.join(' ')}; do command -v "$f" >/dev/null || echo "missing $f"; done\naitrail_at /base ../x/y && printf '%s\\n' "$aitrail_q"\naitrail_yj "" "git+https://example.com/x.git" 1; echo "yj:$?"\n`;
    for (const shell of shells) {
      const run = spawnSync(shell[0]!, [...shell.slice(1), '-c', script], { encoding: 'utf8' });
      expect(run.stderr, shell.join(' ')).toBe('');
      expect(run.stdout, shell.join(' ')).toBe('/x/y\nyj:1\n');
    }
  });

  it('an AI commit with aitrail installed as npm installs it loads none of them, and records the model', () => {
    const repo = npmCopiedRepo();
    const { status, trace, message } = tracedAiHook(repo.dir);
    expect(status, trace.slice(-2000)).toBe(0);
    expect(message).toContain('Assisted-by: claude-code:anthropic/claude-opus-4.6');
    // The npm copy was judged (npm's record read) and node started, without the judges in the string.
    expect(trace).toMatch(/^\+ aitrail_np /m);
    expect(trace).not.toMatch(/^\+ aitrail_lz$/m);
  });

  it('a repository\'s own aitrail linked in by npm (file:vendor/aitrail) is judged by the loaded judges and refused, as before', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-lazy-linked-');
    // What `npm install --ignore-scripts` leaves for a `file:` folder: a link to it, and the bin's link through it.
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync('../vendor/aitrail', join(repo.dir, 'node_modules', 'aitrail'));
    symlinkSync('../aitrail/bin/aitrail', join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    const { status, trace, message } = tracedAiHook(repo.dir);
    expect(status).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(trace).toContain('comes from the repository');
    expect(message).not.toContain('Assisted-by');
    // The judge of a path in the work tree (aitrail_iw) was loaded, then ran.
    expect(trace).toMatch(/^\+ aitrail_lz$/m);
    expect(trace).toMatch(/^\+ aitrail_iw$/m);
  });
});
