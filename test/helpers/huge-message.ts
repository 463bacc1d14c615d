import { makeRepo, type TestRepo } from './gitdir.js';

/**
 * A repository whose HEAD (branch `big`) is one commit whose message is a 15 MiB line of `word ` ending in
 * `Assisted-by: Claude:claude-opus-4-5` (within the 16 MiB cap), written by `git fast-import` (rows 1117, 1162).
 */
export function repoWithHugeMessage(): TestRepo {
  const repo = makeRepo();
  repo.commit('feat: a\n', { 'a.ts': 'a\n' });
  const message = Buffer.from(`feat: big\n\n${'word '.repeat((15 * 1024 * 1024) / 5)}\n\nAssisted-by: Claude:claude-opus-4-5\n`);
  const stream = Buffer.concat([
    Buffer.from(`commit refs/heads/big\ncommitter Pat <pat@example.com> 1700000000 +0000\ndata ${message.length}\n`),
    message,
    Buffer.from(`from ${repo.git(['rev-parse', 'HEAD']).trim()}\nM 100644 inline b.ts\ndata 2\nb\n\n`),
  ]);
  repo.git(['fast-import', '--quiet'], { input: stream });
  repo.git(['reset', '-q', '--hard', 'refs/heads/big']);
  return repo;
}
