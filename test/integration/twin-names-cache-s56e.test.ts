// Session 56 helper e (row 1202): the twin search past 16 paths (row 1167) listed every commit the refs hold with its
// paths (`git log --all --name-only`) at each push: on 200,000 commits ~3.6 s of git CPU a push, whatever the push
// (found measuring a 17-file push on a generated history). Now the listing is kept in the common git dir
// (aitrail/twin-names) with the tips it was read from, and only the commits since them are listed, when every one of
// those tips is still held; a forced push or a deleted ref dropping one is a full listing. Differential: over a
// sequence of pushes (a new refused commit on another branch, a forced push dropping it, a policy change, a notes push)
// `check` with the kept listing and without it (the file removed) gives the same verdicts, and the real bare server's
// pre-receive refuses and accepts the same pushes with and without its own kept listing.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, PARSE } from '../helpers/laundered-twins.js';

/** 17 files of a person's (new contents each `step`): with a twin's path, past EVERY_PATH_CAP, the listing is read (row 1167). */
const wide = (step: number) => Object.fromEntries(Array.from({ length: 17 }, (_, at) => [`wide/f${at}.ts`, `export const f${at} = ${at * 100 + step};\n`]));

describe('the twin search keeps its listing of the refs\' commits (row 1202)', () => {
  it('with the kept listing and without it: the same verdicts over new, forced, notes and policy pushes; the server the same', () => {
    const server = deniedAfterRevert();
    const { work, remote, qwen } = server;
    const kept = join(work.dir, '.git', 'aitrail', 'twin-names');
    const serverKept = join(remote.dir, 'aitrail', 'twin-names');
    const verdict = () => {
      const run = aitrail(work.dir, ['check', '--format', 'json', 'origin/main..HEAD'], { timeout: 120_000 });
      expect(run.code === 0 || run.code === 1, run.stdout + run.stderr).toBe(true);
      return { code: run.code, violations: (JSON.parse(run.stdout) as { violations: { sha: string; rule: string; message: string }[] }).violations.map(({ sha, rule, message }) => `${sha} ${rule} ${message}`) };
    };
    // check with the listing kept from the last run, then without it (a full listing, as before): the same verdict.
    const both = () => {
      const warm = verdict();
      rmSync(kept, { force: true });
      const cold = verdict();
      expect(warm).toEqual(cold);
      return warm;
    };
    // A push the server refuses with its kept listing and without it (the push left unmade, so it can be made twice).
    const serverRefuses = (twin: string) => {
      for (const drop of [false, true]) {
        if (drop) rmSync(serverKept, { force: true });
        const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
        expect(pushed.code, pushed.stderr).not.toBe(0);
        expect(pushed.stderr).toContain(twin.slice(0, 12));
      }
    };
    const base = work.git(['rev-parse', 'HEAD']);
    // 1. Q's change again beside 17 files of a person's: refused (no listing yet, then with it).
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(commitWith(work, 'feat: wide again\n', wide(1), { noVerify: true }).code).toBe(0);
    const first = both();
    expect(first.code).toBe(1);
    expect(first.violations.join('\n')).toContain(qwen.slice(0, 12));
    serverRefuses(qwen);
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(serverKept)).toBe(true);
    // 2. A new refused commit Q2 on another local branch, reverted there (the server refuses it itself): the kept listing
    // (its old tips all held) gains it.
    work.git(['reset', '-q', '--hard', base]);
    work.git(['checkout', '-q', '-b', 'side']);
    expect(commitWith(work, 'feat: b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/b.ts': 'export const b = "qwen";\n' }, { noVerify: true }).code).toBe(0);
    const q2 = work.git(['rev-parse', 'HEAD']);
    work.git(['revert', '--no-edit', 'HEAD']);
    work.git(['checkout', '-q', 'main']);
    work.git(['reset', '-q', '--hard', base]);
    expect(tryGit(work.dir, ['cherry-pick', '-n', q2]).code).toBe(0);
    expect(commitWith(work, 'feat: b again\n', wide(2), { noVerify: true }).code).toBe(0);
    const second = both();
    expect(second.code).toBe(1);
    expect(second.violations.join('\n')).toContain(q2.slice(0, 12));
    // 3. The branch holding Q2 rewritten (a forced update dropping Q2 and its revert): Q2 is held no more, and the kept
    // listing that named it is not used (a tip it was read from is no longer held): no twin, as without it.
    work.git(['branch', '-q', '-f', 'side', base]);
    const third = both();
    expect(third.code).toBe(0);
    // The server never held Q2: the push lands.
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    // 4. A policy change (deny Claude too) and a note naming Qwen on a person's commit, pushed: the same verdicts.
    expect(commitWith(work, 'chore: deny claude too\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*", "anthropic/*"]\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'feat: c\n', { 'src/c.ts': 'export const c = 3;\n' }, { noVerify: true }).code).toBe(0);
    const c = work.git(['rev-parse', 'HEAD']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    work.git(['-c', 'user.name=B', '-c', 'user.email=b@e', 'notes', '--ref', 'ai', 'add', '-m', 'c.ts\n  abcd1234abcd1234 1\n---\n{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{"abcd1234abcd1234":{"agent_id":{"tool":"qwen-code","id":"1","model":"qwen3-coder"},"human_author":null,"messages":[],"total_additions":1,"total_deletions":0,"accepted_lines":1,"overriden_lines":0}}}', c]);
    tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']);
    work.git(['fetch', '-q', 'origin']);
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(commitWith(work, 'feat: wide thrice\n', wide(4), { noVerify: true }).code).toBe(0);
    const fourth = both();
    expect(fourth.code).toBe(1);
    expect(fourth.violations.join('\n')).toContain(qwen.slice(0, 12));
    serverRefuses(qwen);
    // The kept file names the tips it was read from: the refs of the last listing, notes refs aside.
    expect(readFileSync(kept, 'utf8').split('\n')[1]).toContain(c);
  });

  it('a name with a CR (`$\'a\\r.ts\'`) kept in the listing and read back: the twin found and its path whole, as without it', () => {
    const server = deniedAfterRevert(undefined, 'a\r.ts');
    const { work, qwen } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(commitWith(work, 'feat: again\n', wide(5), { noVerify: true }).code).toBe(0);
    for (const run of ['listed', 'kept']) {
      const check = aitrail(work.dir, ['check', '--format', 'json', 'origin/main..HEAD'], { timeout: 120_000 });
      expect(check.code, `${run}: ${check.stdout}${check.stderr}`).toBe(1);
      const [violation] = (JSON.parse(check.stdout) as { violations: { path: string; message: string }[] }).violations;
      expect(violation?.path).toBe('a\r.ts');
      expect(violation?.message).toContain(qwen.slice(0, 12));
      expect(existsSync(join(work.dir, '.git', 'aitrail', 'twin-names'))).toBe(true);
    }
  });

  it('a shallow clone deepened: its listing is never kept (the deepened history holds Q, and the twin is found)', () => {
    const server = deniedAfterRevert();
    const { remote, qwen } = server;
    const dir = join(server.work.dir, '..', `shallow-${process.pid}`);
    expect(tryGit(join(server.work.dir, '..'), ['clone', '-q', '--depth', '1', `file://${remote.dir}`, dir]).code).toBe(0);
    for (const [path, text] of Object.entries({ 'src/parse.ts': PARSE, ...wide(6) })) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    expect(tryGit(dir, ['add', '-A']).code).toBe(0);
    expect(tryGit(dir, ['-c', 'user.name=P', '-c', 'user.email=p@example.com', 'commit', '-q', '--no-verify', '-m', 'feat: parse by hand']).code).toBe(0);
    aitrail(dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(tryGit(dir, ['fetch', '-q', '--unshallow', 'origin']).code).toBe(0);
    const check = aitrail(dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain(qwen.slice(0, 12));
  });
});

