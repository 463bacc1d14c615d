/**
 * Texts one of which every match of a regular expression contains (case as written; the caller
 * compares without case when the expression is read without case), or null when no such text of
 * at least `min` characters can be read off the pattern. Conservative by construction: only
 * characters that every match must hold in a row are joined (a quantified atom ends a run; an
 * optional atom or group breaks it; a group counts only when it is mandatory, through all of its
 * alternatives); `worth` ranks the candidates. Used at build time to turn signature regexes into the shims' substring checks.
 */
export function requiredTexts(pattern: string, min = 3, worth: (text: string) => number = (text) => text.length): string[] | null {
  const parsed = parseAlternation(pattern, 0);
  if (parsed.end !== pattern.length) return null;
  const texts = best(parsed.node, min, worth);
  return texts && texts.every((text) => text.length >= min) ? texts : null;
}

type Item = { kind: 'char'; char: string; optional: boolean; repeated: boolean } | { kind: 'group'; node: Alternation; optional: boolean } | { kind: 'other'; optional: boolean };
type Sequence = Item[];
type Alternation = Sequence[];

/**
 * Where the escape starting at `at` (a backslash) ends. A letter or digit escape is one atom
 * however it is spelled: `\p{L}`, `\u{1F916}`, `\k<name>` up to their closing bracket; `\cJ`,
 * `\x41`, `\u0041` with the characters they take (never read as literal text).
 */
function escapeEnd(pattern: string, at: number): number {
  const next = pattern[at + 1] ?? '';
  const after = at + 2;
  const close = next === 'k' ? '>' : '}';
  if ('pPuk'.includes(next) && (pattern[after] === '{' || pattern[after] === '<')) {
    const end = pattern.indexOf(close, after);
    return end < 0 ? pattern.length : end + 1;
  }
  if (next === 'c') return after + 1;
  if (next === 'x') return after + 2;
  if (next === 'u') return after + 4;
  return after;
}

function quantifier(pattern: string, at: number): { optional: boolean; repeated: boolean; end: number } {
  const next = pattern[at];
  let end = at;
  let optional = false;
  let repeated = false;
  if (next === '?' || next === '*') {
    optional = true;
    repeated = next === '*';
    end = at + 1;
  } else if (next === '+') {
    repeated = true;
    end = at + 1;
  } else if (next === '{') {
    const match = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(at));
    if (match) {
      optional = match[1] === '' || Number(match[1]) === 0;
      repeated = match[2] === ',' || Number(match[3] || match[1]) > 1;
      end = at + match[0].length;
    }
  }
  if (end > at && pattern[end] === '?') end += 1; // lazy
  return { optional, repeated, end };
}

function parseAlternation(pattern: string, start: number): { node: Alternation; end: number } {
  const node: Alternation = [[]];
  let at = start;
  while (at < pattern.length && pattern[at] !== ')') {
    const ch = pattern[at]!;
    if (ch === '|') {
      node.push([]);
      at += 1;
      continue;
    }
    let item: Item;
    if (ch === '(') {
      let inner = at + 1;
      let lookaround = false;
      if (pattern.startsWith('?:', inner)) inner += 2;
      else if (pattern.startsWith('?<', inner) && pattern[inner + 2] !== '=' && pattern[inner + 2] !== '!') inner = pattern.indexOf('>', inner) + 1;
      else if (pattern[inner] === '?') lookaround = true;
      const group = parseAlternation(pattern, lookaround ? inner + 2 : inner);
      if (pattern[group.end] !== ')') return { node, end: -1 };
      at = group.end + 1;
      item = lookaround ? { kind: 'other', optional: true } : { kind: 'group', node: group.node, optional: false };
    } else if (ch === '[') {
      let close = at + 1;
      if (pattern[close] === '^') close += 1;
      if (pattern[close] === ']') close += 1;
      while (close < pattern.length && pattern[close] !== ']') close += pattern[close] === '\\' ? 2 : 1;
      at = close + 1;
      item = { kind: 'other', optional: false };
    } else if (ch === '\\') {
      const next = pattern[at + 1] ?? '';
      at = escapeEnd(pattern, at);
      item = /[0-9a-zA-Z]/.test(next) ? { kind: 'other', optional: next === 'b' || next === 'B' } : { kind: 'char', char: next, optional: false, repeated: false };
    } else if (ch === '.') {
      at += 1;
      item = { kind: 'other', optional: false };
    } else if (ch === '^' || ch === '$') {
      at += 1;
      item = { kind: 'other', optional: true };
    } else {
      at += 1;
      item = { kind: 'char', char: ch, optional: false, repeated: false };
    }
    const q = quantifier(pattern, at);
    at = q.end;
    if (q.optional) item.optional = true;
    if (item.kind === 'char' && q.repeated) item.repeated = true;
    node[node.length - 1]!.push(item);
  }
  return { node, end: at };
}

/** The best required texts of an alternation: each alternative must give some. */
function best(node: Alternation, min: number, worth: (text: string) => number): string[] | null {
  const all: string[] = [];
  for (const sequence of node) {
    const texts = bestOfSequence(sequence, min, worth);
    if (!texts) return null;
    all.push(...texts);
  }
  return [...new Set(all)];
}

/**
 * Every set of texts one text of which every match of `pattern` holds, best first (requiredTexts'
 * own first): each run of mandatory characters and each mandatory group of a pattern whose top
 * level has no alternative, each text at least `min` characters. A line holding no text of one of
 * the sets cannot match (`Generated with ` and `Qwen Code` for Qwen Code's footer, where
 * requiredTexts gives only the first, which Claude Code's footer holds too). Empty when none.
 */
export function requiredTextSets(pattern: string, min = 3): string[][] {
  const parsed = parseAlternation(pattern, 0);
  if (parsed.end !== pattern.length) return [];
  const sets = parsed.node.length === 1 ? candidatesOfSequence(parsed.node[0]!, min, (text) => text.length) : [best(parsed.node, min, (text) => text.length) ?? []];
  return sets.filter((texts) => texts.length > 0 && texts.every((text) => text.length >= min));
}

/** The best candidate of a sequence (candidatesOfSequence). */
function bestOfSequence(sequence: Sequence, min: number, worth: (text: string) => number): string[] | null {
  return candidatesOfSequence(sequence, min, worth)[0] ?? null;
}

/** Candidates of a sequence: each run of mandatory characters, each mandatory group; the one whose least worth text is worth most first (default worth: length). */
function candidatesOfSequence(sequence: Sequence, min: number, worth: (text: string) => number): string[][] {
  const candidates: string[][] = [];
  let run = '';
  const flush = () => {
    if (run) candidates.push([run]);
    run = '';
  };
  for (const item of sequence) {
    if (item.kind === 'char' && !item.optional) {
      run += item.char;
      if (item.repeated) flush();
      continue;
    }
    flush();
    if (item.kind === 'group' && !item.optional) {
      const texts = best(item.node, min, worth);
      if (texts) candidates.push(texts);
    }
  }
  flush();
  const score = (texts: string[]) => Math.min(...texts.map((text) => (text.length < min ? 0 : worth(text))));
  candidates.sort((a, b) => score(b) - score(a) || a.length - b.length);
  return candidates;
}
