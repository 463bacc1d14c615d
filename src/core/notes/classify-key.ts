import type { KeyKind } from './types.js';

const MAX_KEY = 128;
/** Printable ASCII without space: keys are hex with `s_`, `t_`, `h_` and `::` around it. */
const KEY = /^[!-~]+$/;

/**
 * What an attestation key names, by its prefix (spec §1.2.3.1): `h_…` a known human, `s_…::t_…`
 * an AI session (looked up by the part before `::`), anything else a legacy prompt (16 hex, or 7
 * before git-ai v1.0; other spellings are looked up the same way, as git-ai does). Lengths are
 * not checked: the spec says they may change. Null for what cannot be a key at all.
 */
export function classifyKey(key: string): { kind: KeyKind; record: string } | null {
  if (key.length === 0 || key.length > MAX_KEY || !KEY.test(key)) return null;
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
