import { shWord } from '../core/sh-quote.js';

/**
 * Where each agent takes its hooks and what `aitrail init --agents` adds there: the events that
 * run `aitrail checkpoint --agent <slug>` around file edits (before: a snapshot to diff against;
 * after: the edit). Sources: Claude Code https://code.claude.com/docs/en/hooks (`.claude/settings.json`,
 * `hooks.<Event>[{matcher, hooks:[{type:"command", command}]}]`); Gemini CLI
 * docs/hooks/reference.md (`.gemini/settings.json`, same shape, BeforeTool/AfterTool); Codex
 * `.codex/hooks.json` (the Claude Code shape); Cursor https://cursor.com/docs/agent/hooks
 * (`.cursor/hooks.json`, `{version: 1, hooks: {afterFileEdit: [{command}]}}`).
 */
export interface AgentHookSpec {
  /** Config file, from the work tree top. */
  file: string;
  /** Folder whose presence says the repository uses this agent. */
  dir: string;
  /** `grouped`: `{matcher, hooks: [{type, command}]}` groups (Claude Code shape); `flat`: `[{command}]` (Cursor). */
  shape: 'grouped' | 'flat';
  events: string[];
  matcher?: string;
  /** The agent's project-dir variable, which the hook command finds aitrail from (without one: git's top of the folder the hook runs in). */
  projectVar?: string;
  /** A skeleton the file starts from when aitrail creates it. */
  skeleton: Record<string, unknown>;
}

export const AGENT_HOOKS: Record<string, AgentHookSpec> = {
  'claude-code': { file: '.claude/settings.json', dir: '.claude', shape: 'grouped', events: ['PreToolUse', 'PostToolUse'], matcher: 'Edit|Write|MultiEdit|NotebookEdit', projectVar: 'CLAUDE_PROJECT_DIR', skeleton: {} },
  'gemini-cli': { file: '.gemini/settings.json', dir: '.gemini', shape: 'grouped', events: ['BeforeTool', 'AfterTool'], matcher: 'write_file|replace', projectVar: 'GEMINI_PROJECT_DIR', skeleton: {} },
  codex: { file: '.codex/hooks.json', dir: '.codex', shape: 'grouped', events: ['PreToolUse', 'PostToolUse'], matcher: 'apply_patch', skeleton: {} },
  cursor: { file: '.cursor/hooks.json', dir: '.cursor', shape: 'flat', events: ['afterFileEdit'], skeleton: { version: 1 } },
};

/** How a hook command of ours is recognised (any version, any way of finding the binary). */
export const CHECKPOINT_COMMAND = /(?:^|[\s/'"])aitrail checkpoint --agent [a-z0-9-]+$/;

/**
 * The hook command for `agent`: the binary init found, as the agent will reach it. In the
 * repository (`local`, from the top): through the agent's project-dir variable, else from the
 * top git names for the folder the hook runs in (a few ms, where npx would take hundreds on
 * every edit); on PATH (`local` null, `found`): plain `aitrail`; not found: npx.
 */
export function checkpointCommand(agent: string, local: string | null, found: boolean): string {
  const spec = AGENT_HOOKS[agent]!;
  const top = spec.projectVar ? `"$${spec.projectVar}"` : '"$(git rev-parse --show-toplevel)"';
  const run = local !== null ? `${top}/${shWord(local)}` : found ? 'aitrail' : 'npx --no-install aitrail';
  return `${run} checkpoint --agent ${agent}`;
}
