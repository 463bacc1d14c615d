/**
 * Names of source files, by extension: a file so named that git reads as binary (one NUL byte in
 * its first 8,000 bytes) is counted apart (`excluded.binarySource`) and warned about, since its
 * lines are written code that the report would otherwise leave out without a word. Changing this
 * pattern changes `blame` reports: it is part of the blame cache key.
 */
export const SOURCE_NAME = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|kts|scala|swift|rb|php|cs|fs|c|cc|cpp|cxx|h|hh|hpp|m|mm|sh|bash|zsh|ps1|pl|pm|lua|r|dart|ex|exs|erl|hs|ml|clj|sql|vue|svelte|sol|zig|nim|v|tf)$/i;

/** True when `path` is named like source code. */
export const isSourceName = (path: string): boolean => SOURCE_NAME.test(path);
