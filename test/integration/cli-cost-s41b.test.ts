import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, project, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { qwenNote } from '../helpers/qwen-code-notes.js';

/** `aitrail <args>` with git traced (GIT_TRACE): its result, and the git commands it ran (`git …` as the trace writes them). */
function traced(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string; gits: string[] } {
  const trace = join(tempDir('aitrail-trace-'), 'trace');
  const result = aitrail(dir, args, { env: { ...env, GIT_TRACE: trace } });
  const gits = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((line) => line.includes(' trace: built-in: git '))
    .map((line) => line.slice(line.indexOf(' git ') + 1));
  return { ...result, gits };
}

/** `aitrail blame --format json`, traced: its totals, whether the cache answered (no `git blame` ran), and the git commands it ran. */
function blame(dir: string, args: string[] = []): { lines: number; ai: number; cached: boolean; gits: string[] } {
  const result = traced(dir, ['blame', '--format', 'json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  const json = JSON.parse(result.stdout) as { totals: { lines: number; ai: number } };
  return { lines: json.totals.lines, ai: json.totals.ai, cached: !result.gits.some((git) => /^git (-c \S+ )*blame /.test(git)), gits: result.gits };
}

/** Two commits, the first noted by git-ai (Claude), the second by Qwen Code's notes. */
function notedRepo(objectFormat: 'sha1' | 'sha256' = 'sha1'): { repo: TestRepo; first: string; second: string } {
  const repo = makeRepo({ objectFormat });
  const first = repo.commit('feat: a\n', { 'a.ts': 'one\ntwo\n' });
  const second = repo.commit('feat: b\n', { 'b.ts': 'three\n' });
  addNote(repo, first, gitAiNote({ 'a.ts': [session(NOTE_KEYS.claude, '1-2')] }));
  qwenNote(repo, second, 'Qwen-Coder', ['b.ts']);
  return { repo, first, second };
}

describe('fewer git processes per command (s41b)', () => {
  it('blame lists the notes refs and the replace refs in one for-each-ref; a replace ref made later still changes the report', () => {
    const { repo, first, second } = notedRepo();
    const cold = blame(repo.dir);
    expect([cold.ai, cold.lines, cold.cached]).toEqual([3, 3, false]);
    const refLookups = cold.gits.filter((git) => git.startsWith('git for-each-ref '));
    expect(refLookups).toEqual(["git for-each-ref '--format=%(refname)%00%(objectname)%00%(objecttype)' --end-of-options refs/notes/ai refs/notes/ai-attribution refs/replace/"]);
    expect(blame(repo.dir).cached).toBe(true);
    // `second` replaced by a commit whose b.ts has a line more: git blame reads the replacement, and
    // the report's key (the replace refs, from the shared listing) sends the next run past the cache.
    repo.git(['checkout', '-q', '-b', 'alt', first]);
    const alt = repo.commit('feat: b\n', { 'b.ts': 'three\nfour\n' });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['replace', second, alt]);
    const replaced = blame(repo.dir);
    expect([replaced.lines, replaced.cached]).toEqual([4, false]);
    expect(blame(repo.dir).cached).toBe(true);
    // And as the report of a run that lists the replace refs alone (--no-notes: no notes ref asked).
    expect(blame(repo.dir, ['--no-notes', '--no-cache']).lines).toBe(4);
    repo.git(['replace', '-d', second]);
    const back = blame(repo.dir);
    expect([back.ai, back.lines, back.cached]).toEqual([3, 3, true]);
  });

  it('a replace ref to an object the repository lacks (for-each-ref exits 128 reading its type): each ref listed apart, as before', () => {
    const { repo, second } = notedRepo();
    expect(blame(repo.dir).cached).toBe(false);
    // A loose replace ref at a missing object: `%(objecttype)` cannot be read, `%(objectname)` can.
    repo.git(['update-ref', `refs/replace/${'e'.repeat(40)}`, second]);
    writeFileSync(join(repo.dir, '.git', 'refs', 'replace', 'e'.repeat(40)), `${'f'.repeat(40)}\n`);
    const run = blame(repo.dir);
    expect([run.ai, run.lines, run.cached]).toEqual([3, 3, false]);
    expect(run.gits.filter((git) => git.startsWith('git for-each-ref ')).length).toBeGreaterThan(1);
  });

  it("blame names the empty tree of the repository's hash without asking git (hash-object), in SHA-1 and SHA-256 repositories", () => {
    for (const format of ['sha1', 'sha256'] as const) {
      const { repo } = notedRepo(format);
      repo.commit('chore: generated\n', { '.gitattributes': 'gen.ts linguist-generated\n', 'gen.ts': 'x\ny\n' });
      const trace = join(tempDir('aitrail-trace-'), 'trace2');
      const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache'], { env: { GIT_TRACE2_EVENT: trace, GIT_TRACE2_CONFIG_PARAMS: 'attr.tree', GIT_TRACE: join(tempDir('aitrail-trace-'), 'trace') } });
      expect(result.code, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout) as { totals: { lines: number }; excluded: { generated: number } };
      // gen.ts left out as generated: .gitattributes read at the commit, as before.
      expect([json.totals.lines, json.excluded.generated]).toEqual([4, 1]);
      const given = readFileSync(trace, 'utf8').split('\n').flatMap((line) => (line.includes('"param":"attr.tree"') ? [JSON.parse(line).value as string] : []));
      const empty = repo.git(['hash-object', '-t', 'tree', '--stdin']);
      expect(empty).toHaveLength(format === 'sha1' ? 40 : 64);
      expect(given).toContain(empty);
      const gits = readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('"event":"start"'));
      expect(gits.filter((line) => line.includes('"hash-object"'))).toEqual([]);
    }
  });

  it("status reads aitrail.packageDir once and both notes refs in one for-each-ref, and says what it said", () => {
    const { repo } = notedRepo();
    repo.git(['config', 'aitrail.packageDir', 'tools/lint']);
    const result = traced(repo.dir, ['status', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { packageDir: string; notes: { count: number }; qwenNotes: { count: number } };
    expect([json.packageDir, json.notes.count, json.qwenNotes.count]).toEqual(['tools/lint', 1, 1]);
    // With core.hooksPath in one `git config` (s42f; `git config -z --get aitrail.packageDir` and one for core.hooksPath before).
    expect(result.gits.filter((git) => /aitrail\\?\.packagedir/i.test(git))).toEqual([`git config -z --get-regexp '^(core\\.hookspath|aitrail\\.packagedir)$'`]);
    expect(result.gits.filter((git) => git.startsWith('git for-each-ref '))).toEqual(["git for-each-ref '--format=%(refname)%00%(objectname)%00%(objecttype)' --end-of-options refs/notes/ai refs/notes/ai-attribution"]);
  });
});

describe('what a check with path rules loads (s41b)', () => {
  it('picomatch from the bundle (not resolved in node_modules), node:crypto only for the blame budget\'s marked diff; the path rule still refuses', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["openai/*"]\n' });
    repo.commit('feat: key\n\nAssisted-by: codex:openai/gpt-5.3-codex\n', { 'src/crypto/k.ts': 'k\n' });
    repo.commit('feat: other\n\nAssisted-by: codex:openai/gpt-5.3-codex\n', { 'src/other.ts': 'o\n' });
    const dir = tempDir('aitrail-preload-');
    const preload = join(dir, 'preload.cjs');
    const out = join(dir, 'loaded.json');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ files: Object.keys(require.cache), builtins: process.moduleLoadList })));\n`);
    const result = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json'], { env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(result.code, result.stderr).toBe(1);
    const violations = (JSON.parse(result.stdout) as { violations: { rule: string; model: string }[] }).violations;
    expect(violations.map((violation) => violation.model)).toEqual(['openai/gpt-5.3-codex']);
    const loaded = JSON.parse(readFileSync(out, 'utf8')) as { files: string[]; builtins: string[] };
    expect(loaded.files.filter((file) => file.includes('picomatch'))).toEqual([]);
    // Row 1092: the blame budget reads the protected paths' added runs from one `diff-tree --stdin` stream whose
    // records a random mark separates (src/git/added-lines.ts openAddedLines), so node:crypto loads when a commit of the
    // range changes a protected path; a range that changes none still loads none (below).
    expect(loaded.builtins.filter((name) => /crypto/.test(name)).length).toBeGreaterThan(0);
    const none = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json'], { env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(none.code, none.stderr).toBe(0);
    const untouched = JSON.parse(readFileSync(out, 'utf8')) as { files: string[]; builtins: string[] };
    expect(untouched.builtins.filter((name) => /crypto/.test(name))).toEqual([]);
  });
});

describe('a push judged in several groups looks the notes refs up once (s41b)', () => {
  it('pre-push: two branches updated from their own old tips (two groups) share one for-each-ref of both notes refs, and the denied commit is still refused', () => {
    const { work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: ['pre-push'] });
    work.git(['checkout', '-q', '-b', 'feature']);
    commitCase(work, 'start', 'feat: start\n');
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'feature']).code).toBe(0);
    // Both branches updated, each from its own old tip (other exclusions: two groups).
    commitCase(work, 'denied', `feat: denied\n\n${QWEN}\n`);
    work.git(['checkout', '-q', 'main']);
    commitCase(work, 'main-fix', 'fix: main\n');
    const trace = join(tempDir('aitrail-trace-'), 'trace');
    const push = tryGit(work.dir, ['push', 'origin', 'main', 'feature'], { env: { GIT_TRACE: trace } });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    const lookups = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((line) => line.includes(' trace: built-in: git for-each-ref ') && line.includes('refs/notes/'))
      .map((line) => line.slice(line.indexOf('--end-of-options')));
    expect(lookups).toEqual(['--end-of-options refs/notes/ai refs/notes/ai-attribution']);
  });
});
