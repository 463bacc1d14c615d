import { signatures } from './signatures.js';

/** Longest accepted agent name or slug. */
const MAX_AGENT = 60;

/** The agent slug a name stands for (`Claude Code` → `claude-code`), or `null` if not a known agent. */
export function agentSlug(raw: string): string | null {
  const name = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_AGENT) return null;
  const names = signatures().agentNames;
  return names.get(name) ?? names.get(name.replace(/[_ ]/g, '-')) ?? null;
}

/**
 * A safe slug for an agent named by the user or a trailer but missing from the built-in table
 * (`acme-bot`): lower case `[a-z0-9-]`, or `unknown` when nothing usable is left.
 */
export function slugify(raw: string): string {
  const slug = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_AGENT);
  return slug.length > 0 ? slug : 'unknown';
}

/** Known slug for `raw`, else its slugified form. */
export function agentOrSlug(raw: string): string {
  return agentSlug(raw) ?? slugify(raw);
}
