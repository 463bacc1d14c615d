import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blame } from '../../src/index.js';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const QWEN = '\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n';
const lines = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag} ${index}`).join('\n') + '\n';

/** A history with a lockfile, a generated file, several models and a git-ai note; `parts(count)` writes every part's JSON. */
function fixture() {
  const repo = makeRepo();
    const files: Record<string, string> = { 'package-lock.json': lines('lock', 50), 'gen/out.js': lines('gen', 9), '.gitattributes': 'gen/** linguist-generated\n' };
    for (let index = 0; index < 9; index += 1) files[`src/m${index % 3}/f${index}.ts`] = lines(`f${index}`, 5 + index * 7);
    repo.commit('human: start\n', files);
    const ai = repo.commit(`ai: more${CLAUDE}`, { 'src/m0/f0.ts': lines('f0', 5) + lines('ai', 4), 'src/m1/f4.ts': lines('f4', 33) + lines('x', 2) });
    repo.commit(`ai: qwen${QWEN}`, { 'src/m2/f8.ts': lines('q', 70) });
  addNote(repo, ai, gitAiNote({ 'src/m0/f0.ts': [session(NOTE_KEYS.cursor, '6-7')] }));
  const out = tempDir();
  /** The parts through the API (in process: quick): their files and the paths of their JSON. */
  const parts = async (count: number) => {
    const paths: string[] = [];
    const seen: string[] = [];
    for (let index = 1; index <= count; index += 1) {
      const shard = await blame({ cwd: repo.dir, shard: { index, count } });
      expect(shard.shard).toMatchObject({ index, count });
      seen.push(...shard.files.map((file) => file.path));
      paths.push(join(out, `part-${count}-${index}.json`));
      writeFileSync(paths.at(-1)!, `${JSON.stringify(shard, null, 2)}\n`);
    }
    return { paths, seen };
  };
  return { repo, out, parts };
}

describe('blame --shard / --merge', () => {
  it('the merged parts equal the unsharded report: files, totals, byModel, byAgent, lineLevel, excluded', async () => {
    const { repo, parts: write } = fixture();
    // The merge and the reference through the CLI.
    const whole = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(whole.code).toBe(0);
    for (const count of [1, 3, 12]) {
      const { paths: parts, seen } = await write(count);
      // Every file in exactly one part.
      expect(seen.sort()).toEqual((JSON.parse(whole.stdout) as { files: { path: string }[] }).files.map((file) => file.path).sort());
      const merged = aitrail(repo.dir, ['blame', '--merge', ...parts.reverse(), '--format', 'json']);
      expect(merged.stderr).toBe('');
      expect(merged.stdout).toBe(whole.stdout);
    }
    const parsed = JSON.parse(whole.stdout) as { totals: { lineLevel: number; byModel: Record<string, number> }; excluded: { lockfiles: number; generated: number } };
    expect(parsed.totals.lineLevel).toBeGreaterThan(0);
    expect(parsed.excluded).toMatchObject({ lockfiles: 1, generated: 1, vendored: 0, binary: 0, binarySource: 0, lfs: 0, generatedLines: { lines: 9, ai: 0, human: 9 } });
    expect(Object.keys(parsed.totals.byModel).length).toBeGreaterThan(1);

    // Other formats render the merged report.
    const three = (await write(3)).paths;
    expect(aitrail(repo.dir, ['blame', '--merge', ...three, '--format', 'markdown']).stdout).toBe(aitrail(repo.dir, ['blame', '--format', 'markdown']).stdout);
  });

  it('refuses a part missing, twice, of another question or revision, a file in two parts, hostile JSON and options that shape a run (exit 2)', async () => {
    const { repo, out, parts } = fixture();
    const three = (await parts(3)).paths;
    const missing = aitrail(repo.dir, ['blame', '--merge', three[0]!, three[2]!]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing: 2');
    expect(aitrail(repo.dir, ['blame', '--merge', three[0]!, three[0]!, three[1]!, three[2]!]).stderr).toContain('given twice: 1');
    writeFileSync(join(out, 'other.json'), JSON.stringify(await blame({ cwd: repo.dir, shard: { index: 2, count: 3 }, gitFlags: ['-w'] })));
    const mixed = aitrail(repo.dir, ['blame', '--merge', three[0]!, join(out, 'other.json'), three[2]!]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('another question');
    // --by author: parts run with it merge into the unsharded view; parts run without it are refused.
    const byAuthor = [1, 2].map((index) => {
      const part = aitrail(repo.dir, ['blame', '--shard', `${index}/2`, '--by', 'author', '--format', 'json']);
      writeFileSync(join(out, `author-${index}.json`), part.stdout);
      return join(out, `author-${index}.json`);
    });
    expect(aitrail(repo.dir, ['blame', '--merge', ...byAuthor, '--by', 'author', '--format', 'json']).stdout).toBe(aitrail(repo.dir, ['blame', '--by', 'author', '--format', 'json']).stdout);
    const noAuthors = aitrail(repo.dir, ['blame', '--merge', ...three, '--by', 'author']);
    expect(noAuthors.code).toBe(2);
    expect(noAuthors.stderr).toContain('run each --shard with --by author');

    // A part of another revision (a commit landed between the jobs) is refused too.
    const next = tempDir();
    repo.commit('human: later\n', { 'src/m0/f0.ts': lines('f0', 6) });
    const later = aitrail(repo.dir, ['blame', '--shard', '2/3', '--format', 'json']);
    expect(later.code).toBe(0);
    writeFileSync(join(next, 'later.json'), later.stdout);
    const moved = aitrail(repo.dir, ['blame', '--merge', three[0]!, join(next, 'later.json'), three[2]!]);
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain('another question');
    // The same file in two parts; options that only shape a run; a directory.
    const twin = JSON.parse(readFileSync(three[1]!, 'utf8')) as { files: unknown[] };
    twin.files.push((JSON.parse(readFileSync(three[0]!, 'utf8')) as { files: unknown[] }).files[0]);
    writeFileSync(join(next, 'twin.json'), JSON.stringify(twin));
    expect(aitrail(repo.dir, ['blame', '--merge', three[0]!, join(next, 'twin.json'), three[2]!]).stderr).toContain('is in two shards');
    const shaped = aitrail(repo.dir, ['blame', '--merge', ...three, '--since', 'HEAD~1', '-w']);
    expect(shaped.code).toBe(2);
    expect(shaped.stderr).toContain('--since, -w/-M/-C do not apply');
    expect(aitrail(repo.dir, ['blame', '--merge', next]).stderr).toContain('cannot read');
    // Outside any repository: the merge reads only its files.
    expect(aitrail(next, ['blame', '--merge', ...three, '--format', 'markdown']).stdout).toBe(aitrail(repo.dir, ['blame', '--format', 'markdown', '--rev', 'HEAD~1']).stdout);
    const proto = JSON.parse(readFileSync(three[0]!, 'utf8')) as { totals: { byModel: Record<string, number> } };
    for (const hostile of [
      '{"rev":"x","since":null,"totals":{"lines":-1}}',
      'not json',
      '[]',
      readFileSync(three[0]!, 'utf8').replace(/"lines": \d+/, '"lines": 1e300'),
      JSON.stringify({ ...proto, shard: { index: 1, count: 3, question: 7 } }),
      JSON.stringify({ ...proto, shard: { index: 4, count: 3, question: 'q' } }),
      // A count no run can make (the missing parts would be listed one by one): refused at once.
      JSON.stringify({ ...proto, shard: { index: 1, count: 2 ** 52, question: 'q' } }),
    ]) {
      writeFileSync(join(out, 'bad.json'), hostile);
      const bad = aitrail(repo.dir, ['blame', '--merge', join(out, 'bad.json')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('is not the JSON of one shard');
    }
    expect(aitrail(repo.dir, ['blame', '--shard', '0/2']).code).toBe(2);
    expect(aitrail(repo.dir, ['blame', '--shard', '2/1']).code).toBe(2);
    expect(aitrail(repo.dir, ['blame', '--shard', '1/2', '--merge', three[0]!]).code).toBe(2);
  });
});
