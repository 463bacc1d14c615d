/**
 * Code points HFS+ ignores in a name (git's is_hfs_dotgit list): ZWNJ, ZWJ, LRM, RLM, the bidi
 * embeddings and overrides, the deprecated format controls, the BOM.
 */
const HFS_IGNORED = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;

/**
 * A name as a case- and normalization-insensitive file system reads it (macOS HFS+ and APFS, where
 * git's core.ignorecase and core.precomposeunicode make `SRC/Secure/x.ts`, `src/se\u0301cure` in
 * NFD and `src/secu\u200cre` the same directory as `src/secure`): one normal form, the code points
 * HFS+ ignores dropped, cases folded (`ſ`, the Kelvin sign). Two names that fold alike may be one file.
 */
export function macFoldedName(text: string): string {
  return text.normalize('NFC').replace(HFS_IGNORED, '').toUpperCase().toLowerCase().normalize('NFC');
}
