import { agentMarkers, genericAgentValue } from '../core/detect/env-findings.js';
import { quote } from '../core/detect/found.js';
import { signatures } from '../core/detect/signatures.js';
import type { SettingsModel } from '../core/types.js';
import { aiderModel } from './aider.js';
import { ampThreadModel } from './amp-thread.js';
import { blackboxCliModel } from './blackbox-cli.js';
import { claudeCodeModel } from './claude-code.js';
import { CLAUDE_NAME, claudeCodeRouterModels, haikuMain, HOSTED_NAME } from './claude-code-router.js';
import { claudeRecentModels } from './claude-recent.js';
import { claudeSubagentModels } from './claude-subagents.js';
import { claudeSessionDirs, claudeTranscriptModel, type ClaudeSession } from './claude-transcript.js';
import { geminiSessionModels, iflowSessionModels, qwenSessionModels } from './chat-recordings.js';
import { clineSessionModels, clineTaskModels } from './cline-tasks.js';
import { codexModel } from './codex.js';
import { codexRolloutModel } from './codex-rollout.js';
import { copilotAgentModels, copilotCliModel, copilotSessionModels } from './copilot-cli.js';
import { ancestorModel, ancestorProcesses, commandLineAlso, markerSetterModel, readsCommandLine, type AncestorProcess, type CommandLineModel } from './command-line.js';
import { crushModel } from './crush.js';
import { crushDatabaseModels } from './crush-database.js';
import { cursorCliModel } from './cursor-cli.js';
import { cursorIdeModels } from './cursor-ide.js';
import { factoryDroidModel, factoryDroidSessionModels } from './factory-droid.js';
import { GEMINI_NAME, geminiCliModel, geminiSubagentModels } from './gemini-cli.js';
import { gooseModel } from './goose.js';
import { IFLOW_MODEL_VARS, iflowCliModel } from './iflow-cli.js';
import { kiloCliModels } from './kilo-cli.js';
import { kimiCliModel } from './kimi-cli.js';
import { mistralVibeModel } from './mistral-vibe.js';
import { opencodeModels } from './opencode.js';
import { qwenCodeModel, qwenSubagentModels } from './qwen-code.js';
import { OversizedSettingsError, oversizedEvidence, shownPath, type SettingsPlace } from './settings-place.js';

/**
 * VS Code's Copilot agent (its terminals' `AI_AGENT=github_copilot_vscode_agent`) without Copilot CLI's
 * own marker (`COPILOT_CLI`): Copilot CLI's settings, variables and sessions name another agent's model
 * (row 899); its custom agents (`.github/agents/`) are VS Code's too.
 */
function vscodeCopilot(place: SettingsPlace): boolean {
  // Copilot CLI's marker as its signature matches it (signatures.json `COPILOT_CLI`), not a look-alike ` 1` (row 904).
  const generic = signatures().genericAgentVars;
  if (agentMarkers(place.env, 'copilot').some(([name]) => !generic.includes(name))) return false;
  // Read as genericAgent reads it, a version after `@` dropped (row 903): else `…@1.2` is Copilot with Copilot CLI's model.
  return generic.some((name) => genericAgentValue(place.env[name] ?? '').toLowerCase() === 'github_copilot_vscode_agent');
}

/** Agent slug → the reader of the model its settings files name (Codex's and aider's also take what the run's command line says). */
const READERS: Readonly<Record<string, (place: SettingsPlace, cli: CommandLineModel | null) => SettingsModel | null | Promise<SettingsModel | null>>> = {
  'claude-code': claudeCodeModel,
  codex: codexModel,
  aider: aiderModel,
  opencode: opencodeModels,
  'gemini-cli': geminiCliModel,
  'qwen-code': qwenCodeModel,
  // iFlow CLI (Gemini CLI's fork, row 1135): its own `~/.iflow/settings.json`, never Gemini CLI's.
  'iflow-cli': iflowCliModel,
  blackbox: blackboxCliModel,
  goose: gooseModel,
  cursor: cursorCliModel,
  crush: crushModel,
  // Cline keeps no settings file a hook reads: its models are its tasks' (SESSION_MODELS).
  cline: () => null,
  'kilo-code': kiloCliModels,
  'kimi-code': kimiCliModel,
  'mistral-vibe': mistralVibeModel,
  copilot: (place, cli) => (vscodeCopilot(place) ? null : copilotCliModel(place, cli)),
  // Amp names no model in a settings file or variable (its mode picks it): its thread's answers name it (row 896).
  amp: ampThreadModel,
  // Factory Droid: `~/.factory/settings.json`'s default model; its sessions' own models beside (SESSION_MODELS, row 1196).
  'factory-droid': factoryDroidModel,
};

/**
 * The variables an agent reads only when its `--model` is not given (Claude Code: `--model`, then
 * `ANTHROPIC_MODEL`; Gemini CLI: `-m`, then `GEMINI_MODEL`; Qwen Code: `-m`, settings, then
 * `OPENAI_MODEL`, `QWEN_MODEL`; goose: `run --model`, then `GOOSE_MODEL`). The Cursor CLI's `CURSOR_MODEL` and OpenCode's `OPENCODE_MODEL` are
 * not known to be read by them, and Copilot CLI's `COPILOT_MODEL` not known to come after its
 * `--model` (both come before its settings), and BLACKBOX CLI's `OPENAI_MODEL` comes before its
 * `--model` (row 607): recorded beside, as beside their settings.
 */
const COMMAND_LINE_REPLACES: Readonly<Record<string, string[]>> = {
  'claude-code': ['ANTHROPIC_MODEL', 'CLAUDE_CODE_MODEL'],
  'gemini-cli': ['GEMINI_MODEL'],
  'qwen-code': ['OPENAI_MODEL', 'QWEN_MODEL'],
  'iflow-cli': [...IFLOW_MODEL_VARS],
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

type Also = NonNullable<SettingsModel['also']>;

/** A name Claude Code asks for (a Claude model or one of its aliases): at claude-code-router never the model that runs, the Router picks. */
/** claude-code-router is at Claude Code's endpoint (its Router read or not): what Claude Code names does not run. */
function atRouter(place: SettingsPlace, model: string): boolean {
  try {
    const router = claudeCodeRouterModels(place, haikuMain(place, model));
    return router.unread !== undefined || router.also.length > 0;
  } catch (error) {
    // ccr's config past the bound: what it routes to is not known, as unread (its reader, Claude Code's, says so).
    return error instanceof OversizedSettingsError;
  }
}

/** `model` with `added` beside it, each model not already read (a model read only beside is kept with an empty main model, as goose's lead model is). */
function withAlso(model: SettingsModel | null, added: Also): SettingsModel | null {
  const known = new Set([model?.model, ...(model?.also ?? []).map((also) => also.model)]);
  const fresh = added.filter((also) => !known.has(also.model) && known.add(also.model));
  if (fresh.length === 0) return model;
  return { ...(model ?? { model: '', evidence: '' }), also: [...(model?.also ?? []), ...fresh] };
}

/**
 * The models the command line of the process that set the agent's markers names (a copy of the
 * agent under another name, which no ancestor reads as the agent's): only ever added beside a
 * model read otherwise, never in its place, and hidden by no variable.
 */
function setterModels(setter: CommandLineModel | null): Also {
  return (setter?.models ?? []).map((name, index) => ({ model: name, evidence: setter!.evidence[index]!, overriddenBy: [] }));
}

/**
 * Agents whose settings can send the model their command line names elsewhere (a provider's base URL, an alias): past
 * the bound, that name is not what runs, so it is not recorded (rows 938, 942). Another agent's `--model` runs whatever
 * its settings say (Claude Code's `--model` over every file's `model`; its gateway is a variable the hook sees).
 */
const SETTINGS_REROUTE = new Set(['codex', 'aider', 'opencode', 'qwen-code', 'blackbox', 'mistral-vibe', 'kilo-code', 'goose', 'crush', 'copilot']);

/**
 * The one reading of a file an agent reads whole past the bound the hooks read (row 968): what runs is not known,
 * `unknown`, routed; the command line's models kept beside where the file cannot move them (a padded file never
 * hides a denied `--model`).
 */
function oversizedModel(agent: string, place: SettingsPlace, error: OversizedSettingsError, cli: CommandLineModel | null): SettingsModel {
  const unknown: SettingsModel = { model: 'unknown', evidence: error.evidence ?? oversizedEvidence(shownPath(place, error.path)), overriddenBy: [], routed: true };
  const named = SETTINGS_REROUTE.has(agent) ? [] : setterModels(cli);
  return named.length > 0 ? { ...unknown, also: named } : unknown;
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

/** The models `read` finds, to go beside the model read otherwise; none when they cannot be read. */
function besideModels(read: () => Also): Also {
  try {
    return read();
  } catch {
    return []; // Unreadable transcripts, rollouts and recordings name no model.
  }
}

/** {@link besideModels} of a reader that parses what it reads (an agent file's YAML frontmatter). */
async function besideModelsAsync(read: () => Promise<Also>): Promise<Also> {
  try {
    return await read();
  } catch {
    return [];
  }
}

/** Codex's model of its session's last turn and those of its turns since the previous commit (its rollout), as models beside. */
function rolloutModels(place: SettingsPlace, cli: CommandLineModel | null): Also {
  const rollout = codexRolloutModel(place, Date.now(), cli?.cwd);
  if (!rollout) return [];
  return [{ model: rollout.model, evidence: rollout.evidence }, ...(rollout.also ?? [])].map((used) => ({ ...used, overriddenBy: [] }));
}

/**
 * The models an agent's own session ran with, beside the settings' and the command line's, never
 * in their place: a `/model` switch is seen by no config file or command line, and the configured
 * model may still have written part of the work, so both are recorded. Codex: its rollout's last
 * turn and its turns since the previous commit (row 375); Gemini CLI and Qwen Code: their chat
 * recordings (and Qwen Code's `QWEN_CODE_MODEL`); Cline: its recent tasks' messages (row 384);
 * Copilot CLI: its session's events (`COPILOT_AGENT_SESSION_ID`; without one, the work tree's
 * recent session, a guess: row 386); the Cursor editor: its recent composers' models (row 385);
 * Crush: its project's session database (row 387).
 */
const SESSION_MODELS: Readonly<Record<string, (place: SettingsPlace, launched: readonly string[], cli: CommandLineModel | null) => Also | Promise<Also>>> = {
  // Reached only without a session transcript naming a model (no session id, or one no transcript
  // names a model in): the project's newest recent transcript, a guess (row 377).
  'claude-code': claudeRecentModels,
  codex: (place, _launched, cli) => rolloutModels(place, cli),
  // And its subagents' models (`.gemini/agents/*.md`, `agents.overrides`): a subagent runs on its own.
  'gemini-cli': async (place, launched, cli) => [...geminiSessionModels(place, launched, cli), ...(await besideModelsAsync(() => geminiSubagentModels(place, cli)))],
  // And its subagents' models (`.qwen/agents/*.md`, `agents.builtin.exploreModel`, `agents.modelGrades`).
  'qwen-code': async (place, launched, cli) => [...qwenSessionModels(place, launched, cli), ...(await besideModelsAsync(() => qwenSubagentModels(place, cli)))],
  // iFlow CLI's newest recent session of the work tree (`~/.iflow/projects/<dir>/session-<uuid>.jsonl`), a guess (row 1174).
  'iflow-cli': iflowSessionModels,
  // Cline's newest recent tasks of the work tree, a guess (row 384).
  // And its SDK's newer session manifests (`~/.cline/data/sessions/<id>/<id>.json`), likewise a guess.
  cline: (place, launched) => [...clineTaskModels(place, launched), ...clineSessionModels(place, launched)],
  // And its custom agents' models (`.github/agents/*.agent.md`, `~/.copilot/agents/`): a subagent runs on its own.
  copilot: async (place, launched, cli) => [...(vscodeCopilot(place) ? [] : copilotSessionModels(place, launched, cli)), ...(await besideModelsAsync(() => copilotAgentModels(place)))],
  // The Cursor editor's agent: its composers of this work tree in the editor's state database, a guess (row 385).
  cursor: cursorIdeModels,
  // Crush's project database (`.crush/crush.db`, or where `crush -D`/`options.data_directory` moved it): its newest recent answers' models (row 387).
  crush: crushDatabaseModels,
  // Factory Droid's newest recent sessions of the work tree (`~/.factory/sessions/<dir>/<uuid>.settings.json` `model`), a guess (row 1196).
  'factory-droid': (place) => factoryDroidSessionModels(place),
};

/** The working directories of the ancestors read from `/proc` (links resolved), nearest first: where the agent may have been started. */
function workingDirs(ancestors: readonly (readonly string[] | AncestorProcess)[] | undefined): string[] {
  const dirs: string[] = [];
  for (const ancestor of ancestors ?? []) {
    const dir = 'argv' in ancestor ? ancestor.cwd?.() : undefined;
    if (dir && !dirs.includes(dir)) dirs.push(dir);
  }
  return dirs;
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
 * with its subagents' models beside (without one, the project's newest recent transcript's beside
 * the settings'); Codex's, Gemini CLI's, Qwen Code's and Copilot CLI's own session's models
 * (rollout, chat recordings, session events) are recorded beside theirs.
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
    // claude-code-router at the endpoint: the transcript names the Claude model ccr answered under, not what ran; read as without one.
    const routedTranscript = transcript && atRouter(place, transcript.model) ? transcript : null;
    if (transcript && !routedTranscript) {
      result[agent] = withAlso(transcript, besideModels(() => claudeSubagentModels(place, session)))!;
      continue;
    }
    let cli: CommandLineModel | null = null;
    let setter: ReturnType<typeof markerSetterModel> = null;
    try {
      if (looksAtCommandLine(agent, place)) {
        cli = ancestorModel(agent, (ancestors ??= place.commandLines ?? ancestorProcesses()), quote);
        setter = markerSetterModel(agent, ancestors, agentMarkers(place.env, agent), quote);
        // No process of the agent's name: a renamed copy's options (its provider, profile, config) are the ones the agent runs with (row 1057).
        if (!cli && setter?.options) cli = setter.options;
      }
    } catch {
      // An ancestor gone or unreadable names no model.
    }
    let settings: SettingsModel | null = null;
    try {
      settings = await READERS[agent]!(place, cli);
    } catch (error) {
      // A file the agent reads whole past the bound the hooks read: what runs is not known, whatever else is read (row 968).
      // Otherwise unreadable settings name no model.
      if (error instanceof OversizedSettingsError) settings = oversizedModel(agent, place, error, cli);
    }
    // A router that picks the model whatever the agent asks (claude-code-router): its `--model` does not run (the router's reader read it).
    const read = cli && cli.models.length > 0 && (agent !== 'codex' || !settings) && !settings?.routed ? fromCommandLine(agent, cli, settings) : settings;
    const beside = [
      // At the router a transcript naming a model that is no Claude name (ccr's answer under its own name) ran: kept (the filter below drops Claude names).
      ...(routedTranscript ? [{ model: routedTranscript.model, evidence: routedTranscript.evidence, overriddenBy: [] }] : []),
      ...setterModels(setter),
      ...(session ? besideModels(() => claudeSubagentModels(place, session)) : []),
      ...(Object.hasOwn(SESSION_MODELS, agent) ? await besideModelsAsync(async () => SESSION_MODELS[agent]!(place, workingDirs(ancestors), cli)) : []),
    ];
    // At a router (claude-code-router), a Claude name a transcript, subagent file or copy's command line gives is what Claude Code asked for, not what ran.
    // At a gateway on this machine (Gemini CLI's, row 848), a Gemini name beside is what was asked for, not what ran.
    // At a gateway on this machine (Codex's, Qwen Code's, row 866), a hosted model's name beside is what was asked for too.
    const asked = agent === 'gemini-cli' ? GEMINI_NAME : agent === 'claude-code' ? CLAUDE_NAME : HOSTED_NAME;
    // The agent's own alias (Gemini CLI's `modelConfigs`) is no router: what is beside is kept (row 995).
    const model = withAlso(read, read?.routed && !read.resolved ? beside.filter((also) => !asked.test(also.model)) : beside);
    if (model) result[agent] = model;
  }
  return result;
}
