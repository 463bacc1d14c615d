// A seeded generator of commit messages that stress git's trailer rules (differential tests).

/** mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export const ADDED = { key: 'Assisted-by', value: 'claude-code:anthropic/claude-opus-4.6' };
export const SCISSORS = '------------------------ >8 ------------------------';

const SUBJECTS = ['Fix parser', 'feat: add thing', 'Signed-off-by: A U Thor <a@example.com>', 'Key: value subject',
  'Ünïcödé – 修正 🚀', '', '   ', 'Revert "x"', 'Assisted-by: claude-code:anthropic/claude-opus-4.6', '---', '# not a comment?'];
const PROSE = ['This explains the change.', 'more words here', 'See: nothing', 'http://example.com/a:b', 'Texte accentué: oui',
  'a line with trailing space ', 'Note that x: y is prose', '中文说明', '- bullet', '* star: item', 'Key With Space: v',
  'Ke_y: underscore', 'ключ: значение', ': leading colon', 'Bug #42', 'x'];
const KEYS = ['Reviewed-by', 'Co-authored-by', 'Acked-by', 'Fixes', 'Change-Id', 'Bug', 'X', 'a-b-c', 'Helped-by', 'Assisted-by',
  'assisted-BY', 'Assisted', 'Assisted-by-', 'Generated-by', 'Closes', '9-lives', '-dash'];
const VALUES = ['Jane <jane@example.com>', 'claude-code:anthropic/claude-opus-4.6', 'CLAUDE-CODE:Anthropic/Claude-Opus-4.6',
  'abc123', '', '  padded  ', 'üñí 🚀', 'a:b:c', 'https://x.test/1', 'v\twith tab'];
const SEPARATORS = [':', ': ', ' : ', '\t:', ':  ', ' :'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function trailerLine(rand: () => number): string {
  return pick(rand, KEYS) + pick(rand, SEPARATORS) + pick(rand, VALUES);
}

function finalLine(rand: () => number, commentChar: string): string {
  const roll = rand();
  if (roll < 0.35) return trailerLine(rand);
  if (roll < 0.45) return `Signed-off-by: ${pick(rand, ['A U Thor <a@example.com>', 'B', ''])}`;
  if (roll < 0.5) return `(cherry picked from commit ${'0123456789abcdef'.repeat(2)}${rand() < 0.5 ? ')' : ''}`;
  if (roll < 0.62) return pick(rand, PROSE);
  if (roll < 0.7) return pick(rand, ['  continued', '\tcontinued', ' ', '   more: text', '\t']);
  if (roll < 0.76) return `${commentChar} ${pick(rand, ['comment', 'Key: in comment', ''])}`;
  if (roll < 0.8) return pick(rand, ['---', '--- a/file', '----', '---\t', '-- ', 'Conflicts:', '\tpath/a.c']);
  if (roll < 0.83) return `${commentChar} ${SCISSORS}`;
  if (roll < 0.86) return ADDED.key + ': ' + ADDED.value;
  if (roll < 0.9) return '';
  return `${pick(rand, KEYS)}: ${pick(rand, VALUES)}`;
}

function commitTemplate(commentChar: string, verbose: boolean): string[] {
  const lines = [
    '',
    `${commentChar} Please enter the commit message for your changes. Lines starting`,
    `${commentChar} with '${commentChar}' will be ignored, and an empty message aborts the commit.`,
    `${commentChar}`,
    `${commentChar} On branch main`,
  ];
  if (verbose) {
    lines.push(`${commentChar} ${SCISSORS}`, `${commentChar} Do not modify or remove the line above.`,
      'diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1 +1 @@', '-Signed-off-by: old', '+Key: new');
  }
  return lines;
}

/** One message: subject, body paragraphs, a final paragraph of mixed lines, maybe a hook tail. */
export function generateMessage(rand: () => number, commentChar = '#'): string {
  const lines: string[] = [];
  if (rand() < 0.1) lines.push(`${commentChar} leading comment`);
  if (rand() < 0.95) lines.push(pick(rand, SUBJECTS));
  const paragraphs = Math.floor(rand() * 3);
  for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
    lines.push(pick(rand, ['', '', ' ', '\t']));
    const count = 1 + Math.floor(rand() * 3);
    for (let index = 0; index < count; index++) lines.push(rand() < 0.2 ? trailerLine(rand) : pick(rand, PROSE));
  }
  if (rand() < 0.85) {
    lines.push(pick(rand, ['', '', '', ' ']));
    const count = Math.floor(rand() * 7);
    for (let index = 0; index < count; index++) lines.push(finalLine(rand, commentChar));
  }
  const tail = rand();
  if (tail < 0.25) lines.push(...commitTemplate(commentChar, false));
  else if (tail < 0.45) lines.push(...commitTemplate(commentChar, true));
  else if (tail < 0.5) lines.push('---', 'diff --git a/y b/y', `${commentChar} ${SCISSORS}`, 'after scissors');
  else if (tail < 0.55) lines.push('', '');
  const crlf = rand() < 0.12;
  let message = lines
    .map((line) => (rand() < 0.06 ? line + pick(rand, [' ', '\t', '  ']) : line))
    .map((line) => line + (crlf || rand() < 0.02 ? '\r\n' : '\n'))
    .join('');
  if (rand() < 0.12) message = message.replace(/\r?\n$/, '');
  if (rand() < 0.02) message = '';
  return message;
}
