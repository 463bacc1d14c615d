/**
 * Text as detection reads it: NFKC-normalised (fullwidth `ｑｗｅｎ` → `qwen`, `ﬁ` → `fi`), stripped
 * of format, zero-width and other default-ignorable characters (ZWSP, ZWJ, soft hyphen, bidi
 * controls, BOM, the combining grapheme joiner, variation selectors, Hangul fillers) and of
 * combining marks (`Qwén` → `Qwen`), with the Cyrillic and Greek letters that look like Latin ones
 * read as those in a word that also holds ASCII letters or digits (`Qwеn3` with a Cyrillic `е`):
 * a trailer key or value spelled to look different reads as what a person sees. A word wholly in
 * another script is left as it is. Pure.
 */
const FORMAT = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/gu;
// A run of word characters, then tested for ASCII (one pass: a pattern needing an ASCII letter inside the run backtracks quadratically on a long run without one).
const WORD = /[^\s:/,;()<>]+/g;
const LOOKALIKES: Record<string, string> = Object.fromEntries(
  [...'аaеeоoрpсcуyхxіiјjѕsԁdԛqԝwһhАAВBЕEКKМMНHОOРPСCТTХXІIЈJЅSԚQԜWοoνvαaιiκkρpΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX'].flatMap((char, index, all) =>
    index % 2 === 0 ? [[char, all[index + 1] ?? char]] : [],
  ),
);
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');
const MAX = 4096;

export function readable(text: string, max = MAX): string {
  const head = text.length > max ? text.slice(0, max) : text;
  // Fast path: plain ASCII needs nothing (almost every trailer, on every hook run).
  if (!/[^\x20-\x7e]/.test(head)) return head;
  const plain = head.normalize('NFKD').replace(FORMAT, '').normalize('NFKC');
  return plain.replace(WORD, (word) => (/[A-Za-z0-9]/.test(word) ? word.replace(LOOKALIKE, (char) => LOOKALIKES[char] ?? char) : word));
}
