// Session 55 helper a: the bundle loader joined CommonJS's wrapper to a bundle's source read as a string,
// and V8 then flattened that rope (~1.1 ms of CPU of every hook run's read and compile, measured in
// isolation); found measuring a hook run's steps with in-process CPU marks. Now readWrapped reads the
// file into one buffer between the wrapper's two halves: the same text, every byte of the file, made once.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBundle, readWrapped, runCompiled } from '../../src/cli/bundle-loader.js';

const dir = mkdtempSync(join(tmpdir(), 'aitrail-read-wrapped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEAD = '(function (exports, require, module, __filename, __dirname, __aitrail_dir) {';

describe('readWrapped (the bundle loader)', () => {
  it('is the wrapper around every byte of the file, a large file and an empty one alike', () => {
    const big = join(dir, 'big.cjs');
    // Past one read's usual size, latin1 bytes of every value the way a bundle never holds but a damaged one may.
    const body = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 7 }, (_, i) => (i * 31) % 256));
    writeFileSync(big, body);
    const wrapped = readWrapped(big);
    expect(wrapped.length).toBe(HEAD.length + body.length + 3);
    expect(wrapped).toBe(`${HEAD}${readFileSync(big, 'latin1')}\n})`);
    const empty = join(dir, 'empty.cjs');
    writeFileSync(empty, '');
    expect(readWrapped(empty)).toBe(`${HEAD}\n})`);
  });

  it('throws what the file system throws for a missing file (the callers say so or run the module tree)', () => {
    expect(() => readWrapped(join(dir, 'missing.cjs'))).toThrow(/ENOENT/);
  });

  it('compiles and runs as CommonJS: exports, __filename and __aitrail_dir as the bundles get them', () => {
    const file = join(dir, 'mod.cjs');
    writeFileSync(file, 'exports.where = [__filename, __aitrail_dir]; module.exports.path = require("node:path").sep;\n// a last line comment');
    const { script } = compileBundle(file, readWrapped(file), join(dir, 'mod.cjs.cache'));
    expect(runCompiled(script, file)).toEqual({ where: [file, dir], path: '/' });
  });
});
