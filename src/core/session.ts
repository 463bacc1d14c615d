import { isModelId as isCanonicalModelId } from './catalog.js';
import { formatDuration } from './duration.js';
import type { Session } from './types.js';

const SLUG = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** How long a session lasts when `aitrail use` is given no `--for`: a working day. */
export const DEFAULT_SESSION_MS = 8 * 3_600_000;

/**
 * When a session ends (ms since the epoch): its `expiresAt`, or — for a session stored without one
 * by an older aitrail — a working day after it was set. A forgotten session never lasts forever.
 */
export function sessionEnd(session: Pick<Session, 'expiresAt' | 'setAt'>): number {
  const end = session.expiresAt !== undefined ? Date.parse(session.expiresAt) : Date.parse(session.setAt) + DEFAULT_SESSION_MS;
  return Number.isNaN(end) ? 0 : end;
}

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
 * `now`, with its end filled in (see `sessionEnd`); `undefined` otherwise. Hostile files (wrong
 * types, newlines, huge strings) are ignored.
 */
export function activeSession(data: unknown, now: Date): Session | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const { model, agent, expiresAt, setAt } = record;
  if (typeof model !== 'string' || !isModelId(model)) return undefined;
  if (agent !== undefined && (typeof agent !== 'string' || !isAgentSlug(agent))) return undefined;
  if (typeof setAt !== 'string' || Number.isNaN(Date.parse(setAt))) return undefined;
  if (expiresAt !== undefined && typeof expiresAt !== 'string') return undefined;
  const end = sessionEnd({ setAt, ...(expiresAt !== undefined ? { expiresAt } : {}) });
  if (end <= now.getTime()) return undefined;
  return { model, ...(agent !== undefined ? { agent } : {}), expiresAt: expiresAt ?? new Date(end).toISOString(), setAt };
}

/** `qwen-code qwen/qwen3-coder, until 2026-…Z (7h 59m left)`, for `use` and `status`. */
export function describeSession(session: Session, now: Date): string {
  const end = sessionEnd(session);
  return `${session.agent ?? '(agent detected at commit time)'} ${session.model}, until ${new Date(end).toISOString()} (${formatDuration(end - now.getTime())} left)`;
}
