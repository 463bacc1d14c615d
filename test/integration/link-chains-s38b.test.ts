import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, dirLink, expectLinkRefused, expectQwenBehindLinkRefused, linkAt, linkedBeforeTheRule, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';

// Session 38 (red team of row 456's limit, "a link through another link is not followed"): links
// made before `src/crypto/**` denied Qwen, whose way to the file passes through other links. Each
// showed Qwen's code at a protected path, and check and pre-receive passed it.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const OPEN_POLICY = 'policy:\n  deny: []\n';
type Found = Array<{ sha: string; rule: string; paths: string[] }>;

describe('path rules through a link whose way passes through other links', () => {
  it.each([
    ['a chain: src/crypto/k.ts -> ../../lib/a.ts, lib/a.ts -> ../vendor/b.ts', (dir: string) => {
      linkAt(dir, '../vendor/b.ts', 'lib/a.ts');
      linkAt(dir, '../../lib/a.ts', 'src/crypto/k.ts');
    }, 'vendor/b.ts', 'src/crypto/k.ts'],
    ['a directory link inside a directory link: src/crypto -> ../lib, lib/inner -> ../vendor', (dir: string) => {
      dirLink(dir);
      linkAt(dir, '../vendor', 'lib/inner');
    }, 'vendor/x.ts', 'src/crypto/inner/x.ts'],
    ['a target through a directory link: src/crypto/x -> ../../d1/f.ts, d1 -> d2', (dir: string) => {
      linkAt(dir, 'd2', 'd1');
      linkAt(dir, '../../d1/f.ts', 'src/crypto/x');
    }, 'd2/f.ts', 'src/crypto/x'],
    ['`..` after a directory link: src/crypto/k.ts -> ../../d1/../lib/key.ts, d1 -> x/y (the file is x/lib/key.ts)', (dir: string) => {
      linkAt(dir, 'x/y', 'd1');
      linkAt(dir, '../../d1/../lib/key.ts', 'src/crypto/k.ts');
    }, 'x/lib/key.ts', 'src/crypto/k.ts'],
  ])('is refused by check and pre-receive (both passed it): %s', (_name, make, written, shown) => {
    expectQwenBehindLinkRefused(make, written, shown);
  });

  it('a link on the way made in the same push as Qwen\'s change: refused', () => {
    const { work, remote } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => linkAt(dir, '../../lib/key.ts', 'src/crypto/k.ts'));
    work.git(['checkout', '-q', '-b', 'qwen', 'main']);
    work.git(['rm', '-q', 'lib/key.ts']);
    linkAt(work.dir, '../vendor/b.ts', 'lib/key.ts');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'chore: key from vendor']);
    const qwen = committed(work, `feat: vendor\n\n${QWEN_DECLARED}\n`, { 'vendor/b.ts': QWEN_KEY });
    expectLinkRefused(work, remote, 'qwen', qwen, 'src/crypto/k.ts', 'vendor/b.ts');
  });

  it('Qwen putting a file in place of the chain\'s middle link (lib/a.ts): refused (what a checkout shows then)', () => {
    const { work, remote } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => {
      linkAt(dir, '../vendor/b.ts', 'lib/a.ts');
      linkAt(dir, '../../lib/a.ts', 'src/crypto/k.ts');
    });
    work.git(['checkout', '-q', '-b', 'qwen', 'main']);
    work.git(['rm', '-q', 'lib/a.ts']);
    const qwen = committed(work, `feat: a\n\n${QWEN_DECLARED}\n`, { 'lib/a.ts': QWEN_KEY });
    expectLinkRefused(work, remote, 'qwen', qwen, 'src/crypto/k.ts', 'lib/a.ts');
  });

  it('what no link shows at a protected path passes: a person writing the chain\'s end, Qwen writing a file no link shows', () => {
    const { work } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => {
      linkAt(dir, '../vendor/b.ts', 'lib/a.ts');
      linkAt(dir, '../../lib/a.ts', 'src/crypto/k.ts');
    });
    work.git(['checkout', '-q', '-b', 'ok', 'main']);
    committed(work, 'feat: vendor\n', { 'vendor/b.ts': QWEN_KEY });
    committed(work, `feat: key\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    const check = aitrail(work.dir, ['check', 'origin/main..ok'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('Qwen\'s lines moved by a person onto the end of a chain (row 470 through a chain): refused by the line judge', () => {
    const { work, remote } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => {
      linkAt(dir, '../vendor/b.ts', 'lib/a.ts');
      linkAt(dir, '../../lib/a.ts', 'src/crypto/k.ts');
    });
    work.git(['checkout', '-q', '-b', 'moved', 'main']);
    committed(work, `feat: util\n\n${QWEN_DECLARED}\n`, { 'other/util.ts': QWEN_KEY });
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'moved:main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    mkdirSync(join(work.dir, 'vendor'), { recursive: true });
    work.git(['mv', '-f', 'other/util.ts', 'vendor/b.ts']);
    work.git(['commit', '-q', '--no-verify', '-m', 'chore: move util']);
    const check = aitrail(work.dir, ['check', 'origin/main..moved', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const found = (JSON.parse(check.stdout) as { violations: Found }).violations;
    expect(found).toMatchObject([{ rule: 'path-model-denied', paths: ['vendor/b.ts'] }]);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'moved:main']).code).not.toBe(0);
  });

  it('a chain that loops: refused with a clear message (exit 3, no hang); a person\'s push removing the link passes, then Qwen\'s change does', () => {
    const { work, remote } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => {
      linkAt(dir, 'b', 'a');
      linkAt(dir, 'a', 'b');
      linkAt(dir, '../../a', 'src/crypto/k.ts');
    });
    work.git(['checkout', '-q', '-b', 'qwen', 'main']);
    committed(work, `feat: other\n\n${QWEN_DECLARED}\n`, { 'other.ts': QWEN_KEY });
    const check = aitrail(work.dir, ['check', 'origin/main..qwen'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    expect(check.stderr).toContain("the symbolic link 'src/crypto/k.ts' (-> '../../a') is within reach of a path rule, and the links on its way loop");
    expect(check.stderr).toContain('in a commit of its own, push that');
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'qwen']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('links on its way loop');
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/qwen');
    work.git(['checkout', '-q', '-b', 'unlink', 'main']);
    work.git(['rm', '-q', 'src/crypto/k.ts']);
    work.git(['commit', '-q', '--no-verify', '-m', 'chore: no loop']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'unlink:main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    committed(work, `feat: other\n\n${QWEN_DECLARED}\n`, { 'other.ts': QWEN_KEY });
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'unlink:main']).code).toBe(0);
  });

  it('directory links whose targets hold links back (src/dN/x -> ../../lib/dN, lib/dN/y -> ../../src): past 20,000 links inside, a range with AI commits is refused fast, a person\'s range passes', () => {
    const { work } = policyServer(OPEN_POLICY);
    for (let at = 0; at < 150; at += 1) {
      linkAt(work.dir, `../../lib/d${at}`, `src/d${at}/x`);
      linkAt(work.dir, '../../src', `lib/d${at}/y`);
    }
    writeFileSync(join(work.dir, '.aitrailrc.yml'), 'policy:\n  paths:\n    - files: ["src/**"]\n      deny: ["qwen/*"]\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'chore: links and the rule']);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    work.git(['checkout', '-q', '-b', 'person', 'main']);
    committed(work, 'chore: w\n', { 'other/w.ts': 'export const w = 1;\n' });
    const person = aitrail(work.dir, ['check', 'origin/main..person'], { timeout: 60_000 });
    expect(person.code, person.stdout + person.stderr).toBe(0);
    committed(work, `feat: z\n\n${QWEN_DECLARED}\n`, { 'other/z.ts': QWEN_KEY });
    const check = aitrail(work.dir, ['check', 'origin/main..person'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    expect(check.stderr).toContain('links that show files at more than 20,000 other places within reach');
    expect(check.stderr).toContain('then push the AI commits on top of it');
  });
});
