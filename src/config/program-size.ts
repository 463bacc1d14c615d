/**
 * An upper bound on the instructions RE2 compiles `pattern` to, read from its text without
 * compiling it: every atom (a character, an escape, a class) counts 1, a group its content + 2,
 * and a counted repetition `x{n,m}` repeats its atom (and one choice) max(n, m) times. RE2 checks
 * only that the counts are at most 1000; `(?:abcdefghijklmnopqrstuvwxyz){1,1000}` twelve times
 * (456 characters) is 323,990 instructions: seconds and a hundred megabytes to compile, and a
 * match that moves that many threads along each character. Pure; linear in the pattern.
 */
export function estimateProgramSize(pattern: string): number {
  // One frame per open group: the size so far and that of its last atom (what a repetition repeats).
  const frames: { total: number; last: number }[] = [{ total: 0, last: 0 }];
  const top = () => frames[frames.length - 1]!;
  const atom = (size: number) => {
    top().total += size;
    top().last = size;
  };
  const counted = /\{(\d{1,7})(,(\d{0,7}))?\}/y;
  let at = 0;
  while (at < pattern.length) {
    const char = pattern[at]!;
    if (char === '\\') {
      const next = pattern[at + 1];
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', at + 2);
        const stop = end === -1 ? pattern.length : end;
        atom(stop - (at + 2));
        at = end === -1 ? pattern.length : end + 2;
        continue;
      }
      const braced = (next === 'x' || next === 'p' || next === 'P') && pattern[at + 2] === '{' ? pattern.indexOf('}', at + 3) : -1;
      at = braced === -1 ? at + 2 : braced + 1;
      atom(1);
    } else if (char === '[') {
      at = classEnd(pattern, at) + 1;
      atom(1);
    } else if (char === '(') {
      frames.push({ total: 0, last: 0 });
      at += 1;
    } else if (char === ')' && frames.length > 1) {
      const group = frames.pop()!;
      atom(group.total + 2);
      at += 1;
    } else if (char === '|') {
      top().total += 1;
      top().last = 0;
      at += 1;
    } else if (char === '*' || char === '+' || char === '?') {
      top().total += 1;
      at += 1;
    } else {
      counted.lastIndex = at;
      const repeat = char === '{' ? counted.exec(pattern) : null;
      if (repeat) {
        const least = Number(repeat[1]);
        const most = repeat[2] === undefined ? least : repeat[3] === '' ? least + 1 : Number(repeat[3]);
        const times = Math.max(least, most, 1);
        const frame = top();
        frame.total += (frame.last + 1) * times - frame.last;
        frame.last = (frame.last + 1) * times;
        at += repeat[0].length;
      } else {
        atom(1);
        at += 1;
      }
    }
  }
  // Unclosed groups (RE2 refuses those anyway) count as closed.
  while (frames.length > 1) {
    const group = frames.pop()!;
    atom(group.total + 2);
  }
  return top().total;
}

/** Where the character class opened at `start` closes (`[]a]`, `[^]a]`, `[[:alpha:]]`, escapes), or the pattern's last index. */
function classEnd(pattern: string, start: number): number {
  let at = start + 1;
  if (pattern[at] === '^') at += 1;
  if (pattern[at] === ']') at += 1;
  while (at < pattern.length && pattern[at] !== ']') {
    if (pattern[at] === '\\') at += 2;
    else if (pattern.startsWith('[:', at)) {
      const close = pattern.indexOf(':]', at + 2);
      at = close === -1 ? at + 1 : close + 2;
    } else at += 1;
  }
  return Math.min(at, pattern.length - 1);
}
