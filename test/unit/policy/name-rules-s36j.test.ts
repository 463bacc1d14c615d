import { describe, expect, it } from 'vitest';
import { pathsShownByLinks, protectsByNameOnly } from '../../../src/core/policy/link-reach.js';
import { rule } from '../../helpers/shown-path-differential.js';

describe('protectsByNameOnly: a path rule that protects a path by a name in it', () => {
  it('plain name patterns, at any depth or under `**/`, are; a directory, brace, class, extglob or `**` inside a name is not', () => {
    for (const files of [['*.pem'], ['**/*.pem'], ['secrets', 'secrets/', '*.KEY', 'id_rsa?'], ['.env*'], ['**/keys/**', '**/keys/']]) expect(protectsByNameOnly(rule(files)), files.join(' ')).toBe(true);
    for (const files of [[], ['src/*.pem'], ['/*.pem'], ['*.{pem,key}'], ['[ab].pem'], ['@(a|b)'], ['a**'], ['**'], ['**/**'], ['**/keys/*'], ['keys/**'], ['keys/**/x'], ['*.pem', 'src/crypto/**'], ['!*.pem']]) {
      expect(protectsByNameOnly(rule(files)), files.join(' ')).toBe(false);
    }
  });

  it('protects a path a link shows exactly when it protects the link path or the changed file', () => {
    const globs = [['*.pem'], ['**/*.pem'], ['secrets'], ['**/secrets/'], ['*.KEY', 'id_rsa?'], ['.env*'], ['*'], ['**/keys/**']];
    const links = ['d1/up', 'certs.pem/up', 'a/SECRETS/x', 'x/.env.local', 'caf\u00e9/k', 'ctl\u0001/id_rsa1', 'key.pem', 'a/keys', 'Keys/b/up'];
    const changed = ['lib/a.ts', 'lib/a.pem', 'Secrets/x.ts', 'b/.ENV', 'id_rsa2', 'n\u0065\u0301.pem/x', 'plain', 'keys', 'x/keys', 'x/keys/y.ts'];
    for (const files of globs) {
      const named = rule(files);
      expect(protectsByNameOnly(named)).toBe(true);
      const hit = (path: string): boolean => named.matchFile(path) !== undefined;
      for (const at of pathsShownByLinks(links.map((path) => ({ path, text: '..', target: '' })), changed)) {
        expect(hit(at.shown), `${files.join(' ')}: ${at.shown}`).toBe(hit(at.link.path) || hit(at.changed));
      }
    }
  });
});
