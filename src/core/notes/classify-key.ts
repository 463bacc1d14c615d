import type { KeyKind } from './types.js';

/**
 * What cannot be a key: a space (the key ends at the first one) or a line break. git-ai takes
 * anything else (`parse_attestation_section`: the text between the two-space indent and the first
 * space, any characters, any length, even none), so does this reader.
 */
const NOT_A_KEY = /[ \n]/;

/**
 * What an attestation key names, by its prefix (spec §1.2.3.1): `h_…` a known human, `s_…::t_…`
 * an AI session (looked up by the part before `::`), anything else a legacy prompt (16 hex, or 7
 * before git-ai v1.0; other spellings, control or non-ASCII characters, an empty key, are looked up
 * the same way, as git-ai does: a record no note holds, so the entry yields its lines to any entry
 * that has one). Lengths are not checked: the spec says they may change. Null only for what no note
 * line can hold (a space, a line break).
 */
export function classifyKey(key: string): { kind: KeyKind; record: string } | null {
  if (NOT_A_KEY.test(key)) return null;
  // `human`: git-ai's legacy sentinel for a person's lines (its readers skip it, never an AI prompt).
  if (key.startsWith('h_') || key === 'human') return { kind: 'human', record: key };
  if (key.startsWith('s_')) {
    const separator = key.indexOf('::');
    return { kind: 'session', record: separator === -1 ? key : key.slice(0, separator) };
  }
  return { kind: 'prompt', record: key };
}

/**
 * Where a note's metadata holds the record a key of `kind` names (`humans`, `sessions`, `prompts`):
 * git-ai's blame skips an entry whose record is missing there (heldKeys, noteLines).
 */
export function recordSection(kind: KeyKind): 'humans' | 'sessions' | 'prompts' {
  return kind === 'human' ? 'humans' : kind === 'session' ? 'sessions' : 'prompts';
}
