import { safeJson } from '../sanitize.js';

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/json">` block: the same exact values as `safeJson`
 * (controls and invisible format characters as `\uXXXX`), plus `<`, `>` and `&` escaped, so no
 * `</script>`, `<!--` or `<script` can end or bend the block, whatever a file is named.
 */
export function embedJson(value: unknown): string {
  return safeJson(value).replace(SCRIPT_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
