/**
 * The regular expression picomatch builds (options `dot`, `nocase`) for a simple glob — literal
 * characters, `/` and single `*` — without loading picomatch: the commit-msg hook runs on every
 * commit and most model globs (`anthropic/*`, `*coder*`) are this simple. Anything else
 * (`**`, `?`, classes, braces, extglobs, negation, dot segments) returns null and goes to
 * picomatch. A unit test checks equality with picomatch over generated globs and subjects.
 */
export function simpleGlobRegex(glob: string): RegExp | null {
  if (!/^[A-Za-z0-9._:\-/*]+$/.test(glob) || glob.includes('**') || glob.includes('//') || glob.startsWith('/') || glob.endsWith('/')) return null;
  const segments = glob.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  const literal = (text: string): string => text.replace(/[.\-:]/g, (char) => `\\${char}`);
  const parts = segments.map((segment) => (segment.startsWith('*') ? '(?!\\.{1,2}(?:\\/|$))(?=.)' : '') + segment.split('*').map(literal).join('[^/]*?'));
  const last = segments[segments.length - 1] as string;
  const tail = last.startsWith('*') && last.endsWith('*') ? '\\/?' : '';
  return new RegExp(`^(?:${parts.join('\\/')}${tail})$`, 'i');
}
