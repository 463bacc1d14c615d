/** `text` as one single-quoted sh word. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** `text` as one sh word: as it is when `plain` (letters, digits, `_ . / -` by default) takes it whole, else single-quoted. */
export function shWord(text: string, plain = /^[A-Za-z0-9_./-]+$/): string {
  return plain.test(text) ? text : shQuote(text);
}
