import { parseTrailers } from '../trailers.js';
import { storedSubjectStart, subjectLine } from '../subject-line.js';
import { sessionEnd } from '../session.js';
import type { Attribution, CommitTimeSignals } from '../types.js';
import { agentOrSlug } from './agent-name.js';
import { commitFindings, type DetectOptions } from './commit.js';
import { envFindings, modelsOrUnknown, settingsAlsoInForce, settingsInForce, soleEnvAgent, type EnvFinding } from './env-findings.js';
import { found, quote } from './found.js';
import { mergeAttributions } from './merge.js';
import { signatures } from './signatures.js';

/** A model named for the commit being made: `AITRAIL_MODEL` (explicit) or the `aitrail use` session. */
interface FixedModel {
  kind: 'explicit' | 'session';
  /** The model named, and beside it the other vendor's of a joined name of two vendors' words (`gpt-kimi`: row 1209). */
  models: string[];
  /** The agent it was named for (`AITRAIL_AGENT`, `aitrail use --agent`), if any. */
  agent?: string;
  evidence: string;
}

/**
 * Strip comment lines and the scissors section, as git will before storing the message: the
 * scissors line is the one written with `cutChar`; the lines dropped are those the stored message is
 * judged without (`keptChar`, trailerCommentChar: where git keeps the `commentChar` lines, they are
 * text to `check` and pre-receive, `core.commentChar=A`'s `Assisted-by: …` too).
 */
function visibleMessage(message: string, cutChar: string, keptChar: string): string {
  const lines: string[] = [];
  for (const line of message.split('\n')) {
    if (line.startsWith(cutChar) && / -+ >8 -+/.test(line)) break;
    if (!line.startsWith(keptChar)) lines.push(line);
  }
  return lines.join('\n');
}

function fixedModel(time: CommitTimeSignals & { now?: Date }, aliases: Record<string, string>, fromEnv: readonly EnvFinding[]): FixedModel | undefined {
  const sig = signatures();
  const explicitModel = time.env[sig.explicit.modelVar]?.trim();
  const explicitAgent = time.env[sig.explicit.agentVar]?.trim();
  if (explicitModel) {
    const agent = explicitAgent ? agentOrSlug(explicitAgent) : undefined;
    const models = modelsOrUnknown(explicitModel, aliases, agent ?? soleEnvAgent(fromEnv));
    return { kind: 'explicit', models, ...(agent ? { agent } : {}), evidence: `env ${sig.explicit.modelVar}=${quote(explicitModel)}` };
  }
  const session = time.session;
  if (!session || sessionEnd(session) <= (time.now ?? new Date()).getTime()) return undefined;
  const agent = session.agent ? agentOrSlug(session.agent) : undefined;
  const why = `session (aitrail use ${quote(session.model)}${agent ? ` --agent ${agent}` : ''} until ${new Date(sessionEnd(session)).toISOString()})`;
  return { kind: 'session', models: modelsOrUnknown(session.model, aliases, agent), ...(agent ? { agent } : {}), evidence: why };
}

function withModel(finding: EnvFinding, fixed: FixedModel): Attribution[] {
  return fixed.models.map((model) => ({ ...finding.attribution, model, evidence: [finding.markerEvidence, fixed.evidence] }));
}

/** The fixed model's own attributions, for `agent`. */
function fixedFound(agent: string, fixed: FixedModel): Attribution[] {
  return fixed.models.map((model) => found(agent, model, fixed.evidence));
}

/**
 * Who the fixed model belongs to. Explicit `AITRAIL_MODEL` replaces the model of the agents the
 * environment names (only `AITRAIL_AGENT`'s when set) and is always recorded. A session belongs to
 * its own agent: it is recorded when that agent is the one committing, or when no agent signal at
 * all is present — never paired with another agent (a Claude Code commit made while a
 * `qwen-code` session is active keeps only its own model). A session set without `--agent` takes
 * the agent of the environment, unless the message already names that agent's model.
 */
function applyFixed(fixed: FixedModel, fromEnv: readonly EnvFinding[], fromMessage: readonly Attribution[]): Attribution[] {
  const signalled = new Set([...fromEnv.map((finding) => finding.attribution), ...fromMessage].map((a) => a.agent).filter((agent) => agent !== 'unknown'));
  const modelled = new Set(fromMessage.filter((a) => a.agent !== 'unknown' && a.model !== 'unknown').map((a) => a.agent));
  const own = fromEnv.map((finding) => finding.attribution);
  if (fixed.agent) {
    if (fixed.kind === 'session' && signalled.size > 0 && !signalled.has(fixed.agent)) return own;
    const env = fromEnv.flatMap((finding) => (finding.attribution.agent === fixed.agent ? withModel(finding, fixed) : [finding.attribution]));
    return [...fixedFound(fixed.agent, fixed), ...env];
  }
  if (fixed.kind === 'explicit') return [...fixedFound('unknown', fixed), ...fromEnv.flatMap((finding) => withModel(finding, fixed))];
  if (signalled.size === 0) return fixedFound('unknown', fixed);
  return fromEnv.flatMap((finding) => (modelled.has(finding.attribution.agent) ? [finding.attribution] : withModel(finding, fixed)));
}

/**
 * The settings model of each agent the message or author names (aider's `Name (aider)`) but no
 * variable does, unless the message already names that agent's model (aider's own co-author line
 * names the model it ran). Agents the environment names got theirs from envFindings. A reading that
 * says the name the agent uses is not what runs (`routed`: a gateway on this machine, a settings file
 * past the bound) is read whatever the message names: aider's own `Co-authored-by: aider (gpt-4o)`
 * names only what it asked the gateway for, and its `unknown` stays beside it (row 940).
 */
function settingsFindings(time: CommitTimeSignals, fromEnv: readonly EnvFinding[], fromMessage: readonly Attribution[], aliases: Record<string, string>): Attribution[] {
  const inEnv = new Set(fromEnv.map((finding) => finding.attribution.agent));
  const result: Attribution[] = [];
  for (const agent of new Set(fromMessage.map((a) => a.agent))) {
    if (inEnv.has(agent)) continue;
    const setting = settingsInForce(agent, time.settings, time.env);
    const modelNamed = fromMessage.some((a) => a.agent === agent && a.model !== 'unknown');
    if (modelNamed && !setting?.routed) continue;
    for (const named of [...(setting ? [setting] : []), ...settingsAlsoInForce(agent, time.settings, time.env)]) {
      for (const model of modelsOrUnknown(named.model, aliases, agent)) {
        const attribution = found(agent, model, named.evidence);
        // Never folded into the model the message names (merge.ts: a stated unknown stays beside, row 894).
        if (modelNamed && attribution.model === 'unknown') attribution.stated = true;
        result.push(attribution);
      }
    }
  }
  return result;
}

/**
 * Attributions for a commit being made right now: explicit `AITRAIL_MODEL`/`AITRAIL_AGENT`, the
 * `aitrail use` session, agent environment markers, the settings model of the agents committing,
 * and the signatures already in `message` (co-author lines, trailers) and in the author identity
 * (aider's `Name (aider)`). `trailerChar`: the comment prefix its trailer block is read with, when
 * git keeps the `commentChar` lines (trailerCommentChar in src/hooks/comment-char.ts); `commentChar`
 * `\n` (no line starts with it): git keeps them, the message is read whole, as stored; `cutChar`:
 * the prefix of a scissors line the message is cut at (default `commentChar`; `\n`: none).
 */
export function detectAtCommitTime(
  message: string,
  time: CommitTimeSignals & { now?: Date; commentChar?: string; trailerChar?: string; cutChar?: string },
  options: DetectOptions = {},
): Attribution[] {
  const sig = signatures();
  const aliases = options.detect?.aliases ?? {};
  const fromEnv = envFindings(time.env, aliases, time.settings);
  const commentChar = time.commentChar ?? '#';
  const cutChar = time.cutChar ?? commentChar;
  // commentChar `\n`: git keeps every comment line (no editor), the message is read whole, as stored.
  const dropped = commentChar === '\n' ? '\n' : (time.trailerChar ?? commentChar);
  const visible = visibleMessage(message, cutChar, dropped);
  const fromMessage = commitFindings(
    {
      // The subject git will show (`%s`): past the leading blank lines --cleanup=verbatim keeps (or git's cleanup drops).
      subject: subjectLine(visible),
      message: visible,
      // No scissors line git cuts at (no editor opened): the trailer block as check reads the stored message's,
      // whose first paragraph (the subject's) is no trailer block, whatever blank or dropped comment lines come first.
      trailers: parseTrailers(message.slice(storedSubjectStart(message, dropped, cutChar)), { commentChar: time.trailerChar ?? commentChar, cutChar: cutChar === '\n' ? (time.trailerChar ?? '#') : cutChar, noDivider: true }),
      author: time.author ?? { name: '', email: '' },
      committer: { name: '', email: '' },
    },
    options,
  );
  const fixed = fixedModel(time, aliases, fromEnv);
  const result = fixed ? applyFixed(fixed, fromEnv, fromMessage) : [...fromEnv.map((finding) => finding.attribution), ...settingsFindings(time, fromEnv, fromMessage, aliases)];
  const explicitAgent = time.env[sig.explicit.agentVar]?.trim();
  if (explicitAgent && !fixed) result.unshift(found(agentOrSlug(explicitAgent), 'unknown', `env ${sig.explicit.agentVar}=${quote(explicitAgent)}`));
  return mergeAttributions([...result, ...fromMessage]);
}
