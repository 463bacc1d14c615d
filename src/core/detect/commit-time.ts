import { canonicalModel } from '../catalog.js';
import { parseTrailers } from '../trailers.js';
import type { Attribution, CommitTimeSignals } from '../types.js';
import { agentOrSlug, agentSlug } from './agent-name.js';
import { commitFindings, type DetectOptions } from './commit.js';
import { found, quote } from './found.js';
import { mergeAttributions } from './merge.js';
import { signatures } from './signatures.js';

/** A model named in a variable or a session: short names read with the agent as context; unreadable = `unknown` (still AI). */
function modelOrUnknown(raw: string, aliases: Record<string, string>, agent?: string): string {
  return canonicalModel(raw, aliases, { ...(agent && agent !== 'unknown' ? { agent } : {}), isModel: true }) ?? 'unknown';
}

/** The agent the environment names, when it names exactly one (the context of a short model name). */
function envAgent(env: Record<string, string | undefined>): string | undefined {
  const sig = signatures();
  const agents = new Set<string>();
  for (const marker of sig.env) if (marker.when.every(([name, pattern]) => pattern.test(env[name] ?? ''))) agents.add(marker.agent);
  for (const name of sig.genericAgentVars) {
    const agent = agentSlug(env[name] ?? '');
    if (agent) agents.add(agent);
  }
  return agents.size === 1 ? [...agents][0] : undefined;
}

/** Strip comment lines and the scissors section, as git will before storing the message. */
function visibleMessage(message: string, commentChar: string): string {
  const lines: string[] = [];
  for (const line of message.split('\n')) {
    if (line.startsWith(commentChar) && / -+ >8 -+/.test(line)) break;
    if (!line.startsWith(commentChar)) lines.push(line);
  }
  return lines.join('\n');
}

/**
 * Attributions for a commit being made right now: explicit `AITRAIL_MODEL`/`AITRAIL_AGENT`, the
 * `aitrail use` session, agent environment markers, and the signatures already in `message`
 * (co-author lines, trailers) and in the author identity (aider's `Name (aider)`).
 * An explicit or session model replaces the model an agent's environment suggests.
 */
export function detectAtCommitTime(
  message: string,
  time: CommitTimeSignals & { now?: Date; commentChar?: string },
  options: DetectOptions = {},
): Attribution[] {
  const sig = signatures();
  const env = time.env;
  const aliases = options.detect?.aliases ?? {};
  const result: Attribution[] = [];
  let fixedModel: string | undefined;

  const explicitModel = env[sig.explicit.modelVar]?.trim();
  const explicitAgent = env[sig.explicit.agentVar]?.trim();
  if (explicitModel) {
    const agent = explicitAgent ? agentOrSlug(explicitAgent) : 'unknown';
    fixedModel = modelOrUnknown(explicitModel, aliases, agent !== 'unknown' ? agent : envAgent(env));
    result.push(found(agent, fixedModel, `env ${sig.explicit.modelVar}=${quote(explicitModel)}`));
  } else if (explicitAgent) {
    result.push(found(agentOrSlug(explicitAgent), 'unknown', `env ${sig.explicit.agentVar}=${quote(explicitAgent)}`));
  }

  const session = time.session;
  const now = time.now ?? new Date();
  if (!fixedModel && session && !(session.expiresAt && Date.parse(session.expiresAt) <= now.getTime())) {
    fixedModel = modelOrUnknown(session.model, aliases, session.agent);
    const until = session.expiresAt ? ` until ${session.expiresAt}` : '';
    result.push(found(session.agent ? agentOrSlug(session.agent) : 'unknown', fixedModel, `session (aitrail use ${quote(session.model)}${until})`));
  }

  for (const marker of sig.env) {
    if (!marker.when.every(([name, pattern]) => pattern.test(env[name] ?? ''))) continue;
    const why = marker.when.map(([name]) => `${name}=${quote(env[name] ?? '')}`).join(' ');
    const modelVar = marker.modelVars.find((name) => env[name]?.trim());
    const model = fixedModel ?? (modelVar ? modelOrUnknown(env[modelVar] ?? '', aliases, marker.agent) : (marker.defaultModel ?? 'unknown'));
    result.push(found(marker.agent, model, `env ${why}${!fixedModel && modelVar ? ` ${modelVar}=${quote(env[modelVar] ?? '')}` : ''}`));
  }
  for (const name of sig.genericAgentVars) {
    const agent = agentSlug(env[name] ?? '');
    if (agent) result.push(found(agent, fixedModel ?? 'unknown', `env ${name}=${quote(env[name] ?? '')}`));
  }

  const visible = visibleMessage(message, time.commentChar ?? '#');
  const author = time.author ?? { name: '', email: '' };
  result.push(
    ...commitFindings(
      {
        subject: visible.split('\n', 1)[0] ?? '',
        message: visible,
        trailers: parseTrailers(message, { commentChar: time.commentChar ?? '#', noDivider: true }),
        author,
        committer: { name: '', email: '' },
      },
      options,
    ),
  );
  return mergeAttributions(result);
}
