import { sanitize } from '../sanitize.js';

/** The most characters of one warning a report shows (the messages are built far shorter; a shard's JSON is anyone's). */
const WARNING_MAX = 2000;

/** The most warnings one report holds (a hostile shard set cannot grow a page without end). */
export const WARNINGS_MAX = 64;

/**
 * The warnings a run said on stderr (replace refs, grafts, a shallow cut, files left out…) as the
 * report carries them, so that a reader of the JSON, Markdown or HTML a CI job publishes sees them
 * too: each made safe to print, said once, in the order said, at most `WARNINGS_MAX`.
 */
export function reportWarnings(said: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const message of said) {
    if (typeof message !== 'string' || message === '') continue;
    const shown = sanitize(message, { max: WARNING_MAX });
    if (!out.includes(shown)) out.push(shown);
    if (out.length >= WARNINGS_MAX) break;
  }
  return out;
}

/** `Warning: …` lines for the table and the HTML page's notes. */
export function warningLines(warnings: readonly string[] | undefined): string[] {
  return (warnings ?? []).map((warning) => `Warning: ${warning}`);
}
