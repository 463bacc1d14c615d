/**
 * One sh text for several that differ only in words inside double-quoted strings (the hooks' messages: `commit
 * blocked` / `push blocked`, `git commit` / `git push`): each such run of words becomes `${<prefix><n>}`, whose value
 * each variant sets before it runs the text (row 889). Pure.
 */

type Part = { common: string } | { vary: string[] };

/** `texts` as common runs of words and the runs that differ between them, longest common run first. */
function split(texts: readonly string[]): Part[] {
  const first = texts[0] ?? '';
  if (texts.every((text) => text === first)) return first === '' ? [] : [{ common: first }];
  const words = first.split(/(?<= )/);
  let best = '';
  for (let i = 0; i < words.length; i++) {
    let run = '';
    for (let j = i; j < words.length; j++) {
      run += words[j];
      if (!texts.every((text) => text.includes(run))) break;
      if (run.length > best.length) best = run;
    }
  }
  if (best.length < 8) return [{ vary: [...texts] }];
  const at = texts.map((text) => text.indexOf(best));
  return [...split(texts.map((text, k) => text.slice(0, at[k]))), { common: best }, ...split(texts.map((text, k) => text.slice(at[k]! + best.length)))];
}

/** Whether position `end` of `text` (one line of sh) is inside a double-quoted string. */
function inDoubleQuotes(text: string, end: number): boolean {
  let state: 'none' | 'single' | 'double' = 'none';
  for (let i = 0; i < end; i++) {
    const char = text[i];
    if (state === 'single') {
      if (char === "'") state = 'none';
    } else if (char === '\\') i++;
    else if (char === '"') state = state === 'double' ? 'none' : 'double';
    else if (char === "'" && state === 'none') state = 'single';
  }
  return state === 'double';
}

/** A value sh prints as it is inside double quotes through `${name}`: no expansion, quote, escape or line break in it. */
const PLAIN = /^[^$`"\\\n]*$/;
/** A line that is a comment only. */
const COMMENT = /^[\t ]*#/;

export interface ShTemplate {
  /** The shared text. */
  text: string;
  /** For each variant, the assignments (`<prefix><n>='…'`) that make `text` print as that variant did. */
  assignments: string[][];
}

/**
 * `variants` (the same number of lines each) as one text with `${<prefix><n>}` where they differ, or undefined when a
 * difference is not words inside a double-quoted string (a command, a line more): those cannot share a text.
 */
export function shTemplate(variants: readonly (readonly string[])[], prefix: string): ShTemplate | undefined {
  const count = variants[0]?.length ?? 0;
  if (variants.some((lines) => lines.length !== count)) return undefined;
  const lines: string[] = [];
  const assignments: string[][] = variants.map(() => []);
  const names = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const texts = variants.map((lines) => lines[i]!);
    // A comment that differs (`never blocks a commit` / `never blocks`) runs nothing: each wording kept, once.
    if (texts.every((text) => COMMENT.test(text))) {
      lines.push(...new Set(texts));
      continue;
    }
    let line = '';
    for (const part of split(texts)) {
      if ('common' in part) {
        line += part.common;
        continue;
      }
      if (!part.vary.every((value) => PLAIN.test(value)) || !inDoubleQuotes(line, line.length)) return undefined;
      // The same words in the same place for every variant (`commit blocked: ` in each message): one variable.
      const key = JSON.stringify(part.vary);
      let name = names.get(key);
      if (name === undefined) {
        name = `${prefix}${names.size + 1}`;
        names.set(key, name);
        const set = name;
        part.vary.forEach((value, k) => assignments[k]!.push(`${set}='${value.replace(/'/g, `'\\''`)}'`));
      }
      line += `\${${name}}`;
    }
    lines.push(line);
  }
  // What each variant runs and prints: the shared text with its values put back is that variant's, byte for byte (comments aside).
  const text = lines.join('\n');
  const code = (out: string) => out.split('\n').filter((line) => !COMMENT.test(line)).join('\n');
  const same = variants.every((lines, k) => assignments[k]!.reduce((out, assignment) => {
    const name = assignment.slice(0, assignment.indexOf('='));
    const value = assignment.slice(name.length + 2, -1).replace(/'\\''/g, "'");
    return out.split(`\${${name}}`).join(value);
  }, code(text)) === code(lines.join('\n')));
  return same ? { text, assignments } : undefined;
}
