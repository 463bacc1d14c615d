// Row 991: row 954's refusal of a pushed tag over 16 MiB named only the object id. A push of several refs
// (`git push --tags`, a release's branch and tags) is refused whole, every ref `pre-receive hook declined`, and a
// tag of that tag (the oversized one inside the chain) has an id no ref shows: the pusher could not tell which
// tag to make again. Now the refusal names the ref it was pushed as (and says when the tag is inside its chain).
import { describe, expect, it } from 'vitest';
import { policyServer, tryGit, type Project } from '../helpers/enforce-repos.js';
import { SCALED, SCALED_ENV } from '../helpers/size-caps.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';
// Row 1073: past the cap divided by 256 (AITRAIL_SIZE_CAPS_DIVISOR, given to each push): 64 KiB, not 16 MiB.
const BIG = SCALED.commit + 16 * 1024;

/** A tag object of `object` (a `type`), its message about `bytes` long: the tag's id. */
function tagObject(work: Project['work'], object: string, type: string, name: string, bytes: number): string {
  const filler = `${'x'.repeat(99)}\n`.repeat(Math.ceil(bytes / 100));
  const text = `object ${object}\ntype ${type}\ntag ${name}\ntagger Test Human <human@example.com> 1700000000 +0000\n\nrelease notes\n\n${filler}`;
  return work.git(['hash-object', '-t', 'tag', '-w', '--stdin'], { input: text });
}

describe('an oversized pushed tag is named by its ref (row 991)', () => {
  it('a push of several refs: the refusal names the tag ref that holds the oversized tag', () => {
    const server = policyServer(POLICY);
    const tree = server.work.git(['rev-parse', 'main^{tree}']);
    server.work.git(['update-ref', 'refs/tags/small', tagObject(server.work, tree, 'tree', 'small', 100)]);
    const big = tagObject(server.work, tree, 'tree', 'v2-notes', BIG);
    server.work.git(['update-ref', 'refs/tags/v2-notes', big]);
    const push = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'refs/tags/small', 'refs/tags/v2-notes'], { env: SCALED_ENV });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(`cannot judge the pushed tag ${big} (pushed as refs/tags/v2-notes): its object is`);
    expect(push.stderr).toContain('tag again with a shorter message and push refs/tags/v2-notes again.');
  });

  it('the oversized tag inside a chain (a small tag of it pushed): named as the one that ref\'s tag names', () => {
    const server = policyServer(POLICY);
    const tree = server.work.git(['rev-parse', 'main^{tree}']);
    const inner = tagObject(server.work, tree, 'tree', 'inner', BIG);
    const outer = tagObject(server.work, inner, 'tag', 'outer', 100);
    server.work.git(['update-ref', 'refs/tags/outer', outer]);
    const push = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'refs/tags/outer'], { env: SCALED_ENV });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(`cannot judge the pushed tag ${inner} (named by the tag pushed as refs/tags/outer): its object is`);
    expect(tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', 'refs/tags/outer']).code).not.toBe(0);
  });
});
