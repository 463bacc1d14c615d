import { canonicalModel } from '../catalog.js';
import type { Attribution, CommitSignals, DetectConfig, Identity } from '../types.js';
import { agentSlug } from './agent-name.js';
import { parseDeclaredValue } from './declared-value.js';
import { found, quote } from './found.js';
import { matchIdentity, parseIdentity } from './identity.js';
import { mergeAttributions } from './merge.js';
import { signatures } from './signatures.js';
import { userRuleAttributions } from './user-rules.js';
import { DEFAULT_TRAILER_KEY } from '../default-trailer-key.js';

export interface DetectOptions {
  detect?: DetectConfig;
  /** The declared trailer key (config `trailer.key`, default `Assisted-by`). */
  trailerKey?: string;
}

/** Body lines scanned for agent footers such as Claude Code's `Generated with [Claude Code](…)`. */
const MAX_BODY_LINES = 400;

function showIdentity(identity: Identity): string {
  return quote(identity.email ? `${identity.name} <${identity.email}>` : identity.name);
}

function fromTrailers(signals: CommitSignals, trailerKey: string, aliases: Record<string, string>): Attribution[] {
  const sig = signatures();
  const result: Attribution[] = [];
  for (const trailer of signals.trailers) {
    const key = trailer.key.toLowerCase();
    const evidence = `trailer ${trailer.key}: ${quote(trailer.value)}`;
    if (key === trailerKey || sig.declaredKeys.has(key)) {
      const value = parseDeclaredValue(trailer.value, aliases);
      if (value) result.push(found(value.agent, value.model, evidence, true));
    } else if (sig.coAuthorKeys.has(key)) {
      const identity = parseIdentity(trailer.value);
      const value = identity.email ? parseDeclaredValue(trailer.value, aliases) : null;
      const model = value ? null : canonicalModel(identity.name, aliases);
      if (value) result.push(found(value.agent, value.model, evidence));
      else if (model) result.push(found('unknown', model, evidence));
    } else if (sig.modelKeys.has(key)) {
      const model = canonicalModel(trailer.value, aliases, { isModel: true });
      if (model) result.push(found('unknown', model, evidence, true));
    } else if (sig.agentKeys.has(key)) {
      const agent = agentSlug(trailer.value);
      if (agent) result.push(found(agent, 'unknown', evidence, true));
    } else if (sig.madeWithKeys.has(key)) {
      const value = parseDeclaredValue(trailer.value, aliases);
      if (value) result.push(found(value.agent, value.model, evidence));
    }
  }
  return result;
}

/** The author's identity (never the committer's: applying a commit is not writing it). */
function fromAuthor(signals: CommitSignals, aliases: Record<string, string>): Attribution[] {
  const match = matchIdentity(signals.author, aliases, 'author');
  return match ? [found(match.agent, match.model, `author ${showIdentity(signals.author)}`)] : [];
}

function fromText(signals: CommitSignals): Attribution[] {
  const sig = signatures();
  const result: Attribution[] = [];
  for (const subject of sig.subjects) {
    if (subject.pattern.test(signals.subject)) result.push(found(subject.agent, subject.defaultModel ?? 'unknown', `subject ${quote(signals.subject)}`));
  }
  const lines = signals.message.split('\n', MAX_BODY_LINES).slice(1);
  for (const line of lines) {
    for (const body of sig.bodyLines) {
      if (body.pattern.test(line.replace(/\r$/, ''))) result.push(found(body.agent, body.defaultModel ?? 'unknown', `message line ${quote(line)}`));
    }
  }
  return result;
}

/** Every attribution the signals support, unmerged (commit-time detection adds its own). */
export function commitFindings(signals: CommitSignals, options: DetectOptions = {}): Attribution[] {
  const aliases = options.detect?.aliases ?? {};
  const trailerKey = (options.trailerKey ?? DEFAULT_TRAILER_KEY).toLowerCase();
  return [
    ...fromTrailers(signals, trailerKey, aliases),
    ...fromAuthor(signals, aliases),
    ...fromText(signals),
    ...userRuleAttributions(options.detect?.rules ?? [], signals, aliases),
  ];
}

/**
 * Attributions of a stored commit, from its trailers, identities, subject and body. Empty = human.
 * A trailer key alone never makes a commit AI: the value must name a known agent, bot identity
 * or model (`Co-authored-by: Jane <jane@example.com>` is a person).
 */
export function detectCommit(signals: CommitSignals, options: DetectOptions = {}): Attribution[] {
  return mergeAttributions(commitFindings(signals, options));
}
