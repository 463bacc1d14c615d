import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { QWEN_TRAILER as QWEN, replacedHistory as replaced } from '../helpers/replaced-history.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

// row 826: the warnings blame and trend said on stderr only (replace refs, grafts, files left out…) were missing
// from the JSON, Markdown and HTML a CI job publishes: a reader saw a clean figure. Now they ride in every report.
// row 827: log's replace-ref, graft and shallow-cut warnings were stderr only; now beside the commit concerned.
const REPLACED = /^git shows 1 object in place of the stored ones \(replace refs: [0-9a-f]{12}\).*counted as the person's/;


type Warned = { warnings?: string[] };

describe('the warnings a report gives ride in the report itself (s47g)', () => {
  it('row 826: blame (json, markdown, html, table; cached too) and trend carry the replace-ref warning', () => {
    const { repo } = replaced();
    for (const run of [1, 2]) {
      const json = aitrail(repo.dir, ['blame', '--format', 'json']);
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout) as Warned & { totals: { ai: number } };
      expect(report.totals.ai, `run ${run}`).toBe(0);
      expect(report.warnings, `run ${run}`).toHaveLength(1);
      expect(report.warnings![0]).toMatch(REPLACED);
    }
    // Quiet drops stderr, not the report's own words.
    const quiet = aitrail(repo.dir, ['blame', '--format', 'json', '-q']);
    expect(quiet.stderr).toBe('');
    expect((JSON.parse(quiet.stdout) as Warned).warnings![0]).toMatch(REPLACED);
    const markdown = aitrail(repo.dir, ['blame', '--format', 'markdown', '-q']).stdout;
    expect(markdown).toMatch(/^> \*\*Warning:\*\* <code>git shows 1 object in place of the stored ones/m);
    expect(aitrail(repo.dir, ['blame', '-q']).stdout).toMatch(/^Warning: git shows 1 object in place of the stored ones/m);
    expect(aitrail(repo.dir, ['blame', '--format', 'html', '-q']).stdout).toContain('Warning: git shows 1 object in place of the stored ones');
    const trend = aitrail(repo.dir, ['trend', 'HEAD~2', 'HEAD~1', 'HEAD', '--format', 'json', '-q']);
    expect(trend.code, trend.stderr).toBe(0);
    const warned = (JSON.parse(trend.stdout) as Warned).warnings!;
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(REPLACED);
    expect(aitrail(repo.dir, ['trend', 'HEAD~2', 'HEAD', '--format', 'markdown', '-q']).stdout).toContain('> **Warning:** <code>git shows 1 object');
    expect(aitrail(repo.dir, ['trend', 'HEAD~2', 'HEAD', '--format', 'html', '-q']).stdout).toContain('Warning: git shows 1 object');
    // Read as stored: nothing to warn of, no field.
    const stored = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json'], { env: { GIT_NO_REPLACE_OBJECTS: '1' } }).stdout) as Warned & { totals: { ai: number } };
    expect(stored.totals.ai).toBe(3);
    expect(stored.warnings).toBeUndefined();
  });

  it('row 826: shards carry their warnings and --merge says them once', () => {
    const { repo } = replaced();
    const files = [1, 2].map((index) => {
      const out = aitrail(repo.dir, ['blame', '--format', 'json', '--shard', `${index}/2`, '-q']);
      expect(out.code, out.stderr).toBe(0);
      const file = join(repo.dir, '..', `shard-${index}.json`);
      writeFileSync(file, out.stdout);
      return file;
    });
    const merged = aitrail(repo.dir, ['blame', '--merge', ...files, '--format', 'json']);
    expect(merged.code, merged.stderr).toBe(0);
    const warnings = (JSON.parse(merged.stdout) as Warned).warnings!;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(REPLACED);
  });

  it("row 826: a hostile file name inside a warning is inert in Markdown (no link, no table break, no ESC)", () => {
    const repo = makeRepo();
    const name = '[x](https:evil.example)|`a`\u202e.ts';
    repo.commit(`parser${QWEN}`, { [name]: 'q\0();\n' });
    const json = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '-q']).stdout) as Warned;
    expect(json.warnings?.some((warning) => warning.includes('git reads as binary'))).toBe(true);
    const markdown = aitrail(repo.dir, ['blame', '--format', 'markdown', '-q']).stdout;
    const line = markdown.split('\n').find((text) => text.startsWith('> **Warning:**') && text.includes('binary'))!;
    expect(line).toContain('\\[x\\]\\(https\\:evil\\.example\\)\\|\\`a\\`\\\\u\\{202e\\}');
    expect(line).not.toContain('\u202e');
    expect(line).not.toMatch(/[^\\][[`|]/);
  });

  it('row 827: log marks the replaced commit, the grafted one and the shallow cut in its text and JSON', () => {
    const { repo, qwen } = replaced();
    const entries = JSON.parse(aitrail(repo.dir, ['log', '--format', 'json', '-q']).stdout) as (Warned & { sha: string; ai: boolean })[];
    const marked = entries.filter((entry) => entry.warnings);
    expect(marked.map((entry) => entry.sha)).toEqual([qwen]);
    expect(marked[0]!.ai).toBe(false);
    expect(marked[0]!.warnings![0]).toMatch(/^git shows another object in place of this commit \(a replace ref\)/);
    expect(aitrail(repo.dir, ['log', '-q']).stdout).toContain('    warning: git shows another object in place of this commit');

    const grafts = makeRepo();
    grafts.commit('human\n', { 'b.ts': 'b();\n' });
    grafts.commit(`parser${QWEN}`, { 'a.ts': 'q1();\n' });
    const person = grafts.commit('a person\n', { 'c.ts': 'c();\n' });
    writeFileSync(join(grafts.dir, '.git', 'info', 'grafts'), `# a comment\n${person}\n`);
    const grafted = JSON.parse(aitrail(grafts.dir, ['log', '--format', 'json', '-q'], { env: { GIT_ADVICE: '0' } }).stdout) as (Warned & { sha: string })[];
    expect(grafted).toHaveLength(1);
    expect(grafted[0]!.warnings![0]).toMatch(/^git reads a graft for this commit/);

    const shallow = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${grafts.dir}`, shallow], { env: TEST_GIT_ENV });
    const cut = JSON.parse(aitrail(shallow, ['log', '--format', 'json', '-q']).stdout) as (Warned & { sha: string })[];
    expect(cut).toHaveLength(1);
    expect(cut[0]!.warnings![0]).toMatch(/^this is a shallow clone and its history is cut at this commit/);
    const full = JSON.parse(aitrail(grafts.dir, ['log', '--format', 'json', '-q'], { env: { GIT_GRAFT_FILE: join(grafts.dir, 'none') } }).stdout) as Warned[];
    expect(full.every((entry) => entry.warnings === undefined)).toBe(true);

    // A warning said while a commit is read (its git-ai note malformed) is kept on that commit's entry, not another's.
    const noted = makeRepo();
    const first = noted.commit('one\n', { 'a.ts': 'a\n' });
    noted.commit('two\n', { 'b.ts': 'b\n' });
    noted.git(['notes', '--ref=ai', 'add', '-m', 'not a git-ai note', first]);
    const read = JSON.parse(aitrail(noted.dir, ['log', '--format', 'json', '-q']).stdout) as (Warned & { sha: string })[];
    expect(read[0]!.warnings).toBeUndefined();
    expect(read[1]!.sha).toBe(first);
    expect(read[1]!.warnings).toEqual([expect.stringMatching(new RegExp(`^the git-ai note of commit ${first.slice(0, 12)} is malformed`))]);
  });
});
