// Row 87 by macOS's own reading of names: a server on a case-insensitive APFS or HFS+ volume
// (core.ignorecase) reads `refs/headſ/main` (U+017F folds to `s`), `refs/heads/ma\u200cin` (a code
// point HFS+ ignores) and `refs/noteſ/ai` as the files of refs/heads/main and refs/notes/ai, as
// row 143 reads paths; the check compared lower-cased names only and let them in. A case-sensitive
// APFS volume (core.precomposeunicode alone) still reads another Unicode form of a name as the same file.
import { describe, expect, it } from 'vitest';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

describe('pre-receive refuses a ref that names the default branch or the notes ref as macOS reads names', () => {
  it('refs/headſ/main, refs/heads/ma\\u200cin and refs/noteſ/ai are refused under core.ignorecase; other names are not', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    remote.git(['config', 'core.ignorecase', 'true']);
    expect(commitWith(work, 'chore: loosen\n', { '.aitrailrc.yml': 'policy: {}\n' }, { noVerify: true }).code).toBe(0);
    for (const ref of ['refs/headſ/main', 'refs/heads/ma\u200cin', 'refs/heads/\ufeffmain', 'refs/noteſ/ai']) {
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `HEAD:${ref}`]);
      expect(push.code, ref).toBe(1);
      expect(push.stderr, ref).toMatch(/as macOS names files/);
    }
    expect(remote.git(['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/main');
    // Names of their own go on (judged by the one policy), under this reading too.
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/mainſ']).code).toBe(0);
    remote.git(['config', 'core.ignorecase', 'false']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/headſ/main']).code).toBe(0);
  });

  it('a default branch named beyond ASCII is refused in its other Unicode form under core.precomposeunicode', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const nfc = 'refs/heads/d\u00e9veloppement';
    const nfd = 'refs/heads/de\u0301veloppement';
    work.git(['push', '-q', 'origin', `main:${nfc}`]);
    remote.git(['symbolic-ref', 'HEAD', nfc]);
    remote.git(['config', 'core.precomposeunicode', 'true']);
    expect(commitWith(work, 'chore: loosen\n', { '.aitrailrc.yml': 'policy: {}\n' }, { noVerify: true }).code).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `HEAD:${nfd}`]);
    expect(push.code).toBe(1);
    expect(push.stderr).toMatch(/as macOS names files/);
    remote.git(['config', 'core.precomposeunicode', 'false']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `HEAD:${nfd}`]).code).toBe(0);
  });
});
