/**
 * picomatch's own regular expression ({dot, nocase}) for `**` then `/*`, the default
 * `blame.include`: a default report never loads picomatch (~6 ms of every `blame` and `trend`
 * run). The unit test compares it with picomatch's, and what each matches. (Not `**` alone:
 * picomatch's matcher refuses an empty subject its expression would take.)
 */
const WHOLE_TREE = /^(?:(?:(?!(?:^|\/)\.{1,2}(?:\/|$))(?:(?:(?!(?:^|\/)\.{1,2}(?:\/|$)).)*?)\/)?(?!\.{1,2}(?:\/|$))(?=.)[^/]*?\/?)$/i;

/**
 * The regular expression picomatch builds (options `dot`, `nocase`) for a simple glob — literal
 * characters, `/` and single `*` — without loading picomatch: the commit-msg hook runs on every
 * commit and most model globs (`anthropic/*`, `*coder*`) are this simple. Anything else
 * (`**`, `?`, classes, braces, extglobs, negation, dot segments) returns null and goes to
 * picomatch, but for that whole-tree glob (WHOLE_TREE). A unit test checks equality with
 * picomatch over generated globs and subjects.
 */
export function simpleGlobRegex(glob: string): RegExp | null {
  if (glob === '**/*') return WHOLE_TREE;
  if (!/^[A-Za-z0-9._:\-/*]+$/.test(glob) || glob.includes('**') || glob.includes('//') || glob.startsWith('/') || glob.endsWith('/')) return null;
  const segments = glob.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  const literal = (text: string): string => text.replace(/[.\-:]/g, (char) => `\\${char}`);
  const parts = segments.map((segment) => (segment.startsWith('*') ? '(?!\\.{1,2}(?:\\/|$))(?=.)' : '') + segment.split('*').map(literal).join('[^/]*?'));
  const last = segments[segments.length - 1] as string;
  const tail = last.startsWith('*') && last.endsWith('*') ? '\\/?' : '';
  return new RegExp(`^(?:${parts.join('\\/')}${tail})$`, 'i');
}
