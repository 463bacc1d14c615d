import { describe, expect, it } from 'vitest';
import { splitRecords } from '../../src/git/exec.js';
import { cpuClock } from '../helpers/cpu-clock.js';

async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect(text: string, size: number, separator = '\0'): Promise<string[]> {
  const records: string[] = [];
  for await (const record of splitRecords(chunked(text, size), separator)) records.push(record);
  return records;
}

describe('splitRecords', () => {
  it('splits on the separator across every chunk boundary, multi-byte characters included', async () => {
    const text = '\0a\0\0René 🤖\0x\0tail';
    for (const size of [1, 2, 3, 5, 64]) expect(await collect(text, size)).toEqual(['', 'a', '', 'René 🤖', 'x', 'tail']);
    expect(await collect('a\nb\n', 1, '\n')).toEqual(['a', 'b']);
  });

  it('reads one huge record in linear time (a 16 MB commit message in 64 KB chunks)', async () => {
    const huge = 'lorem ipsum dolor sit amet\n'.repeat(620_000);
    const text = `\0${huge}\0end`;
    // Baseline: one linear pass over the same chunks (decode + search), so a loaded machine
    // slows both sides alike. The quadratic rescan took over 20x the baseline here, the linear one about 1x.
    let started = cpuClock();
    const decoder = new TextDecoder('utf8');
    let found = 0;
    for await (const chunk of chunked(text, 64 * 1024)) if (decoder.decode(chunk, { stream: true }).includes('\0')) found += 1;
    const baseline = cpuClock() - started;
    started = cpuClock();
    const records = await collect(text, 64 * 1024);
    const elapsed = cpuClock() - started;
    expect(found).toBe(2);
    expect(records.map((record) => record.length)).toEqual([0, huge.length, 3]);
    expect(elapsed).toBeLessThan(5 * baseline + 1000);
  });
});

describe('splitRecords with a cap (row 966)', () => {
  async function capped(text: string, size: number, cap: number): Promise<Array<string | { tooLong: number }>> {
    const records: Array<string | { tooLong: number }> = [];
    for await (const record of splitRecords(chunked(text, size), '\0', cap)) records.push(record);
    return records;
  }

  it('gives a record past `cap` bytes of UTF-8 as its length, unkept, and every other record as without a cap', async () => {
    // 'é' is 2 bytes, '🤖' 4: the cap counts bytes, not characters.
    const text = '\0abc\0ééé\0🤖🤖\0x\0tail-past';
    for (const size of [1, 2, 3, 5, 64]) {
      expect(await capped(text, size, 6)).toEqual(['', 'abc', 'ééé', { tooLong: 8 }, 'x', { tooLong: 9 }]);
      expect(await capped(text, size, Infinity)).toEqual(await collect(text, size));
    }
  });
});
