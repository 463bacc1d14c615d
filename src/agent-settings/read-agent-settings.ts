import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { aiderModel } from './aider.js';
import { claudeCodeModel } from './claude-code.js';
import { claudeSubagentModels } from './claude-subagents.js';
import { claudeSessionDirs, claudeTranscriptModel, type ClaudeSession } from './claude-transcript.js';
import { codexModel } from './codex.js';
import { codexRolloutModel, type RolloutModels } from './codex-rollout.js';
import { ancestorModel, ancestorProcesses, commandLineAlso, readsCommandLine, type AncestorProcess, type CommandLineModel } from './command-line.js';
import { cursorCliModel } from './cursor-cli.js';
import { geminiCliModel } from './gemini-cli.js';
import { gooseModel } from './goose.js';
import { opencodeModels } from './opencode.js';
import { qwenCodeModel } from './qwen-code.js';
import type { SettingsPlace } from './settings-place.js';

/** Agent slug → the reader of the model its settings files name (Codex's and aider's also take what the run's command line says). */
const READERS: Readonly<Record<string, (place: SettingsPlace, cli: CommandLineModel | null) => SettingsModel | null | Promise<SettingsModel | null>>> = {
  'claude-code': claudeCodeModel,
  codex: codexModel,
  aider: aiderModel,
  opencode: opencodeModels,
  'gemini-cli': geminiCliModel,
  'qwen-code': qwenCodeModel,
  goose: gooseModel,
  cursor: cursorCliModel,
};

/**
 * The variables an agent reads only when its `--model` is not given (Claude Code: `--model`, then
 * `ANTHROPIC_MODEL`; Gemini CLI: `-m`, then `GEMINI_MODEL`; Qwen Code: `-m`, settings, then
 * `OPENAI_MODEL`, `QWEN_MODEL`; goose: `run --model`, then `GOOSE_MODEL`). The Cursor CLI's `CURSOR_MODEL` and OpenCode's `OPENCODE_MODEL` are
 * not known to be read by them: recorded beside, as beside their settings.
 */
const COMMAND_LINE_REPLACES: Readonly<Record<string, string[]>> = {
  'claude-code': ['ANTHROPIC_MODEL', 'CLAUDE_CODE_MODEL'],
  'gemini-cli': ['GEMINI_MODEL'],
  'qwen-code': ['OPENAI_MODEL', 'QWEN_MODEL'],
  codex: ['OPENAI_DEFAULT_MODEL'],
  goose: ['GOOSE_MODEL'],
};

/**
 * The run's command-line model in place of the settings': it comes before them and the variables it
 * replaces; the settings' other models (goose's lead and planner models) stay beside it.
 */
function fromCommandLine(agent: string, cli: CommandLineModel, settings: SettingsModel | null): SettingsModel {
  const also = [...commandLineAlso(cli), ...(settings?.also ?? [])];
  return {
    model: cli.models[0]!,
    evidence: cli.evidence[0]!,
    replaces: Object.hasOwn(COMMAND_LINE_REPLACES, agent) ? COMMAND_LINE_REPLACES[agent]! : [],
    ...(settings?.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(also.length > 0 ? { also } : {}),
  };
}

/** Claude Code's session (`CLAUDE_CODE_SESSION_ID`) and the project directories it may be in: listed once for its transcript and its subagents'. */
function claudeSession(place: SettingsPlace): ClaudeSession | null {
  try {
    return claudeSessionDirs(place);
  } catch {
    return null;
  }
}

/** Claude Code's session's own model (its transcript), or null: it comes before `--model`, the settings and `ANTHROPIC_MODEL`, which chose what it records. */
function sessionModel(place: SettingsPlace, session: ClaudeSession | null): SettingsModel | null {
  try {
    return claudeTranscriptModel(place, session);
  } catch {
    return null;
  }
}

/** `model` with the models of Claude Code's session's subagents beside it (their transcripts), whichever way `model` was read, or none. */
function withSubagents(model: SettingsModel | undefined, place: SettingsPlace, session: ClaudeSession | null): SettingsModel | undefined {
  let subagents: SettingsModel['also'] = [];
  try {
    subagents = claudeSubagentModels(place, session);
  } catch {
    // Unreadable transcripts name no model.
  }
  if (subagents.length === 0) return model;
  return { ...(model ?? { model: '', evidence: '' }), also: [...(model?.also ?? []), ...subagents] };
}

/**
 * `model` with the model Codex's session ran its last turn on beside it (its rollout), and those
 * it ran turns on since the previous commit, when they are others: a `/model` switch is seen by no config file or command line, and the configured
 * model may still have written part of the work, so both are recorded.
 */
function withRollout(model: SettingsModel | null, place: SettingsPlace): SettingsModel | null {
  let rollout: RolloutModels | null = null;
  try {
    rollout = codexRolloutModel(place);
  } catch {
    // An unreadable rollout names no model.
  }
  if (!rollout) return model;
  const also = [...(model?.also ?? [])];
  for (const used of [{ model: rollout.model, evidence: rollout.evidence }, ...(rollout.also ?? [])]) {
    if (model?.model !== used.model && !also.some((seen) => seen.model === used.model)) also.push({ ...used, overriddenBy: [] });
  }
  if (also.length === (model?.also ?? []).length) return model;
  return { ...(model ?? { model: '', evidence: '' }), also };
}

/** Whether the command line of `agent` is looked for: the Cursor CLI's only while its launcher marks the commit (its name, `agent`, is a common one). */
function looksAtCommandLine(agent: string, place: SettingsPlace): boolean {
  if (!readsCommandLine(agent)) return false;
  return agent !== 'cursor' || /^(?:cursor-)?agent(?:\.(?:exe|cmd|bat|ps1))?$/i.test(place.env.CURSOR_INVOKED_AS?.trim() ?? '');
}

/**
 * The settings model of each of `agents` that has a reader (a few small files each), or the model
 * the agent's own process was started with (`codex -m qwen3-coder`: its command line, found among
 * this process's ancestors on Linux, a few small `/proc` reads, only for an agent committing now),
 * or for Claude Code the model its own session's transcript names last (`CLAUDE_CODE_SESSION_ID`),
 * with its subagents' models beside; for Codex, the model of its session's last turn beside (its rollout).
 * Never throws: a settings file that cannot be read or parsed names no model, and the commit is
 * recorded as before.
 */
export async function readAgentSettings(agents: Iterable<string>, place: SettingsPlace): Promise<Record<string, SettingsModel>> {
  const result: Record<string, SettingsModel> = {};
  let ancestors: readonly (readonly string[] | AncestorProcess)[] | undefined;
  for (const agent of agents) {
    if (!Object.hasOwn(READERS, agent)) continue;
    const session = agent === 'claude-code' ? claudeSession(place) : null;
    const transcript = session ? sessionModel(place, session) : null;
    if (transcript) {
      result[agent] = withSubagents(transcript, place, session)!;
      continue;
    }
    let cli: CommandLineModel | null = null;
    try {
      if (looksAtCommandLine(agent, place)) cli = ancestorModel(agent, (ancestors ??= place.commandLines ?? ancestorProcesses()), quote);
    } catch {
      // An ancestor gone or unreadable names no model.
    }
    let settings: SettingsModel | null = null;
    try {
      settings = await READERS[agent]!(place, cli);
    } catch {
      // Unreadable settings name no model.
    }
    const read = cli && cli.models.length > 0 && (agent !== 'codex' || !settings) ? fromCommandLine(agent, cli, settings) : settings;
    const model = session ? withSubagents(read ?? undefined, place, session) : agent === 'codex' ? withRollout(read, place) : read;
    if (model) result[agent] = model;
  }
  return result;
}
