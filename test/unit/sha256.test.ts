import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/sha256.js';

const reference = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex: node:crypto\'s SHA-256 of the UTF-8 text, without loading node:crypto', () => {
  it('the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('every length around the block and padding edges, and paths of every kind of character', () => {
    const characters = ['a', '/', ' ', '\n', 'é', '漢', '😀', '\0', 'ſ', '\u2028'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let length = 0; length < 300; length += 1) {
      const ascii = 'x'.repeat(length);
      expect(sha256Hex(ascii), `length ${length}`).toBe(reference(ascii));
      const mixed = Array.from({ length: length % 90 }, () => characters[next() % characters.length]).join('');
      expect(sha256Hex(mixed), JSON.stringify(mixed)).toBe(reference(mixed));
    }
    const long = 'src/'.repeat(5000);
    expect(sha256Hex(long)).toBe(reference(long));
  });
});
