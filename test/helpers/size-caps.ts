import type { TestRepo } from './gitdir.js';

/**
 * Row 1073: AITRAIL_SIZE_CAPS_DIVISOR divides the caps of src/git/commit-size.ts (16 MiB a commit
 * object, 64 KiB a large commit, 64 MiB of large commits a range): a test proving a cap is hit builds
 * KiB of commits under it, not tens of MiB in the RAM tmpdir (which slowed the files beside it ~10x).
 * Passed as a run's `env` (aitrail, aitrailCpu, tryGit: pre-push and pre-receive inherit it), never set
 * on process.env (vitest's isolate: false shares it with the files run after).
 */
export const SIZE_DIVISOR = 256;
export const SCALED_ENV: NodeJS.ProcessEnv = { AITRAIL_SIZE_CAPS_DIVISOR: String(SIZE_DIVISOR) };
/** The caps under SCALED_ENV: 65,536 bytes a commit object, 256 a large commit, 262,144 of large commits a range. */
export const SCALED = {
  commit: (16 * 1024 * 1024) / SIZE_DIVISOR,
  large: (64 * 1024) / SIZE_DIVISOR,
  range: (64 * 1024 * 1024) / SIZE_DIVISOR,
} as const;

/** A `git fast-import` stream of `count` commits on refs/heads/big from `parent`, each with a message of `bytes` bytes. */
export function bigMessageCommits(parent: string, count: number, bytes: number): Buffer {
  const stream: Buffer[] = [];
  for (let n = 0; n < count; n += 1) {
    const message = Buffer.from(`feat: m${n}\n\n${'word '.repeat(bytes / 5)}\n`);
    const file = Buffer.from(`export const m${n} = ${n};\n`);
    stream.push(Buffer.from(`commit refs/heads/big\ncommitter Pat <pat@example.com> ${1_700_000_000 + n} +0000\ndata ${message.length}\n`), message);
    if (n === 0) stream.push(Buffer.from(`from ${parent}\n`));
    stream.push(Buffer.from(`M 100644 inline m${n}.ts\ndata ${file.length}\n`), file, Buffer.from('\n'));
  }
  return Buffer.concat(stream);
}

/** An entry of `log --format json`, as the tests of row 1107 read it. */
export interface LogJsonEntry {
  sha: string;
  subject: string;
  ai: boolean;
  attributions: { agent: string; model: string; evidence: string[] }[];
  warnings?: string[];
}

/**
 * Row 1107's history: `feat: a`, 8 commits of 60 KiB messages (each under SCALED.commit; 480 KiB together, past
 * SCALED.range), then an agent's small commit. `encoding`: each large commit stored under that `encoding` header (row 1114).
 */
export function largeMessageHistory(repo: TestRepo, encoding?: string): TestRepo {
  repo.commit('feat: a\n', { 'a.ts': 'a\n' });
  const stream = bigMessageCommits(repo.git(['rev-parse', 'HEAD']), 8, (15 * 1024 * 1024) / SIZE_DIVISOR);
  const input = encoding === undefined ? stream : Buffer.from(stream.toString('latin1').replace(/^(committer Pat <pat@example\.com> \d+ \+0000\n)/gm, `$1encoding ${encoding}\n`), 'latin1');
  repo.git(['fast-import', '--quiet'], { input });
  repo.git(['reset', '-q', '--hard', 'refs/heads/big']);
  repo.commit('feat: c\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'c.ts': 'c\n' });
  return repo;
}
