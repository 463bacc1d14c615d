/** The lines that open a signature git appends to a signed tag's message (gpg-interface.c's sigs: OpenPGP, X.509, SSH). */
const SIGNATURE_BEGIN = /^-----BEGIN (?:PGP SIGNATURE|PGP MESSAGE|SIGNED MESSAGE|SSH SIGNATURE)-----$/;
const SIGNATURE_END = /^-----END (?:PGP SIGNATURE|PGP MESSAGE|SIGNED MESSAGE|SSH SIGNATURE)-----$/;
/** What an armored signature holds between its lines: base64 (and PGP's `=` checksum), a blank line, OpenPGP's armor headers. */
const ARMOR_LINE = /^(?:[A-Za-z0-9+/=]*|(?:Version|Comment|Hash|Charset|MessageID): [^\n]*)$/;

/**
 * A signed tag's message without the signature git appends to it (`git tag -s`: the message, then
 * `-----BEGIN SSH SIGNATURE-----` … `-----END SSH SIGNATURE-----`), as git itself reads the message
 * (`%(contents:body)`, parse_signed_buffer: from the last line that opens a signature). The trailers
 * are the message's last paragraph again. Only a whole armored block is taken off: a block whose
 * lines are not armor (a message line after it, a trailer inside) is message, and stays.
 */
export function withoutTagSignature(message: string): string {
  const lines = message.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let begin = -1;
  for (let at = 0; at < lines.length; at += 1) if (SIGNATURE_BEGIN.test(lines[at] as string)) begin = at;
  if (begin === -1 || !SIGNATURE_END.test(lines.at(-1) as string) || lines.length - begin < 2) return message;
  if (!lines.slice(begin + 1, -1).every((line) => ARMOR_LINE.test(line))) return message;
  return lines.slice(0, begin).map((line) => `${line}\n`).join('');
}
