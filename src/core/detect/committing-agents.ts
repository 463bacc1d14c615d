import type { Identity } from '../types.js';
import { envAgents } from './env-findings.js';
import { parseIdent } from '../ident.js';
import { matchIdentity } from './identity.js';

/**
 * The agents making the commit now, by their own marks only: environment markers and generic agent
 * variables (`CLAUDECODE=1`, `AGENT=opencode`), and an author identity that only an agent writes
 * (aider's `Name (aider)`). A message's lines are not asked: they may quote anyone. Only these
 * agents' settings files are read (src/hooks/commit-time-signals.ts), so a person's commit never is.
 */
export function committingAgents(env: Record<string, string | undefined>, author: Identity | undefined): Set<string> {
  const agents = envAgents(env);
  const byAuthor = author ? matchIdentity(author, {}, 'author') : null;
  if (byAuthor) agents.add(byAuthor.agent);
  agents.delete('unknown');
  return agents;
}

/**
 * Agents whose shell tool sets no marker, so that their own co-author line is the only sign of them a
 * commit carries, and whose session a hook can read for the model (Factory Droid's
 * `Co-authored-by: factory-droid[bot] <…>`, its `includeCoAuthoredByDroid` default): without this, their
 * commit was `<agent>:unknown` whatever model wrote it (row 1196).
 */
const READ_BY_CO_AUTHOR: ReadonlySet<string> = new Set(['factory-droid']);
/** How much of a message's head and of its tail is looked at for those lines (row 1226: trailers sit at a message's end, and a 280 KB body hid them). */
const MAX_MESSAGE = 256 * 1024;

/** The head and the tail of `message` (its whole lines), at most MAX_MESSAGE each: the whole of a message up to twice that. */
function headAndTail(message: string): string {
  if (message.length <= 2 * MAX_MESSAGE) return message;
  const cut = message.length - MAX_MESSAGE;
  const tail = message.indexOf('\n', cut);
  return `${message.slice(0, MAX_MESSAGE)}\n${tail < 0 ? '' : message.slice(tail + 1)}`;
}
const CO_AUTHOR_LINE = /^co-authored-by:[ \t]*(.{1,512})$/gim;

/**
 * The agents of {@link READ_BY_CO_AUTHOR} a co-author line of `message` names by their own identity (a
 * comment line starts with its comment character, never matched). Only a reading is added: what is
 * recorded stays what the message's trailers say, with the settings model of an agent they name.
 */
export function coAuthorAgents(message: string): Set<string> {
  const agents = new Set<string>();
  for (const match of headAndTail(message).matchAll(CO_AUTHOR_LINE)) {
    const ident = parseIdent(match[1]!.trim());
    const agent = ident ? matchIdentity(ident)?.agent : undefined;
    if (agent && READ_BY_CO_AUTHOR.has(agent)) agents.add(agent);
  }
  return agents;
}
