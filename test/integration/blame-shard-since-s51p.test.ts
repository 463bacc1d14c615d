import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blame } from '../../src/index.js';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// Issue 12 item 3, the case blame-shard.test.ts lacked: parts of a `--since` report, with git-ai
// notes present (inside and before the window) and the per-file cache warm from another window,
// merge into the unsharded `--since` report, byte for byte.

const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const QWEN = '\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n';
const lines = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag} ${index}`).join('\n') + '\n';

describe('blame --shard with --since (and notes) merges into the unsharded --since report', () => {
  it('for several windows and part counts, cache warm or not', async () => {
    const repo = makeRepo();
    const files: Record<string, string> = {};
    for (let index = 0; index < 8; index += 1) files[`src/m${index % 2}/f${index}.ts`] = lines(`f${index}`, 4 + index * 3);
    const base = repo.commit('human: start\n', files);
    const early = repo.commit(`ai: early${CLAUDE}`, { 'src/m0/f0.ts': lines('f0', 4) + lines('early', 3), 'src/m1/f3.ts': lines('e3', 9) });
    addNote(repo, early, gitAiNote({ 'src/m0/f0.ts': [session(NOTE_KEYS.cursor, '5-6')] }));
    const middle = repo.commit('human: middle\n', { 'src/m0/f2.ts': lines('f2', 10) + lines('mid', 2), 'src/m1/f5.ts': lines('m5', 5) });
    const late = repo.commit(`ai: late${QWEN}`, { 'src/m0/f4.ts': lines('f4', 16) + lines('late', 6), 'src/m1/f7.ts': lines('l7', 30) });
    addNote(repo, late, gitAiNote({ 'src/m1/f7.ts': [session(NOTE_KEYS.claude, '1-10')] }));
    const out = tempDir();
    const lineLevel: number[] = [];
    for (const since of [base, early, middle]) {
      const whole = aitrail(repo.dir, ['blame', '--since', since, '--format', 'json', '--no-cache']);
      expect(whole.code).toBe(0);
      expect(JSON.parse(whole.stdout).totals.lines).toBeGreaterThan(0);
      lineLevel.push((JSON.parse(whole.stdout) as { totals: { lineLevel: number } }).totals.lineLevel);
      for (const count of [2, 3, 5]) {
        const parts: string[] = [];
        for (let index = 1; index <= count; index += 1) {
          const part = await blame({ cwd: repo.dir, since, shard: { index, count } });
          parts.push(join(out, `part-${since.slice(0, 7)}-${count}-${index}.json`));
          writeFileSync(parts.at(-1)!, JSON.stringify(part));
        }
        const merged = aitrail(repo.dir, ['blame', '--merge', ...parts, '--format', 'json']);
        expect(merged.stderr).toBe('');
        expect(merged.stdout, `--since ${since} in ${count} parts`).toBe(whole.stdout);
      }
      // The cached unsharded run (entries the parts wrote) says the same.
      expect(aitrail(repo.dir, ['blame', '--since', since, '--format', 'json']).stdout).toBe(whole.stdout);
    }
    // The notes judged lines in every window (the late note is inside each).
    expect(lineLevel.every((count) => count > 0), String(lineLevel)).toBe(true);
  });
});
