import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, CRYPTO_PATH_POLICY, project, QWEN } from '../helpers/enforce-repos.js';

/** The `file=` of each `::error` annotation, in order. */
const annotatedFiles = (stdout: string): string[] => [...stdout.matchAll(/^::error file=([^,]*),/gm)].map((match) => match[1] as string);

describe('check --format github annotates every file a violation concerns (s43f)', () => {
  it('a commit-wide deny of a commit over three files: an annotation at each, the JSON unchanged (one violation)', () => {
    const { work, base } = project('policy:\n  deny: ["qwen/*"]\n');
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'docs/c.md': 'c\n' }, { noVerify: true });
    const sha = work.git(['rev-parse', 'HEAD']);
    const json = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(json.code).toBe(1);
    const denied = (JSON.parse(json.stdout) as { violations: { rule: string; path: string; paths: string[] }[] }).violations.filter((violation) => violation.rule === 'model-denied');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toEqual(expect.objectContaining({ path: 'docs/c.md', paths: ['docs/c.md', 'src/a.ts', 'src/b.ts'] }));
    const github = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'github']);
    expect(github.code).toBe(1);
    expect(annotatedFiles(github.stdout)).toEqual(['docs/c.md', 'src/a.ts', 'src/b.ts']);
    for (const line of github.stdout.split('\n').filter((text) => text.startsWith('::error'))) {
      expect(line).toContain(`title=aitrail model-denied%3A qwen/qwen3-coder in ${sha.slice(0, 12)}::`);
    }
    // The summary still counts violations, not annotations (scripts/action.sh reads it).
    expect(github.stdout).toMatch(/^aitrail: 1 commit checked, 1 error, 1 warning\.$/m);
  });

  it('every violation is annotated once before any second file, so none is pushed past GitHub\'s first 10', () => {
    const { work, base } = project('policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n');
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`src/f${String(index).padStart(2, '0')}.ts`, `${index}\n`]));
    commitWith(work, `feat: many\n\n${QWEN}\n`, many, { noVerify: true });
    commitWith(work, `feat: one\n\n${QWEN}\n`, { 'lib/one.ts': 'one\n' }, { noVerify: true });
    const github = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'github']);
    expect(github.code).toBe(1);
    const files = annotatedFiles(github.stdout);
    expect(files.slice(0, 2).sort()).toEqual(['lib/one.ts', 'src/f00.ts']);
    expect(files).toHaveLength(13);
  });

  it('a path rule annotates its protected files only, not the commit\'s others', () => {
    const { work, base } = project(CRYPTO_PATH_POLICY);
    commitWith(work, `feat: keys\n\n${QWEN}\n`, { 'src/crypto/key.ts': 'k\n', 'src/crypto/iv.ts': 'i\n', 'lib/free.ts': 'f\n' }, { noVerify: true });
    const github = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'github']);
    expect(github.code).toBe(1);
    expect(annotatedFiles(github.stdout)).toEqual(['src/crypto/iv.ts', 'src/crypto/key.ts']);
  });
});
