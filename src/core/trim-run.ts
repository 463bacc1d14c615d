/**
 * `text` without the run of `chars` at its end: `text.replace(/[<chars>]+$/, '')` in linear time.
 * V8 tries such a pattern from every start of a run the text does not end on (a megabyte of `/`
 * then `x` is half a million million steps), so text a repository, a commit or an agent's session
 * writes is trimmed here instead.
 */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}
