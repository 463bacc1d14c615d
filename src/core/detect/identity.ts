import { canonicalModel } from '../catalog.js';
import type { Identity } from '../types.js';
import { signatures } from './signatures.js';

/** Split `Name <email>` (a co-author trailer value); the email may be missing. */
export function parseIdentity(value: string): Identity {
  const match = /^(.*?)\s*<([^<>]*)>\s*$/.exec(value);
  if (!match) return { name: value.trim(), email: '' };
  return { name: (match[1] ?? '').trim(), email: (match[2] ?? '').trim() };
}

export interface IdentityMatch {
  agent: string;
  model: string;
}

const MAX_FIELD = 1000;

/** Where an identity was read: a co-author line (or a declared value), or the commit author. */
export type IdentityRole = 'co-author' | 'author';

/**
 * The agent behind a name/email pair (a co-author line or the commit author), by the built-in
 * identity signatures; every pattern an entry gives must match. Model from the `model` group.
 * The committer is never read: who applied a commit (aider's `Name (aider)` committer on the
 * user's own edits, a bot that rebased a branch) is not who wrote it.
 */
export function matchIdentity(identity: Identity, aliases: Record<string, string> = {}, role: IdentityRole = 'co-author'): IdentityMatch | null {
  const name = identity.name.slice(0, MAX_FIELD);
  const email = identity.email.slice(0, MAX_FIELD);
  for (const signature of signatures().identities) {
    if (!signature.name && !signature.email) continue;
    if (signature.authorOnly && role !== 'author') continue;
    const nameMatch = signature.name ? signature.name.exec(name) : null;
    if (signature.name && !nameMatch) continue;
    if (signature.email && !signature.email.test(email)) continue;
    // The agent's own address: what its name carries is a model (`aider (gpt-4o)`, `Cursor (Claude Sonnet 4.6)`).
    const context = { agent: signature.agent, isModel: true };
    const rawModel = nameMatch?.groups?.model ?? /\(([^()]+)\)\s*$/.exec(name)?.[1];
    const model = (rawModel ? canonicalModel(rawModel, aliases, context) : null) ?? signature.defaultModel ?? 'unknown';
    return { agent: signature.agent, model };
  }
  return null;
}
