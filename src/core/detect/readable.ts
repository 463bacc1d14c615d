/**
 * Text as detection reads it: NFKC-normalised (fullwidth `ｑｗｅｎ` → `qwen`, `ﬁ` → `fi`), stripped
 * of format, zero-width and other default-ignorable characters (ZWSP, ZWJ, soft hyphen, bidi
 * controls, BOM, the combining grapheme joiner, variation selectors, Hangul fillers) and of
 * combining marks (`Qwén` → `Qwen`), with the Cyrillic and Greek letters that look like Latin ones
 * read as those in a word that also holds ASCII letters or digits (`Qwеn3` with a Cyrillic `е`):
 * a trailer key or value spelled to look different reads as what a person sees. A word wholly in
 * another script is left as it is. Terminal colour and cursor sequences (CSI: `ESC [ … final`)
 * are dropped and other control characters (all but tab and newline) read as spaces, so
 * `\x1b[31mqwen3-coder\x1b[0m` or `xxxx\b\b\b\bqwen3-coder` reads the model its bytes hold; a
 * hyphen, dash or minus sign inside a word is a hyphen (`Assisted\u2010by`, `Co\u2011authored\u2011by`); a
 * blank that shows as a space without being white space (U+2800, Braille pattern blank) is a space. Pure.
 */
const FORMAT_SOURCE = '[\\p{Cf}\\p{Default_Ignorable_Code_Point}\\p{M}\\u200b-\\u200f\\u2060-\\u2064\\ufeff]';
/**
 * FORMAT made on first need: V8 parses a pattern, and builds its Unicode property classes (~0.6 ms),
 * when the pattern is made, so a module-level literal cost every hook that loads this file.
 */
let FORMAT: RegExp | undefined;
const format = (): RegExp => (FORMAT ??= new RegExp(FORMAT_SOURCE, 'gu'));
const MAX = 4096;
/** A terminal's CSI sequence (colour, cursor movement, erase): it shows nothing itself. */
export const CSI = /\x1b\[[0-?]*[ -/]*[@-~]/g;
/**
 * Control characters but tab and newline (C0, DEL, C1), and the line and paragraph separators: a
 * break a screen shows (CR, VT, FF, NEL U+0085, U+2028, U+2029) parts two names as a space does,
 * never glues them (`claude-opus-4.6\u2028qwen3-coder` is two models, not one unknown word).
 */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
/**
 * Letters and signs a screen shows as a colon that NFKC keeps (the modifier letter colons U+02D0,
 * U+02F8, U+A789, the ratio U+2236, the Armenian full stop U+0589, the Hebrew sof pasuq U+05C3):
 * `Assisted-by\ua789 qwen3-coder` is a key line as a person reads it.
 */
const COLON_LOOKALIKE = /[\u02d0\u02f8\ua789\u2236\u0589\u05c3]/;
const COLON_LOOKALIKES = new RegExp(COLON_LOOKALIKE.source, 'g');
const DASHES = '\u058a\u05be\u1400\u1806\u2010-\u2015\u2212\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\u02d7\u2043\u30fc';
/**
 * Unicode's dashes (Dash_Punctuation: the Armenian hyphen, the Hebrew maqaf, the Canadian syllabics and
 * Mongolian hyphens, the two-em dash…), the minus sign, and what shows as one (the modifier minus, the
 * hyphen bullet, the katakana prolonged sound mark; NFKC has made the fullwidth and small ones U+2010 or
 * `-`) joining two Latin letters or digits: a hyphen, as a person reads it.
 */
const DASH = new RegExp(`[${DASHES}]`);
const DASH_IN_WORD = new RegExp(`(?<=[A-Za-z0-9])[${DASHES}](?=[A-Za-z0-9])`, 'g');
/**
 * Text of ASCII and symbols among which FORMAT has no character (arrows, dingbats, U+2100-U+2BFF;
 * emoji, U+1F000-U+1FAFF): nothing to strip, and FORMAT, whose Unicode property classes cost ~1 ms
 * to compile, is not compiled for Claude Code's `🤖 Generated with` line. A unit test holds the ranges.
 */
const NOTHING_TO_STRIP = /^(?:[\x00-\x7f\u2100-\u2bff]|\ud83c[\udc00-\udfff]|\ud83d[\udc00-\udfff]|\ud83e[\udc00-\udeff])*$/;
/**
 * Printable ASCII and emoji of U+1F300-U+1FAFF (surrogate pairs), none of which NFKD or NFKC
 * changes, FORMAT strips or a later step reads (a lookalike letter, a colon or dash, U+2800):
 * readable() gives such text back as it is. A unit test holds every code point of the range.
 */
const PLAIN_WITH_EMOJI = /^(?:[\x20-\x7e]|\ud83c[\udf00-\udfff]|\ud83d[\udc00-\udfff]|\ud83e[\udc00-\udeff])*$/;
/**
 * Letters that look like Latin ones (pairs: the letter, then the Latin it looks like): Cyrillic and
 * Greek; Latin's own of other blocks (the dotless i and j, the script a and g, small capitals);
 * Armenian, Coptic and Cherokee.
 */
const LOOKALIKE_PAIRS =
  'аaеeоoрpсcуyхxіiјjѕsԁdԛqԝwһhАAВBЕEКKМMНHОOРPСCТTХXІIЈJЅSԚQԜWοoνvαaιiκkρpΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX' +
  'ѡwҽeӏlѵvѴVϳj' +
  'ıiȷjɑaɡgɩiɪiɢgɴnʀrʏyʜhʟlᴀaᴄcᴅdᴇeᴊjᴋkᴍmᴏoᴘpᴛtᴜuᴠvᴡwᴢzꜱsꜰfꝗqꞯqꭇr' +
  'օoսuցgհhոnզqՕOՍU' +
  'ⲟoⲣpⲥcⲭxⲓiⲞOⲢPⲤC' +
  'ᎪAᏴBᏟCᎠDᎬEᏀGᎻHᎫJᏦKᏞLᎷMᏢPᏚSᎢTᏙVᎳWᏃZᎥi';
/** Where such a letter may be: the blocks of LOOKALIKE_PAIRS (a unit test holds every letter of the table inside). */
const LOOKALIKE_BLOCKS = /[\u0131\u0237\u0250-\u02af\u0370-\u058f\u13a0-\u13ff\u1d00-\u1d2b\u2c80-\u2cff\ua720-\ua7ff\uab30-\uab6f]/;
let lookalikes: Map<string, string> | undefined;

/**
 * Each word (a run between separators) that holds an ASCII letter or digit, with its lookalike
 * letters read as Latin. One pass over the text (a pattern needing an ASCII letter inside the run
 * backtracked quadratically on a long run without one); the table is built on first need only.
 */
function latinLookalikes(text: string): string {
  // Nothing to do without a letter of those blocks (most non-ASCII text: an emoji, an accent already dropped).
  if (!LOOKALIKE_BLOCKS.test(text)) return text;
  if (lookalikes === undefined) {
    lookalikes = new Map();
    for (let at = 0; at < LOOKALIKE_PAIRS.length; at += 2) lookalikes.set(LOOKALIKE_PAIRS[at]!, LOOKALIKE_PAIRS[at + 1]!);
  }
  const table = lookalikes;
  return text.replace(/[^\s:/,;()<>]+/g, (word) => {
    if (!/[A-Za-z0-9]/.test(word)) return word;
    let read = '';
    for (const char of word) read += table.get(char) ?? char;
    return read;
  });
}

/** For the unit test that holds NOTHING_TO_STRIP: every character it lets through, FORMAT does not match. */
export const READABLE_PATTERNS = { FORMAT_SOURCE, NOTHING_TO_STRIP, PLAIN_WITH_EMOJI, LOOKALIKE_PAIRS, LOOKALIKE_BLOCKS } as const;

export function readable(text: string, max = MAX): string {
  const head = text.length > max ? text.slice(0, max) : text;
  // Fast path: plain ASCII needs nothing (almost every trailer, on every hook run).
  if (!/[^\x20-\x7e]/.test(head)) return head;
  // Nor does ASCII with emoji that normalisation leaves alone (an agent's `🤖 Generated with` footer): no normaliser started (~0.2 ms).
  if (PLAIN_WITH_EMOJI.test(head)) return head;
  const shown = CONTROL.test(head) ? head.replace(CSI, '').replace(CONTROLS, ' ') : head;
  // ASCII once its controls are spaces (a pasted terminal log: escapes, NULs, carriage returns): nothing below
  // changes it (no normalisation, format character, lookalike, colon, dash or U+2800 is ASCII), so none is run.
  if (shown !== head && !/[^\x00-\x7f]/.test(shown)) return shown;
  // U+2800 (Braille pattern blank) shows as a space but is no white space: `qwen⠀3-coder` is two words to a person.
  const visible = shown.includes('\u2800') ? shown.replace(/\u2800/g, ' ') : shown;
  const decomposed = visible.normalize('NFKD');
  const read = latinLookalikes((NOTHING_TO_STRIP.test(decomposed) ? decomposed : decomposed.replace(format(), '')).normalize('NFKC'));
  const colons = COLON_LOOKALIKE.test(read) ? read.replace(COLON_LOOKALIKES, ':') : read;
  return DASH.test(colons) ? colons.replace(DASH_IN_WORD, '-') : colons;
}

/** Right-to-left override (U+202E) to its pop (U+202C), or to the end of the line. */
const OVERRIDE = /\u202e([^\u202c\n]*)\u202c?/g;

/** A backspace, a CSI sequence (`ESC [ n D` moves the cursor back n), or any other character. */
const SHOWN_TOKEN = /\x1b\[([0-?]*)[ -/]*([@-~])|[\s\S]/g;

/**
 * Each backspace (or cursor-back sequence) erases the character before it, as a terminal (or
 * `less`'s overstrike) shows it: `q\bqw\bwX\ben` shows `qwen`; other CSI sequences show nothing.
 * Linear: a move back erases at most what was shown.
 */
function overstruck(text: string): string {
  const shown: string[] = [];
  for (const [token, parameter, final] of text.matchAll(SHOWN_TOKEN)) {
    if (final !== undefined) {
      if (final === 'D') shown.length = Math.max(0, shown.length - Math.max(1, Number(/^\d{1,6}$/.test(parameter ?? '') ? parameter : 1)));
    } else if (token === '\b') shown.pop();
    else shown.push(token);
  }
  return shown.join('');
}

/**
 * `text` as a screen shows it when it holds right-to-left overrides (U+202E): each overridden run
 * reversed (`\u202eredoc-3newq` shows as `qwen3-coder`), and backspaces and cursor-back sequences
 * applied (`qwX\ben3-coder` shows as `qwen3-coder`); null when it holds neither. A trailer value is
 * read both ways, so a model can hide in neither order (the "Trojan Source" trick).
 */
export function shownOrder(text: string): string | null {
  const override = text.includes('\u202e');
  const backspace = text.includes('\b') || text.includes('\x1b[');
  if (!override && !backspace) return null;
  const shown = override ? text.replace(OVERRIDE, (_run, inside: string) => [...inside].reverse().join('')) : text;
  return backspace ? overstruck(shown) : shown;
}
