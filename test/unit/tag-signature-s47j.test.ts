// Row 838: a signed tag's message is read without the signature git appends to it, and only then.
import { describe, expect, it } from 'vitest';
import { withoutTagSignature } from '../../src/core/tag-signature.js';

const BODY = 'snapshot\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';

describe('withoutTagSignature (row 838)', () => {
  it('takes off an OpenPGP (armor headers too), X.509 or SSH signature at the end', () => {
    expect(withoutTagSignature(`${BODY}-----BEGIN PGP SIGNATURE-----\nComment: made here\n\niQEzBAABCAAd\n=abcd\n-----END PGP SIGNATURE-----\n`)).toBe(BODY);
    expect(withoutTagSignature(`${BODY}-----BEGIN SIGNED MESSAGE-----\nMIAGCSqGSIb3\n-----END SIGNED MESSAGE-----\n`)).toBe(BODY);
    expect(withoutTagSignature(`${BODY}-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----`)).toBe(BODY);
  });

  it('keeps what is no whole signature: no end, a line after it, a line inside that is not armor, none at all', () => {
    for (const message of [
      `${BODY}-----BEGIN PGP SIGNATURE-----\niQEz\n`,
      `${BODY}-----BEGIN PGP SIGNATURE-----\niQEz\n-----END PGP SIGNATURE-----\nAssisted-by: qwen-code:qwen/qwen3-coder\n`,
      `snapshot\n-----BEGIN PGP SIGNATURE-----\nAssisted-by: qwen-code:qwen/qwen3-coder\n-----END PGP SIGNATURE-----\n`,
      BODY,
    ]) expect(withoutTagSignature(message)).toBe(message);
  });
});
