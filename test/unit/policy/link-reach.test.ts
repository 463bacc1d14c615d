import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../../src/core/policy/compile-policy.js';
import { linkReaches, mayReach, resolveLinkTarget, type LinkTarget } from '../../../src/core/policy/link-reach.js';

const rule = (files: string[]) => compilePolicy({ paths: [{ files, allow: [] }] }).paths[0]!;
const file = (path: string): LinkTarget => ({ kind: 'file', path });
const dir = (path: string, files: string[] = []): LinkTarget => ({ kind: 'directory', path, files });
const UNKNOWN: LinkTarget = { kind: 'unknown' };

describe('resolveLinkTarget', () => {
  it('resolves a link text against the link folder, as the file system would', () => {
    expect(resolveLinkTarget('src/crypto/aes.ts', '../../lib/aes.ts')).toBe('lib/aes.ts');
    expect(resolveLinkTarget('src/crypto', './../lib//crypto/.')).toBe('lib/crypto');
    expect(resolveLinkTarget('a', '.')).toBe('');
    expect(resolveLinkTarget('docs/latest', 'v1')).toBe('docs/v1');
  });

  it('a target outside the repository, absolute or empty is null', () => {
    for (const [path, target] of [['src/x', '../../etc'], ['x', '/etc/passwd'], ['x', ''], ['a/b', '../../../b']]) expect(resolveLinkTarget(path!, target!), target).toBeNull();
  });
});

describe('linkReaches', () => {
  const crypto = rule(['src/crypto/**']);
  it('a file link at a protected path reaches unless its target is protected by the same rule', () => {
    expect(linkReaches(crypto, 'src/crypto/aes.ts', file('lib/aes.ts'))).toBe(true);
    expect(linkReaches(crypto, 'SRC/Crypto/aes.ts', file('lib/aes.ts'))).toBe(true);
    expect(linkReaches(crypto, 'src/crypto/aes.ts', file('src/crypto/v2/aes.ts'))).toBe(false);
    expect(linkReaches(crypto, 'lib/aes.ts', file('src/crypto/aes.ts'))).toBe(false);
  });

  it('a directory link at or above a protected directory reaches unless the same place in its target is protected', () => {
    expect(linkReaches(crypto, 'src/crypto', dir('lib/crypto'))).toBe(true);
    expect(linkReaches(crypto, 'src', dir('lib'))).toBe(true);
    expect(linkReaches(crypto, 'Src', dir('lib'))).toBe(true);
    expect(linkReaches(rule(['src/crypto/**', 'lib/crypto/**']), 'src', dir('lib'))).toBe(false);
    expect(linkReaches(crypto, 'src/crypto/current', dir('src/crypto/v2'))).toBe(false);
    expect(linkReaches(crypto, 'docs', dir('lib', ['crypto/aes.ts']))).toBe(false);
  });

  it('any-depth globs: a directory link reaches when one of its files shows at a protected path only through it', () => {
    const pem = rule(['*.pem']);
    expect(linkReaches(pem, 'config/keys', dir('vault', ['server.pem']))).toBe(false);
    expect(linkReaches(pem, 'config/server.pem', file('lib/aes.ts'))).toBe(true);
    const privateTs = rule(['**/private/*.ts']);
    expect(linkReaches(privateTs, 'app/private', dir('lib/crypto', ['aes.ts', 'README.md']))).toBe(true);
    expect(linkReaches(privateTs, 'app/private', dir('lib/crypto', ['README.md']))).toBe(false);
    expect(linkReaches(privateTs, 'app/private', dir('lib/private', ['aes.ts']))).toBe(false);
  });

  it('an unknown target reaches when the link is at or above a protected place', () => {
    expect(linkReaches(crypto, 'src/crypto/aes.ts', UNKNOWN)).toBe(true);
    expect(linkReaches(crypto, 'src/crypto', UNKNOWN)).toBe(true);
    expect(linkReaches(crypto, 'src', UNKNOWN)).toBe(true);
    expect(linkReaches(crypto, 'lib', UNKNOWN)).toBe(false);
    expect(linkReaches(crypto, 'src/cryptography', UNKNOWN)).toBe(false);
  });

  it('control characters in a link path cannot make the rule miss', () => {
    expect(linkReaches(crypto, 'src/crypto/a\nb.ts', file('lib/aes.ts'))).toBe(true);
    expect(linkReaches(crypto, 'src/crypto\u0085', dir('lib'))).toBe(false);
  });
});

describe('mayReach', () => {
  it('only a link at, above or inside a directory a rule names, or any link under an any-depth glob, needs its target read', () => {
    const crypto = rule(['src/crypto/**']);
    expect(['src/crypto/aes.ts', 'src/crypto', 'src', 'SRC'].map((path) => mayReach(crypto, path))).toEqual([true, true, true, true]);
    expect(['lib', 'docs/latest', 'src/cryptography', 'srcx'].map((path) => mayReach(crypto, path))).toEqual([false, false, false, false]);
    expect(mayReach(rule(['*.pem']), 'docs/latest')).toBe(true);
    // Inside the literal part of a glob with wildcards after it: its files may match through the link.
    const keys = rule(['src/*/keys/*.ts']);
    expect(mayReach(keys, 'src/x')).toBe(true);
    expect(linkReaches(keys, 'src/x', dir('lib/x', ['keys/a.ts']))).toBe(true);
    expect(linkReaches(keys, 'src/x', dir('lib/x', ['README.md']))).toBe(false);
    expect(linkReaches(keys, 'src/x', UNKNOWN)).toBe(true);
  });
});

describe('mayReach never skips a link linkReaches would refuse', () => {
  it('over generated rules, link paths and targets', () => {
    const globs = [['src/crypto/**'], ['*.pem'], ['**/private/*.ts'], ['src/*/keys/*.ts'], ['/billing/'], ['secrets'], ['src/crypto/*.ts', 'lib/**']];
    const paths = ['src', 'src/crypto', 'src/crypto/aes.ts', 'src/x', 'app/private', 'config/server.pem', 'billing', 'docs/latest', 'a/secrets', 'lib', 'SRC/Crypto'];
    const targets: LinkTarget[] = [UNKNOWN, file('lib/aes.ts'), file('src/crypto/b.ts'), dir('lib', ['aes.ts', 'crypto/aes.ts', 'keys/k.ts', 'x.pem', 'private/p.ts']), dir('', ['src/crypto/aes.ts']), dir('src/crypto', ['a.ts'])];
    let refused = 0;
    for (const files of globs) {
      for (const path of paths) {
        for (const target of targets) {
          if (!linkReaches(rule(files), path, target)) continue;
          refused += 1;
          expect(mayReach(rule(files), path), `${files.join(',')} ${path} ${JSON.stringify(target)}`).toBe(true);
        }
      }
    }
    expect(refused).toBeGreaterThan(40);
  });
});
