import { isModelId as isCanonicalModelId } from './catalog.js';
import type { Session } from './types.js';

const SLUG = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** True for an agent slug we accept in a session (`claude-code`, `aider`, …). */
export function isAgentSlug(text: string): boolean {
  return SLUG.test(text);
}

/**
 * True for a canonical `vendor/model` id (or `unknown`): the catalog's rule, so a session never
 * holds a model (`acme/coder:7b`, `a..b/c`) that detection then drops as `unknown`.
 */
export function isModelId(text: string): boolean {
  return text === 'unknown' || isCanonicalModelId(text);
}

/**
 * The session in `data` (parsed JSON of the session file) if it is well-formed and not expired at
 * `now`; `undefined` otherwise. Hostile files (wrong types, newlines, huge strings) are ignored.
 */
export function activeSession(data: unknown, now: Date): Session | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const { model, agent, expiresAt, setAt } = record;
  if (typeof model !== 'string' || !isModelId(model)) return undefined;
  if (agent !== undefined && (typeof agent !== 'string' || !isAgentSlug(agent))) return undefined;
  if (typeof setAt !== 'string' || Number.isNaN(Date.parse(setAt))) return undefined;
  if (expiresAt !== undefined) {
    if (typeof expiresAt !== 'string') return undefined;
    const end = Date.parse(expiresAt);
    if (Number.isNaN(end) || end <= now.getTime()) return undefined;
  }
  return { model, ...(agent !== undefined ? { agent } : {}), ...(expiresAt !== undefined ? { expiresAt } : {}), setAt };
}
