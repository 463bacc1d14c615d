import { readFileSync } from 'node:fs';
import type { ShimHook } from './hook-names.js';

/** First comment line of every shim in hooks/: how an installed hook is recognised as ours. */
export const SHIM_MARKER = '# aitrail-shim: ';
/** A foreign hook moved aside by `aitrail init` is kept next to the shim, which runs it first. */
export const CHAINED_SUFFIX = '.aitrail-chained';

/** The shim shipped in the package's hooks/ directory, byte for byte. */
export function shimText(hook: ShimHook): string {
  return readFileSync(new URL(`../../hooks/${hook}`, import.meta.url), 'utf8');
}

/** True when `content` is an aitrail shim (any version). */
export function isShim(content: string): boolean {
  const second = content.split('\n', 2)[1] ?? '';
  return second.startsWith(SHIM_MARKER);
}
