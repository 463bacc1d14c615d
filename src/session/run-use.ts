import { ExitCode } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { canonicalModel } from '../core/catalog.js';
import { shortNameAgents } from '../core/model-words.js';
import { formatDuration, parseDuration } from '../core/duration.js';
import { activeSession, DEFAULT_SESSION_MS, describeSession, isAgentSlug, isModelId } from '../core/session.js';
import type { Session } from '../core/types.js';
import { UsageError } from '../errors/usage-error.js';
import { locateRepo } from '../git/repo.js';
import { clearSession, readSessionData, sessionPath, writeSession } from './session-file.js';
import { writeStdout } from '../io/stdout.js';

export interface UseArgs {
  model?: string;
  agent?: string;
  for?: string;
  clear?: boolean;
  config?: string;
  cwd?: string;
}

/**
 * The canonical id for what the user typed: the catalog (and config aliases; short names such as
 * `opus` read with the agent as context), else a literal `vendor/model`.
 */
export function resolveSessionModel(raw: string, aliases: Record<string, string>, agent?: string): string {
  const canonical = canonicalModel(raw, aliases, { ...(agent ? { agent } : {}), isModel: true });
  if (canonical && isModelId(canonical)) return canonical;
  const literal = raw.trim().toLowerCase();
  if (isModelId(literal) && literal !== 'unknown') return literal;
  const agents = agent ? [] : shortNameAgents(raw);
  if (agents.length > 0) {
    throw new UsageError(`'${sanitize(raw, { max: 80 })}' is a short model name of ${agents.join(', ')}: say which agent with --agent ${agents[0]}, or give the model id (e.g. google/gemini-2.5-pro).`);
  }
  throw new UsageError(
    `unknown model '${sanitize(raw, { max: 80 })}'. Give a known model name (e.g. claude-opus-4.6, gpt-5.2-codex, qwen3-coder) or a vendor/model id such as qwen/qwen3-coder.`,
  );
}

/** `aitrail use`: set, show or clear the model for commits made in this worktree. */
export async function runUse(args: UseArgs): Promise<number> {
  const cwd = args.cwd ?? process.cwd();
  const repo = await locateRepo(cwd);
  if (repo.bare) throw new UsageError("a bare repository has no commits made in it; run 'aitrail use' in a work tree.");
  const now = new Date();
  if (args.clear) {
    if (args.model !== undefined || args.agent !== undefined || args.for !== undefined) throw new UsageError("--clear takes no model, --agent or --for. Run 'aitrail use --clear' alone.");
    const stored = activeSession(readSessionData(repo.gitDir), now);
    const had = clearSession(repo.gitDir);
    writeStdout(had ? `Session cleared${stored ? ` (was ${describeSession(stored, now)})` : ''}; commits here are no longer attributed to it.\n` : 'No session was set; nothing to clear.\n');
    return ExitCode.ok;
  }
  if (args.model === undefined) {
    if (args.agent !== undefined || args.for !== undefined) throw new UsageError("--agent and --for need a model: aitrail use <model> [--agent <slug>] [--for <duration>].");
    const data = readSessionData(repo.gitDir);
    const session = activeSession(data, now);
    if (session) writeStdout(`Session: ${sanitize(describeSession(session, now))}\n(stored in ${sanitize(sessionPath(repo.gitDir))}; clear with 'aitrail use --clear')\n`);
    else writeStdout(`No session${data !== undefined ? ' (the stored one has expired or is invalid)' : ''}. Set one with 'aitrail use <model> [--agent <slug>] [--for 2h]'.\n`);
    return ExitCode.ok;
  }
  const { cachedIn, loadConfig } = await import('../config/load.js');
  const { resolveConfig } = await import('../config/defaults.js');
  const config = resolveConfig((await loadConfig(repo.root, { ...(args.config ? { configFile: args.config } : {}), ...cachedIn(repo) })).config);
  let agent: string | undefined;
  if (args.agent !== undefined) {
    agent = args.agent.trim().toLowerCase();
    if (!isAgentSlug(agent)) throw new UsageError(`invalid agent '${sanitize(args.agent, { max: 80 })}': use a slug such as claude-code, aider, cursor, codex (letters, digits, '-', '.', '_').`);
  }
  const model = resolveSessionModel(args.model, config.detect.aliases, agent);
  let ms = DEFAULT_SESSION_MS;
  if (args.for !== undefined) {
    const parsed = parseDuration(args.for);
    if (parsed === null) throw new UsageError(`invalid duration '${sanitize(args.for, { max: 40 })}': use a number and a unit, e.g. 30m, 2h, 1d, 1h30m (at most a year).`);
    ms = parsed;
  }
  const expiresAt = new Date(now.getTime() + ms).toISOString();
  const session: Session = { model, ...(agent ? { agent } : {}), expiresAt, setAt: now.toISOString() };
  writeSession(repo.gitDir, session);
  const how = args.for === undefined ? `the default working day; change it with --for <duration>, e.g. --for 2d` : `--for ${sanitize(args.for, { max: 40 })}`;
  writeStdout(
    `Commits in this worktree now record ${config.trailer.key}: ${agent ?? '<agent>'}:${model}, until ${expiresAt} (${formatDuration(ms)}: ${how}; 'aitrail use --clear' ends it).\n` +
      (agent
        ? 'Commits made by another agent do not get this model.\n'
        : 'The agent is taken from the environment at commit time (unknown if none is detected); set it with --agent <slug>.\n'),
  );
  return ExitCode.ok;
}
