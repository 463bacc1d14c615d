import type { TextEdit } from './types.js';

/**
 * The file before `edits` were applied, from the file after them (last edit undone first): each
 * replacement text must be found exactly once (every occurrence, for a replace-all), or null —
 * an edit that deleted text, or whose result is ambiguous, cannot be undone with certainty.
 */
export function reverseEdits(after: string, edits: readonly TextEdit[]): string | null {
  let text = after;
  for (let at = edits.length - 1; at >= 0; at -= 1) {
    const edit = edits[at]!;
    if (edit.new === '' || edit.new === edit.old) return edit.new === edit.old ? text : null;
    const first = text.indexOf(edit.new);
    if (first === -1) return null;
    if (edit.all) text = text.split(edit.new).join(edit.old);
    else {
      if (text.indexOf(edit.new, first + 1) !== -1) return null;
      text = text.slice(0, first) + edit.old + text.slice(first + edit.new.length);
    }
  }
  return text;
}
