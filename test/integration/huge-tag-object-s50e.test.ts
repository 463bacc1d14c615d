// Row 954: row 943 capped a commit object's size, not a pushed tag's. A tag of a tree (what pre-receive and
// pre-push read whole: its message is judged, row 823) of 100 MB, packed to under a megabyte, took the server's
// pre-receive 41.6 s and 560 MB before the push was accepted; a chain of 64 such tags is one push. Now a tag object
// over 16 MiB (its size from `git cat-file --batch-check`, before it is read) is refused unread, one line naming it.
// Row 1073: the refusals replayed with the cap divided by 256 (AITRAIL_SIZE_CAPS_DIVISOR: 64 KiB, tags of 80 KiB);
// the 16 MiB default itself is kept at its size in huge-commit-object-s49z.test.ts.
import { describe, expect, it } from 'vitest';
import { policyServer, project, tryGit, type Project } from '../helpers/enforce-repos.js';
import { SCALED, SCALED_ENV } from '../helpers/size-caps.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
const CAP = SCALED.commit;
// Row 991: the ref it was pushed as is named too.
const REFUSED = /cannot judge the pushed tag ([0-9a-f]{40}) \(pushed as refs\/tags\/big\): its object is [\d,]+ bytes, more than the 65,536 read, so it is refused unread; tag again with a shorter message and push refs\/tags\/big again\./;

/** A tag `name` of main's tree whose message is about `bytes` long, its ref written: the tag object's id. */
function bigTag(work: Project['work'], name: string, bytes: number): string {
  const tree = work.git(['rev-parse', 'main^{tree}']);
  const filler = `${'x'.repeat(99)}\n`.repeat(Math.ceil(bytes / 100));
  const text = `object ${tree}\ntype tree\ntag ${name}\ntagger Test Human <human@example.com> 1700000000 +0000\n\nsnapshot\n\n${filler}`;
  const tag = work.git(['hash-object', '-t', 'tag', '-w', '--stdin'], { input: text });
  work.git(['update-ref', `refs/tags/${name}`, tag]);
  return tag;
}

describe('a pushed tag object larger than 16 MiB (row 954)', () => {
  it('is refused unread by pre-receive, with one line naming it', () => {
    const server = policyServer(POLICY);
    const tag = bigTag(server.work, 'big', CAP + 16 * 1024);
    const push = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'refs/tags/big'], { env: SCALED_ENV });
    expect(push.code).not.toBe(0);
    expect(push.stderr.match(REFUSED)?.[1]).toBe(tag);
    expect(tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', 'refs/tags/big']).code).not.toBe(0);
  });

  it('pre-push refuses it too', () => {
    const work = project(POLICY);
    const tag = bigTag(work.work, 'big', CAP + 16 * 1024);
    const push = tryGit(work.work.dir, ['push', 'origin', 'refs/tags/big'], { env: SCALED_ENV });
    expect(push.code).not.toBe(0);
    expect(push.stderr.match(REFUSED)?.[1]).toBe(tag);
  });

  it('careless truth: a tag of a tree with a 2 MB message naming no AI is pushed as before', () => {
    const server = policyServer(POLICY);
    bigTag(server.work, 'notes', 2 * 1024 * 1024);
    const push = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'refs/tags/notes']);
    expect(push.code, push.stderr).toBe(0);
    expect(tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', 'refs/tags/notes']).code).toBe(0);
  });
});
