/**
 * `text` comes out of git's message clean-up unchanged: what `git notes add -F` does to a note
 * (`git stripspace`: whitespace cut from line ends, blank lines dropped at both ends and runs of
 * them made one, a line feed added at the end). Deliberately narrow: any control character but
 * the line feed (a tab, a carriage return) answers false, so the caller stores such a text another
 * way rather than trust a reading of git's whitespace rules.
 */
export function survivesStripspace(text: string): boolean {
  if (text === '' || text.startsWith('\n') || !text.endsWith('\n') || text.endsWith('\n\n')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x09\x0b-\x1f\x7f]/.test(text)) return false;
  return !text.includes(' \n') && !text.includes('\n\n\n');
}
