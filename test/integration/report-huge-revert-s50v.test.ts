// Row 974: row 966 left a commit over 16 MiB unread in blame's attributions, but blame's following of
// reverts and cherry-picks (`git log --grep … --no-walk --stdin` of every blamed commit) still asked git for it: a
// 70 MB message saying `This reverts commit …` was piped whole (64 MB held by the synchronous read, then read again
// as a stream) only to be dropped, peak memory 236 MB against 143 MB for the same commit not saying so. Now the
// blamed commits' sizes are asked first (one `cat-file --batch-check` question) and such a commit is not handed on.
// Row 1073: replayed with the bound divided by 256 (AITRAIL_SIZE_CAPS_DIVISOR: 64 KiB, a message of 80 KiB).
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { SCALED, SCALED_ENV } from '../helpers/size-caps.js';

const CAP = SCALED.commit;
const IDENT = 'A U Thor <author@example.com> 1700000000 +0000';
const filler = (bytes: number): string => `${'x'.repeat(99)}\n`.repeat(Math.ceil(bytes / 100));

/** A `git` on PATH that appends the stdin of each revert-following `git log --grep` to `log`, then runs git. */
function loggingGit(log: string): string {
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  const dir = tempDir('aitrail-git-wrap-');
  const script = `#!/bin/sh
case "$*" in
  *"--grep=^This reverts commit"*) t=$(mktemp); cat > "$t"; cat "$t" >> '${log}'; '${real}' "$@" < "$t"; c=$?; rm -f "$t"; exit $c ;;
esac
exec '${real}' "$@"
`;
  writeFileSync(join(dir, 'git'), script);
  chmodSync(join(dir, 'git'), 0o755);
  return dir;
}

describe('blame does not hand a commit over 16 MiB to its revert following (row 974)', () => {
  it('a padded message saying `This reverts commit …`: not asked of git log --grep; its line still counted unread, the others asked as before', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n', { 'a.ts': 'a\n' });
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.commit('feat: b\n', { 'a.ts': 'a\nb\n' });
    repo.write('a.ts', 'a\nb\nc\n');
    repo.git(['add', 'a.ts']);
    const tree = repo.git(['write-tree']);
    const parent = repo.git(['rev-parse', 'HEAD']);
    const text = `tree ${tree}\nparent ${parent}\nauthor ${IDENT}\ncommitter ${IDENT}\n\nRevert "feat: a"\n\nThis reverts commit ${base}.\n\n${filler(CAP + 16 * 1024)}`;
    const big = repo.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: text });
    repo.git(['reset', '-q', '--soft', big]);
    const log = join(tempDir('aitrail-grep-log-'), 'asked');
    const path = `${loggingGit(log)}:${process.env.PATH ?? ''}`;
    const run = aitrail(repo.dir, ['blame', 'a.ts', '--no-cache', '--format', 'json'], { env: { ...SCALED_ENV, PATH: path } });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { totals: { ai: number; human: number; byModel: Record<string, number> } };
    expect(report.totals).toMatchObject({ ai: 1, human: 2, byModel: { unknown: 1 } });
    // The wrapper ran (the two small commits were asked), and the big one was never handed on.
    expect(existsSync(log)).toBe(true);
    const asked = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(asked).toContain(parent);
    expect(asked).not.toContain(big);
  });
});
