import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { policyServer, pushCase, QWEN } from '../helpers/enforce-repos.js';

const QWEN_MESSAGE = 'feat: keys\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

/** `check base..HEAD` of one Qwen commit writing `path` on top of a reviewed `.aitrailrc.yml` of `config`. */
function checkQwenUnder(config: string, path: string): { code: number; out: string } {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': config });
  const base = repo.git(['rev-parse', 'HEAD']);
  repo.commit(QWEN_MESSAGE, { [path]: 'export const k = 1;\n' });
  const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
  return { code: run.code, out: run.stdout + run.stderr };
}

/**
 * A reviewer reads `src/keys/**` as one more protected folder (a nested or mis-indented item);
 * YAML reads a line indented deeper than the item above as that item's continuation, so the list
 * holds `src/auth/**` and ONE glob `src/crypto/** - src/keys/**`, which matches no file.
 */
const FOLDED = 'policy:\n  paths:\n    - files:\n        - src/auth/**\n        - src/crypto/**\n          - src/keys/**\n      deny: ["qwen/*"]\n';
/** `src/crypto/**` and a no-break space (unquoted: YAML trims only spaces and tabs): the diff shows `src/crypto/**`. */
const NBSP = 'policy:\n  paths:\n    - files: [src/auth/**, src/crypto/**\u00a0]\n      deny: ["qwen/*"]\n';
const TRAILING = 'policy:\n  paths:\n    - files: ["src/auth/**", "src/crypto/** "]\n      deny: ["qwen/*"]\n';

describe('a path rule YAML reads otherwise than a reviewer (s45k)', () => {
  it('check refuses a list item that YAML folds into the item above, instead of protecting neither folder', () => {
    for (const path of ['src/keys/k.ts', 'src/crypto/k.ts']) {
      const run = checkQwenUnder(FOLDED, path);
      expect(run.code, run.out).toBe(2); // was 0: "1 commit checked, no policy violations"
      expect(run.out).toContain('.aitrailrc.yml: found a plain value over more than one line at line 5, column 11, which YAML reads as one value, "src/crypto/** - src/keys/**"');
    }
    // A comment before the value's first line hides nothing (769 skips it): still one value over lines.
    const commented = checkQwenUnder('policy:\n  paths:\n    - files:\n        - src/auth/**\n        - # the keys\n          src/crypto/**\n          - src/keys/**\n      deny: ["qwen/*"]\n', 'src/keys/k.ts');
    expect(commented.code, commented.out).toBe(2);
    expect(commented.out).toContain('a plain value over more than one line at line 6, column 11');
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': FOLDED });
    const status = aitrail(repo.dir, ['status']); // the work tree's config: what commit-msg reads
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('a plain value over more than one line');
  });

  it('pre-receive refuses the push instead of judging by that policy', () => {
    const { work, remote } = policyServer(FOLDED);
    const push = pushCase(work, 'keys', `feat: keys\n\n${QWEN}\n`, 'src/keys/k.ts');
    expect(push.code, push.stderr).not.toBe(0); // was 0: the push went in
    expect(push.stderr).toContain('a plain value over more than one line');
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/keys');
  });

  it('check refuses a file glob ending in a space or holding a no-break space', () => {
    const nbsp = checkQwenUnder(NBSP, 'src/crypto/k.ts');
    expect(nbsp.code, nbsp.out).toBe(2); // was 0
    expect(nbsp.out).toContain('policy.paths[0].files[1]: found');
    expect(nbsp.out).toContain('U+00A0 at character 14');
    const trailing = checkQwenUnder(TRAILING, 'src/crypto/k.ts');
    expect(trailing.code, trailing.out).toBe(2); // was 0
    expect(trailing.out).toContain('white space at the start or end of a name');
  });

  it('check refuses a file glob whose Latin word holds a lookalike letter of another script', () => {
    // A pull request "adds src/keys": the diff shows `src/crypto/**` unchanged beside it; `с` is Cyrillic (U+0441).
    const run = checkQwenUnder('policy:\n  paths:\n    - files: ["src/\u0441rypto/**", "src/keys/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts');
    expect(run.code, run.out).toBe(2); // was 0
    expect(run.out).toContain('policy.paths[0].files[0]: found "src/\u0441rypto/**", which holds U+0441 in "\u0441rypto", a letter of another script or block that shows as the Latin "c"');
    // A word all of one script is a name as written (a folder of a Russian project).
    const own = checkQwenUnder('policy:\n  paths:\n    - files: ["docs/\u043e\u0442\u0447\u0435\u0442\u044b/**", "src/crypto/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts');
    expect(own.code, own.out).toBe(1);
  });

  it('check refuses a lookalike letter set apart by glob syntax (a class, a star, braces), which a reader runs into the word (767)', () => {
    // `src/[с]rypto/**` reads as a class of one `c`: the checker's words were `с` and `rypto`, each of one script.
    for (const glob of ['src/[\u0441]rypto/**', 'src/[\u0441\u0455]rypto/**', 'src/[\u0441-\u0441]rypto/**', 'src/[0-9\u0441]rypto/**', 'src/\u0441*rypto/**', 'src/{\u0441,\u0441}rypto/**']) {
      const run = checkQwenUnder(`policy:\n  paths:\n    - files: ["${glob}"]\n      deny: ["qwen/*"]\n`, 'src/crypto/k.ts');
      expect(run.code, `${glob}\n${run.out}`).toBe(2); // was 0: "1 commit checked, no policy violations"
      expect(run.out).toContain('U+0441');
    }
    // A Latin letter of another block, which NFKC reads as ASCII (770): fullwidth, mathematical sans-serif.
    for (const glob of ['src/\uff43rypto/**', 'src/\u{1d5bc}rypto/**']) {
      const run = checkQwenUnder(`policy:\n  paths:\n    - files: ["${glob}"]\n      deny: ["qwen/*"]\n`, 'src/crypto/k.ts');
      expect(run.code, `${glob}\n${run.out}`).toBe(2); // was 0: "1 commit checked, no policy violations"
      expect(run.out).toContain('shows as the Latin "c"');
    }
    // A Japanese name with fullwidth digits and letters of its own is read as written.
    const japanese = checkQwenUnder('policy:\n  paths:\n    - files: ["docs/\u8cc7\u6599\uff12\uff10\uff12\uff14/**", "docs/\uff31\uff06\uff21/**", "src/crypto/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts');
    expect(japanese.code, japanese.out).toBe(1);
    // Alternatives stay apart, and a letter the table holds is written with ? in a name that really holds it.
    for (const glob of ['{docs,\u043e\u0442\u0447\u0435\u0442\u044b}/**', 'src/kullan?c?/**', 'docs/[a-z\u0430-\u044f]*/**']) {
      const run = checkQwenUnder(`policy:\n  paths:\n    - files: ["${glob}", "src/crypto/**"]\n      deny: ["qwen/*"]\n`, 'src/crypto/k.ts');
      expect(run.code, `${glob}\n${run.out}`).toBe(1);
    }
    const turkish = checkQwenUnder('policy:\n  paths:\n    - files: ["src/kullan\u0131c\u0131/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts');
    expect(turkish.code).toBe(2);
    expect(turkish.out).toContain('write ? in its place');
  });

  it('check refuses white space beside a comma or brace of a {…} list, which the matcher reads as part of the alternative (768)', () => {
    // A reviewer reads `.ts` and `.tsx` files; the matcher reads `.ts` and `. tsx`: the Qwen commit's `.tsx` passed.
    for (const glob of ['src/**/*.{ts, tsx}', 'src/{keys ,crypto}/**', 'src/{ crypto}/**']) {
      const run = checkQwenUnder(`policy:\n  paths:\n    - files: ["${glob}"]\n      deny: ["qwen/*"]\n`, 'src/crypto/k.tsx');
      expect(run.code, `${glob}\n${run.out}`).toBe(2); // was 0 (the first two): "1 commit checked, no policy violations"
      expect(run.out).toContain('of a {…} list');
    }
    // Spaces inside an alternative, beside a brace outside the list, an escaped or bracketed brace: read as before.
    for (const glob of ['src/{My Docs,crypto}/**', 'src/{a,b} c/**', 'src/a\\{ b\\}/**', 'src/[{] x}/**']) {
      const run = checkQwenUnder(`policy:\n  paths:\n    - files: ['${glob}', "src/crypto/**"]\n      deny: ["qwen/*"]\n`, 'src/crypto/k.tsx');
      expect(run.code, `${glob}\n${run.out}`).toBe(1);
    }
  });

  it('check refuses a character that shows as a glob\'s * or / and is a character of a name to the matcher (771)', () => {
    // `src/crypto/∗∗` (asterisk operator), fullwidth `＊＊`, `src∕crypto/**` (division slash), `⁄` (fraction slash), `／` (fullwidth solidus).
    for (const glob of ['src/crypto/\u2217\u2217', 'src/crypto/\uff0a\uff0a', 'src\u2215crypto/**', 'src/crypto\u2044**', 'src\uff0fcrypto/**']) {
      const run = checkQwenUnder(`policy:\n  paths:\n    - files: ["${glob}"]\n      deny: ["qwen/*"]\n`, 'src/crypto/k.ts');
      expect(run.code, `${glob}\n${run.out}`).toBe(2); // was 0: "1 commit checked, no policy violations"
      expect(run.out).toContain('and is a character of a name to the matcher');
    }
    // A CJK name with a fullwidth comma and parentheses is read as written.
    const cjk = checkQwenUnder('policy:\n  paths:\n    - files: ["docs/\u8cc7\u6599\uff08\u65e7\uff09\uff0c\u53c2\u8003/**", "src/crypto/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts');
    expect(cjk.code, cjk.out).toBe(1);
  });

  it('check refuses a word all of lookalike letters, which shows as a Latin word (772)', () => {
    for (const [glob, path] of [['src/**/*.\u0441', 'src/crypto/k.c'], ['src/**/*.\u0440\u0443', 'src/crypto/k.py'], ['src/\u0441\u043e\u0440\u0435/**', 'src/core/k.ts']]) {
      const run = checkQwenUnder(`policy:\n  paths:\n    - files: ["${glob}"]\n      deny: ["qwen/*"]\n`, path!);
      expect(run.code, `${glob}\n${run.out}`).toBe(2); // was 0: "1 commit checked, no policy violations"
      expect(run.out).toContain('a word all of letters of another script or block');
    }
    // A word of that script with a letter of its own (д, и, л…) is read as written; so is ? for each letter.
    const own = checkQwenUnder('policy:\n  paths:\n    - files: ["docs/\u0434\u043e\u043a\u0438/**", "docs/??/**", "src/crypto/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts');
    expect(own.code, own.out).toBe(1);
    // `р?` shows as `p?`: refused too.
    expect(checkQwenUnder('policy:\n  paths:\n    - files: ["docs/\u0440?/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts').code).toBe(2);
  });

  it('honest forms still judge: quoted and block values over lines, a tag on its own line, spaces inside a name, a class for a final space', () => {
    const honest = [
      'policy:\n  paths:\n    - files:\n      - !!str\n        src/crypto/**\n      - "src/My Docs/**"\n      - notes[ ]\n      deny: ["qwen/*"]\ndetect:\n  rules:\n    - { field: body, pattern: "acme\n        footer", agent: acme, model: "acme/coder-2" }\n$schema: >-\n  https://example.com/aitrail/schema.json\n',
      'policy: {paths: [{files: [src/auth/**,\n    src/crypto/**], deny: [qwen/*]}]}\n',
      // A comment between a key and its value on the next line (769: was refused as a value over lines).
      '$schema: # for editors\n  https://example.com/aitrail/schema.json\npolicy:\n  paths:\n    - files: [src/crypto/**]\n      deny: &qwen # the model we do not allow\n        [qwen/*]\n',
      '$schema: !!str # for editors\n  # the published one\n  https://example.com/aitrail/schema.json\npolicy:\n  paths: [{files: [src/crypto/**], deny: [qwen/*]}]\n',
    ];
    for (const config of honest) {
      const run = checkQwenUnder(config, 'src/crypto/k.ts');
      expect(run.code, `${config}\n${run.out}`).toBe(1);
      expect(run.out).toContain('qwen/qwen3-coder');
    }
  });
});
