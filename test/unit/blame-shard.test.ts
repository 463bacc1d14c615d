import { describe, expect, it } from 'vitest';
import { parseShard, shardFiles } from '../../src/core/blame/shard.js';

const files = Array.from({ length: 200 }, (_, index) => ({ path: `src/m${index % 7}/f${index}.ts`, size: ((index * 7919) % 5000) + 1 }));

describe('shards', () => {
  it('parses i/n with 1 <= i <= n <= 1024 and nothing else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/2', '3/2', '1/0', '1/1025', '-1/2', '1/2/3', ' 1/2', '1/2\n', '01/2', '1.5/2', 'a/b', '']) expect(parseShard(bad), bad).toBeNull();
  });

  it('every file in exactly one part, in the given order; the same split for the same files in any order', () => {
    for (const count of [1, 2, 3, 8, 64, 300]) {
      const parts = Array.from({ length: count }, (_, index) => shardFiles(files, { index: index + 1, count }));
      expect(parts.flat().map((file) => file.path).sort()).toEqual(files.map((file) => file.path).sort());
      for (const part of parts) expect(part).toEqual(files.filter((file) => part.includes(file)));
      const shuffled = [...files].reverse();
      parts.forEach((part, index) => expect(shardFiles(shuffled, { index: index + 1, count }).map((file) => file.path).sort()).toEqual(part.map((file) => file.path).sort()));
    }
  });

  it('balances bytes: no part holds more than the fair share plus the biggest file', () => {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    const biggest = Math.max(...files.map((file) => file.size));
    for (const count of [2, 4, 16]) {
      for (let index = 1; index <= count; index += 1) {
        const bytes = shardFiles(files, { index, count }).reduce((sum, file) => sum + file.size, 0);
        expect(bytes).toBeLessThanOrEqual(total / count + biggest);
      }
    }
  });
});
