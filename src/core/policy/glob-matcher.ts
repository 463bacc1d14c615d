import picomatch from 'picomatch';

/** Returns the first glob that matches, or undefined. */
export type GlobMatcher = (subject: string) => string | undefined;

/**
 * picomatch's `**` never matches across a newline, so `src/crypto/a<LF>b.ts` (a legal git path)
 * or a model id with a control character would slip past a rule. Globs judge such subjects
 * with every control character read as `_`.
 */
function plain(subject: string): string {
  return subject.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '_');
}

/**
 * Model-id globs (`anthropic/*`, `qwen/*`, `*coder*`): case-insensitive; a pattern without `/`
 * matches the model name after the vendor, so `*` matches every model and `*qwen*` any
 * vendor's qwen models.
 */
export function modelMatcher(globs: readonly string[]): GlobMatcher {
  // picomatch's own `basename` option also applies to patterns with a slash; do it by hand.
  const options = { dot: true, nocase: true };
  const compiled = globs.map((glob) => ({ glob, test: picomatch(glob, options), name: !glob.includes('/') }));
  return (raw) => {
    const model = plain(raw);
    const name = model.slice(model.lastIndexOf('/') + 1);
    return compiled.find(({ test, name: byName }) => test(model) || (byName && test(name)))?.glob;
  };
}

/**
 * Path globs over repository-relative paths (`src/crypto/**`): picomatch syntax, dotfiles
 * included (`.github/**`), case-insensitive so that `SRC/Crypto/x` cannot slip past a rule on
 * case-insensitive file systems (a wider match only makes a restriction stricter).
 */
export function pathMatcher(globs: readonly string[]): GlobMatcher {
  return matcher(globs, { dot: true, nocase: true });
}

function matcher(globs: readonly string[], options: picomatch.PicomatchOptions): GlobMatcher {
  const compiled = globs.map((glob) => ({ glob, test: picomatch(glob, options) }));
  return (subject) => {
    const text = plain(subject);
    return compiled.find(({ test }) => test(text))?.glob;
  };
}
