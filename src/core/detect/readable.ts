/**
 * Text as detection reads it: NFKC-normalised (fullwidth `ｑｗｅｎ` → `qwen`, `ﬁ` → `fi`) and
 * stripped of format and zero-width characters (ZWSP, ZWJ, soft hyphen, bidi controls, BOM), so
 * that a trailer key or value spelled to look different reads as what it says. Homoglyphs of
 * other scripts are left as they are (and stay unreadable as models). Pure.
 */
const FORMAT = /[\p{Cf}\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/gu;
const MAX = 4096;

export function readable(text: string, max = MAX): string {
  const head = text.length > max ? text.slice(0, max) : text;
  // Fast path: plain ASCII needs nothing (almost every trailer, on every hook run).
  if (!/[^\x20-\x7e]/.test(head)) return head;
  return head.normalize('NFKC').replace(FORMAT, '');
}
