// Session 55 helper j: the identity prefilter (mayBeAnAgent) looked for each of the ~240 fast-path texts in the name and
// the email (~470 scans per identity, an eighth of detection's time on an 8 MiB message of co-author lines, found with
// `node --cpu-prof`); it now looks up each position's first four characters. Whatever the position and case of a text,
// matchIdentity answers as every signature run in order does.
import { describe, expect, it } from 'vitest';
import FAST_PATH_TEXTS from '../../src/core/data/fast-path-texts.generated.json' with { type: 'json' };
import { matchIdentity, matchIdentitySignatures } from '../../src/core/detect/identity.js';

describe('the identity prefilter finds a fast-path text wherever it stands', () => {
  it('at the start, in the middle and at the end of a name or an email, in either case', () => {
    for (const text of FAST_PATH_TEXTS.identity) {
      for (const placed of [text, `x ${text}`, `Pat ${text.toUpperCase()} Person`, `${text}z`, `pat.${text}.x`]) {
        for (const [name, email] of [[placed, 'pat@example.com'], ['Pat Person', placed]]) {
          expect(matchIdentity({ name, email }), `${name} <${email}>`).toEqual(matchIdentitySignatures(name, email.replace(/^<|>$/g, '')));
        }
      }
    }
  });
});
