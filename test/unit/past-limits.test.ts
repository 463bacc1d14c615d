// A message past detection's line limits is unread (refused: unread-declarations) when its unread part
// may declare something (src/core/detect/commit.ts pastLimits). "May declare" must hold for every line
// the readers read within the limits: key spellings they take (`Assisted_by`, `AI model`, `Made  with`),
// and keys and footers split by a terminal's colour sequence or a control character, which reading drops
// or reads as a space (readable.ts).
import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };
const read = (message: string) => detectCommit(commitSignals({ message, author: human, committer: human }), {});
/** What detection reads in `message`, as `agent:model`. */
const models = (message: string) => pairs(read(message));
const pairs = (found: readonly { agent: string; model: string }[]) => found.map((one) => `${one.agent}:${one.model}`);
/** What detection reads in an `Assisted-by:` trailer of `value`. */
const declared = (value: string) => models(`feat: x\n\nAssisted-by: ${value}\n`);
const prose = Array.from({ length: 20_010 }, (_, at) => `Step ${at}: the parser reads one more token.`).join('\n');

describe('a declaration past the line limits, in a spelling the readers take', () => {
  it.each([
    'Assisted_by: qwen-code:qwen/qwen3-coder',
    'Assisted  by: qwen-code:qwen/qwen3-coder',
    'Assisted _ by: qwen-code:qwen/qwen3-coder',
    'Co_Authored_By: Qwen-Coder <qwen-coder@alibabacloud.com>',
    'AI_Model: qwen3-coder',
    'AI model: qwen3-coder',
    'Made  with: Qwen Code',
    'Assis\x1b[0mted-by: qwen-code:qwen/qwen3-coder',
    'Assisted\x07by: qwen-code:qwen/qwen3-coder',
    'Gener\x1b[1mated with [Qwen Code](https://github.com/QwenLM/qwen-code)',
  ])('%j: read within the limits, unread (fail closed) past them', (line) => {
    expect(models(`feat: x\n\nNotes.\n${line}\n\nThanks.\n`).join(' ')).toMatch(/qwen/);
    const past = read(`feat: x\n\n${prose}\n${line}\n\nThanks.\n`);
    expect(past.some((found) => found.unread === true || `${found.agent}:${found.model}`.includes('qwen'))).toBe(true);
  });

  it('a long log of a person\'s, coloured and with snake_case names, or a tool\'s 40,000 `X:` lines, stays read as no one\'s', () => {
    const log = Array.from({ length: 20_010 }, (_, at) => `\x1b[32mPASS\x1b[0m test_parser_reads_token_${at} (${at} ms)`).join('\n');
    expect(read(`test: the whole log\n\n${log}\n\nAll green.\n`)).toEqual([]);
    expect(read(`chore: x\n\n${Array.from({ length: 40_000 }, () => `X: ${'x'.repeat(40)}`).join('\n')}\n`)).toEqual([]);
  });
});

// Reading drops format and zero-width characters, combining marks and terminal colour sequences: a
// footer, a ticked item or its question behind thousands of them is read as a person sees it (row 142
// read declared values so; the footers and the checklist cut each line at 4,096 characters before
// dropping anything, so 4,100 zero-width characters hid what followed), and so is the subject.
describe('a signature behind characters reading drops', () => {
  const hidden = { 'zero-width spaces': '\u200b'.repeat(4100), 'colour sequences': '\x1b[0m'.repeat(1100), 'word joiners': '\u2060'.repeat(30_000) };
  it.each(Object.entries(hidden))('behind %s: a footer, a ticked item and the question above it, and an agent\'s subject are read', (_name, pad) => {
    expect(models(`feat: x\n\nNotes.\n${pad}Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)\n\nThanks.\n`)).toEqual(['qwen-code:qwen/unknown']);
    expect(models(`feat: x\n\nNotes.\n${pad}🤖 Generated with [Claude Code](https://claude.com/claude-code)\n`)).toEqual(['claude-code:unknown']);
    expect(models(`feat: x\n\n## AI assistance\n\n- [x] ${pad}Qwen Code\n`)).toEqual(['qwen-code:qwen/unknown']);
    expect(models(`feat: x\n\n${pad}## AI assistance\n\n- [x] Qwen Code\n`)).toEqual(['qwen-code:qwen/unknown']);
    expect(models(`${pad}aider: add the parser\n\nNotes.\n`)).toEqual(['aider:unknown']);
  });

  it('a ticked item of 60,000 spaces is read in linear time', () => {
    const before = process.cpuUsage();
    expect(read(`feat: x\n\n## AI assistance\n\n- [x] a${' '.repeat(60_000)}b\n`)).toEqual([]);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });
});

describe('an author behind characters reading drops', () => {
  it('Qwen Code\'s address, a name at a no-reply address and aider\'s `(aider)` suffix behind 5,000 zero-width characters are read as on a co-author line; an author past 64 KB is unread', () => {
    const zw = '\u200b'.repeat(5000);
    const as = (author: Identity) => detectCommit(commitSignals({ message: 'feat: x\n', author, committer: human }), {}).map((found) => `${found.agent}:${found.model}${found.unread ? ' unread' : ''}`);
    expect(as({ name: 'Pat', email: `${zw}qwen-coder@alibabacloud.com` })).toEqual(['qwen-code:qwen/unknown']);
    expect(as({ name: `${zw}Qwen Code`, email: 'noreply@example.com' })).toEqual(['qwen-code:qwen/unknown']);
    expect(as({ name: `Pat Doe${zw} (aider)`, email: 'pat@example.com' })).toEqual(['aider:unknown']);
    expect(as({ name: `Pat Doe ${'x'.repeat(70_000)}`, email: 'pat@example.com' })).toEqual(['unknown:unknown unread']);
    expect(as({ name: `Pat Doe${zw}`, email: 'pat@example.com' })).toEqual([]);
  });
});

describe('an agent\'s own identity as the commit author whose name goes on to another model', () => {
  it('read as on a co-author line (row 145): both models', () => {
    const as = (author: Identity) => pairs(detectCommit(commitSignals({ message: 'feat: x\n', author, committer: human }), {}));
    expect(as({ name: 'Claude Opus 4.6, qwen3-coder', email: 'noreply@anthropic.com' })).toEqual(['claude-code:anthropic/claude-opus-4.6', 'claude-code:qwen/qwen3-coder']);
    expect(as({ name: 'Claude Opus 4.6 and Qwen3-Coder', email: 'noreply@anthropic.com' })).toContain('claude-code:qwen/qwen3-coder');
    expect(as({ name: 'Cursor Agent, qwen3-coder', email: 'cursoragent@cursor.com' })).toContain('cursor:qwen/qwen3-coder');
    // An agent's identity alone is that agent only.
    expect(as({ name: 'Claude', email: 'noreply@anthropic.com' })).toEqual(['claude-code:unknown']);
    expect(as({ name: 'Claude Opus 4.6', email: 'noreply@anthropic.com' })).toEqual(['claude-code:anthropic/claude-opus-4.6']);
    expect(as({ name: 'Copilot', email: '175728472+Copilot@users.noreply.github.com' })).toEqual(['copilot:unknown']);
  });
});

// A pull request template's instructions in an HTML comment of several lines between its AI question
// and the ticked list (invisible where the description is rendered): the list's question is still the
// one above it (a one-line comment was skipped already). A comment never closed hides nothing.
describe('a ticked AI checklist below a comment of several lines', () => {
  it.each([
    ['a comment of three lines', 'feat: x\n\n## AI assistance\n<!--\nTick the tools you used.\n-->\n- [x] Qwen Code\n'],
    ['a comment of two lines, blank lines around', 'feat: x\n\n## AI assistance\n\n<!-- Tick the tools you used.\n     Leave the others. -->\n\n- [x] Qwen Code\n'],
    ['a comment after an unticked item', 'feat: x\n\n## Which AI tools did you use?\n- [ ] None\n<!--\n  add others below\n-->\n- [x] Qwen Code\n'],
  ])('%s: the ticked tool is read', (_name, message) => {
    expect(models(message)).toEqual(['qwen-code:qwen/unknown']);
  });

  it('a comment never closed hides nothing; a ticked item inside a closed comment is no one\'s; a list under no AI question stays no one\'s', () => {
    expect(models('feat: x\n\n## Tested with\n<!--\nWhich AI tools did you use?\n- [x] Qwen Code\n')).toEqual(['qwen-code:qwen/unknown']);
    expect(models('feat: x\n\n## AI assistance\n<!--\n- [x] Qwen Code\n-->\n- [ ] Copilot\n')).toEqual([]);
    expect(models('feat: x\n\n## Tested with\n<!--\nTick what you tested.\n-->\n- [x] Qwen Code\n')).toEqual([]);
  });
});

// A break only a screen shows (CR, VT, FF, NEL, U+2028, U+2029): git reads one line, a terminal shows
// two (a carriage return overwrites what came before). Row 144 read a key line's parts so; a footer, a
// ticked item and an agent's subject after such a break are read as the line a person sees too.
describe('a signature after a break only a screen shows', () => {
  it.each(['\r', '\v', '\f', '\u0085', '\u2028', '\u2029'])('after %j: a footer, a ticked item and an agent\'s subject are read', (brk) => {
    expect(models(`feat: x\n\nNotes${brk}🤖 Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)\n\nThanks\n`)).toEqual(['qwen-code:qwen/unknown']);
    expect(models(`feat: x\n\n## AI assistance${brk}- [x] Qwen3-Coder\n`)).toEqual(['unknown:qwen/qwen3-coder']);
    expect(models(`feat: x\n\n## AI assistance\n\n- [ ] None${brk}- [x] Qwen3-Coder\n`)).toEqual(['unknown:qwen/qwen3-coder']);
    expect(models(`Fix the parser${brk}aider: fix the parser\n`)).toEqual(['aider:unknown']);
  });

  it('a message with CRLF line ends reads as with LF ones', () => {
    const message = 'feat: x\r\n\r\n## AI assistance\r\n\r\n- [x] Qwen3-Coder\r\n\r\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\r\n';
    expect(models(message)).toEqual(models(message.replace(/\r\n/g, '\n')));
    expect(models('feat: x\r\n\r\nDo not add footers such as:\r\n\r\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\r\n\r\nThanks.\r\n')).toEqual([]);
  });
});

// A line of 60,000 spaces (or tabs) between two words: the key-line, identity and squash-author patterns
// (`(\S.*?)\s*$`, `(.*?)\s*<…>`) tried the spaces after every position of the lazy part, quadratic in the
// run: 6-10 s of check and pre-receive for one such line, minutes for a message of a few dozen.
describe('a long run of spaces in a line', () => {
  const run = ' '.repeat(60_000);
  it.each([
    ['a key line in the body', `feat: x\n\nNotes.\nAI-Model: a${run}b\n\nThanks\n`],
    ['a key written as words', `feat: x\n\nNotes.\nAI model: a${run}b\n\nThanks\n`],
    ['a trailer', `feat: x\n\nAssisted-by: a${run}b\n`],
    ['a co-author line', `feat: x\n\nCo-authored-by: a${run}b <x@example.org>\n`],
    ['a co-author line of tabs', `feat: x\n\nCo-authored-by: a${'\t'.repeat(60_000)}b <x@example.org>\n`],
    ['the subject', `aider: a${run}b\n`],
    ['a squashed commit\'s author', `Squashed commit of the following:\n\ncommit ${'1'.repeat(40)}\nAuthor: a${run}b <x@example.org>\nDate:   Mon Dec 1 10:00:00 2026 +0000\n\n    feat: x\n`],
    // A word's edge marks (`**qwen3-coder**`, `qwen!`) and a tool's closing `.`/`!` were trimmed with `[…]+$`, quadratic in a run of them.
    ['a run of `!` in a declared value', `feat: x\n\nAssisted-by: a${'!'.repeat(60_000)}b\n`],
    ['a run of `“` in a co-author line at a no-reply address', `feat: x\n\nCo-authored-by: a${'\u201c'.repeat(60_000)}b <noreply@example.org>\n`],
    ['a run of `_` on a co-author line', `feat: x\n\nCo-authored-by: a${'_'.repeat(60_000)}b <x@example.org>\n`],
    ['a run of `.` in a model value', `feat: x\n\nAI-Model: a${'.'.repeat(60_000)}b\n`],
    ['a run of `*` in a made-with value', `feat: x\n\nMade-with: a${'*'.repeat(60_000)}b\n`],
    ['a run of spaces in a ticked item that names agents', `feat: x\n\n## AI assistance\n\n- [x] Claude${' '.repeat(60_000)}Code\n`],
    ['a run of `+` in a key line', `feat: x\n\nNotes.\nAI-Model: Claude${'+'.repeat(60_000)}Code\n\nThanks\n`],
  ])('%s is read in linear time', (_name, message) => {
    const before = process.cpuUsage();
    read(message);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(1500);
  }, 120_000);
});

describe('a long run of spaces in the commit author\'s name', () => {
  it.each([' ', '\t', '\u00a0', '!'])('%j at a no-reply address is read in linear time', (mark) => {
    const before = process.cpuUsage();
    detectCommit(commitSignals({ message: 'feat: x\n', author: { name: `a${mark.repeat(60_000)}b`, email: 'noreply@example.org' }, committer: human }), {});
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(1500);
  }, 120_000);
});

// The example test (row 136) read each line cut at 4,096 characters before dropping what no one sees:
// `This is prose.` with 5,000 zero-width characters before its stop read as a sentence going on, so the
// declaration under it read as inside that sentence (a person's prose), not as the line it is.
describe('the example test reads a line as a person sees it', () => {
  it('a sentence whose stop follows 5,000 zero-width characters ends there: the line under it is read', () => {
    const zw = '\u200b'.repeat(5000);
    expect(models(`feat: x\n\nThis is prose.\nAssisted-by: qwen-code:qwen/qwen3-coder\nand thanks.\n`)).toEqual(['qwen-code:qwen/qwen3-coder']);
    expect(models(`feat: x\n\nThis is prose${zw}.\nAssisted-by: qwen-code:qwen/qwen3-coder\nand thanks.\n`)).toEqual(['qwen-code:qwen/qwen3-coder']);
    // A person's sentence that goes on around a quoted trailer stays prose.
    expect(models(`feat: x\n\nThe fixture messages end with\nAssisted-by: qwen-code:qwen/qwen3-coder\nand are parsed.\n`)).toEqual([]);
  });

  it('a lead line of 12,000 `like` words is read in linear time', () => {
    const before = process.cpuUsage();
    read(`feat: x\n\n${'like '.repeat(12_000)}: x\nAssisted-by: qwen-code:qwen/qwen3-coder\n`);
    read(`feat: x\n\n${'e.g. '.repeat(12_000)}\nAssisted-by: qwen-code:qwen/qwen3-coder\n`);
    read(`feat: x\n\n${'<!-- '.repeat(12_000)}for example:\nAssisted-by: qwen-code:qwen/qwen3-coder\n`);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(1500);
  });
});

// U+2800 (Braille pattern blank) shows as a space and is no white space to Unicode, nor a character it
// ignores: `qwen⠀3-coder` glued into one word the reading read as `qwen/unknown` (Qwen, its model not
// known), which a deny of `qwen/qwen3-coder*` passes, where a person reads `qwen 3-coder`.
describe('a blank that shows as a space', () => {
  it.each([
    ['qwen\u28003-coder', 'qwen 3-coder'],
    ['Qwen\u2800Code', 'Qwen Code'],
    ['claude-opus-4.6,\u2800qwen3-coder', 'claude-opus-4.6, qwen3-coder'],
    ['claude-code:anthropic/claude-opus-4.6\u2800qwen3-coder', 'claude-code:anthropic/claude-opus-4.6 qwen3-coder'],
  ])('%j reads as %j', (value, spaced) => {
    expect(models(`feat: x\n\nAssisted-by: ${value}\n`)).toEqual(models(`feat: x\n\nAssisted-by: ${spaced}\n`));
  });
});

// A model glued to the version of the one before it (`claude-opus-4.6qwen3-coder`, as a person reads
// it: Claude Opus 4.6, then Qwen3-Coder): read as one unknown Claude model and `qwen/unknown`, which
// a deny of `qwen/qwen3-coder*` passes. A vendor's word right after a version starts a name of its own.
describe('a model glued to the version before it', () => {
  it.each([
    ['claude-opus-4.6qwen3-coder', 'claude-opus-4.6 qwen3-coder'],
    ['claude-code:anthropic/claude-opus-4.6qwen3-coder', 'claude-code:anthropic/claude-opus-4.6 qwen3-coder'],
    ['gpt-5deepseek-v3', 'gpt-5 deepseek-v3'],
  ])('%j reads as %j', (glued, spaced) => {
    expect(declared(glued)).toEqual(declared(spaced));
  });
  it.each(['gpt-4o', 'gpt-4o-mini', 'qwen2.5-coder', 'claude-3.5-sonnet', 'gemini-2.5-pro', 'llama3.1-70b', 'o3-mini', 'deepseek-r1', 'kimi-k2', 'glm-4.6'])('%j stays one model', (name) => {
    expect(declared(name)).toHaveLength(1);
  });
});

// Dashes and hyphens of other scripts and of Unicode's other blocks (the Armenian hyphen, the Hebrew
// maqaf, the Mongolian and Canadian syllabics hyphens, the hyphen bullet, the modifier minus, the
// two-em dash, the katakana prolonged sound mark): inside a Latin word each shows as the hyphen a
// person reads, as U+2010-U+2015 and U+2212 were read already; `qwen3֊coder` read as `qwen/unknown`.
describe('a hyphen of another block inside a model\'s name', () => {
  it.each(['\u058a', '\u05be', '\u1400', '\u1806', '\u2043', '\u02d7', '\u2e17', '\u2e3a', '\u2e40', '\u301c', '\u30fc'])('%j reads as a hyphen', (dash) => {
    expect(declared(`claude-opus-4.6, qwen3${dash}coder`)).toEqual(declared('claude-opus-4.6, qwen3-coder'));
  });
  it('a katakana word keeps its prolonged sound mark', () => {
    expect(declared('ラーメン')).toEqual(declared('ラーメン '));
  });
});

// Row 24 read Cyrillic and Greek letters that look like Latin ones as those; the Latin letters of IPA and
// small capitals, the Armenian, Coptic and Cherokee ones, and Cyrillic ones the table lacked, were read
// as they are: `kımı-k2` (a dotless i), `ɡpt-5` (a script g), `qѡen3-coder` (a Cyrillic omega) read as
// no model at all beside Claude, which every deny passes.
describe('a lookalike letter of another block in a model\'s name', () => {
  const beside = (value: string) => models(`feat: x\n\nAssisted-by: claude-opus-4.6, ${value}\n`);
  it.each([
    ['kim\u0131-k2', 'kimi-k2'],
    ['\u0261pt-5', 'gpt-5'],
    ['q\u0461en3-coder', 'qwen3-coder'],
    ['qwen3-c\u0585der', 'qwen3-coder'],
    ['qwen3-\u1d04oder', 'qwen3-coder'],
    ['qwen3-cod\u04bdr', 'qwen3-coder'],
    ['qwen3-c\u2c9fder', 'qwen3-coder'],
    ['\ua757wen3-coder', 'qwen3-coder'],
    ['qwen3-code\uab47', 'qwen3-coder'],
    ['\u13c0rok-4', 'grok-4'],
  ])('%j reads as %j', (value, plain) => {
    expect(beside(value)).toEqual(beside(plain));
  });
  it('a word with no ASCII letter or digit stays as written', () => {
    expect(read('feat: x\n\nAssisted-by: Işık Yılmaz <isik@example.com>\n')).toEqual([]);
    expect(beside('ꮶꮻꮅ')).toEqual(['unknown:anthropic/claude-opus-4.6']);
  });
});

describe('the lookalike table (src/core/detect/readable.ts)', () => {
  it('each letter is one code unit inside LOOKALIKE_BLOCKS, NFKC leaves it, and it reads as an ASCII letter', async () => {
    const { READABLE_PATTERNS } = await import('../../src/core/detect/readable.js');
    const pairs = READABLE_PATTERNS.LOOKALIKE_PAIRS;
    expect(pairs.length % 2).toBe(0);
    expect([...pairs]).toHaveLength(pairs.length);
    for (let at = 0; at < pairs.length; at += 2) {
      const letter = pairs[at]!;
      expect(READABLE_PATTERNS.LOOKALIKE_BLOCKS.test(letter), letter).toBe(true);
      expect(letter.normalize('NFKC'), letter).toBe(letter);
      expect(pairs[at + 1], letter).toMatch(/^[A-Za-z]$/);
    }
  });
});
