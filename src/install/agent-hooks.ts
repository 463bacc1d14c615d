import { existsSync, lstatSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { addAgentHooks, hasAgentHooks, removeAgentHooks } from './agent-config-edit.js';
import { AGENT_HOOKS, checkpointCommand } from './agent-hook-specs.js';
import type { HookChange } from './git-hooks.js';
import { readInstallState, writeInstallState } from './install-state.js';
import { inside, unsafeHookDir, unsafeHookFile, type Bounds } from './safe-path.js';

type Json = Record<string, unknown>;

/** The agents `--agents` names (comma-separated), or, given no name, those with a config folder in the repository. */
export function chooseAgents(root: string, value: string): { agents: string[]; unknown: string[] } {
  const named = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (named.length === 0) return { agents: Object.keys(AGENT_HOOKS).filter((agent) => lstatSync(join(root, AGENT_HOOKS[agent]!.dir), { throwIfNoEntry: false })?.isDirectory()), unknown: [] };
  return { agents: [...new Set(named.filter((name) => Object.hasOwn(AGENT_HOOKS, name)))], unknown: named.filter((name) => !Object.hasOwn(AGENT_HOOKS, name)) };
}

/** The indentation a JSON text uses (two spaces when it shows none), so a rewrite looks like the user's file. */
function indentOf(text: string | null): string | number {
  const match = text === null ? null : /\n([ \t]+)"/.exec(text);
  return match ? match[1]! : 2;
}

function sameJson(text: string, value: Json): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

function readConfig(path: string): { text: string | null; json: Json } | { refused: string } {
  const unsafe = unsafeHookFile(path);
  if (unsafe) return { refused: unsafe };
  if (!existsSync(path)) return { text: null, json: {} };
  const text = readFileSync(path, 'utf8');
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) return { text, json: json as Json };
  } catch {}
  return { refused: `${path} is not a plain JSON object (comments?); add the hook by hand or fix the file, then run init again` };
}

/**
 * `aitrail init --agents`: add `aitrail checkpoint --agent <slug>` to each agent's hook config,
 * keeping everything else in the file; idempotent. The file's text before the first change is
 * remembered so that uninstall can put it back byte for byte.
 */
export function installAgentHooks(bounds: Bounds, agents: readonly string[], binary: string | undefined): HookChange[] {
  const { root } = bounds;
  const local = binary !== undefined && inside(root, binary) ? relative(root, binary) : null;
  const state = readInstallState(bounds.commonDir);
  const files = { ...state.agentFiles };
  const changes = agents.map((agent): HookChange => {
    const spec = AGENT_HOOKS[agent]!;
    const path = join(root, spec.file);
    const unsafe = unsafeHookDir(join(root, spec.dir), bounds);
    const read = unsafe ? { refused: unsafe } : readConfig(path);
    if ('refused' in read) return { hook: agent, path, action: 'refused', detail: read.refused };
    const command = checkpointCommand(agent, local, binary !== undefined);
    if (hasAgentHooks(agent, read.json, command)) return { hook: agent, path, action: 'unchanged', detail: 'already installed' };
    const next = addAgentHooks(agent, read.text === null ? { ...spec.skeleton } : read.json, command);
    writeFileAtomicSync(path, `${JSON.stringify(next, null, indentOf(read.text))}\n`, { mkdir: true });
    files[spec.file] ??= { original: read.text };
    return { hook: agent, path, action: read.text === null ? 'installed' : 'updated', detail: `${spec.events.join(' and ')} run: ${command}` };
  });
  if (Object.keys(files).length > 0) writeInstallState(bounds.commonDir, { ...readInstallState(bounds.commonDir), agentFiles: files });
  return changes;
}

/** Remove every checkpoint hook of ours from the agents' configs: a file aitrail created goes, one it changed gets its old bytes back when nothing else changed. */
export function uninstallAgentHooks(bounds: Bounds): HookChange[] {
  const { root } = bounds;
  const state = readInstallState(bounds.commonDir);
  const changes: HookChange[] = [];
  for (const [agent, spec] of Object.entries(AGENT_HOOKS)) {
    const path = join(root, spec.file);
    const recorded = state.agentFiles?.[spec.file];
    if (unsafeHookDir(join(root, spec.dir), bounds)) continue;
    const read = readConfig(path);
    if ('refused' in read || read.text === null) continue;
    const removed = removeAgentHooks(agent, read.json);
    if (JSON.stringify(removed) === JSON.stringify(read.json)) continue;
    const bare = JSON.stringify(removed) === JSON.stringify(spec.skeleton) || Object.keys(removed).length === 0;
    if (recorded?.original === null && bare) {
      rmSync(path);
      if (readdirSync(join(root, spec.dir)).length === 0) rmdirSync(join(root, spec.dir));
      changes.push({ hook: agent, path, action: 'removed', detail: 'aitrail had created it' });
      continue;
    }
    const original = recorded?.original;
    const restore = typeof original === 'string' && sameJson(original, removed);
    writeFileAtomicSync(path, restore ? original : `${JSON.stringify(removed, null, indentOf(read.text))}\n`);
    changes.push({ hook: agent, path, action: 'removed', detail: restore ? 'aitrail hooks removed, the file is back as it was' : 'aitrail hooks removed, the rest left as it is' });
  }
  if (state.agentFiles) {
    const { agentFiles: _, ...rest } = readInstallState(bounds.commonDir);
    writeInstallState(bounds.commonDir, rest);
  }
  return changes;
}
