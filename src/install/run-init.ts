import { relative } from 'node:path';
import { ExitCode } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { initHooks, uninstallHooks, type InitOptions } from './init-hooks.js';
import type { HookChange } from './git-hooks.js';
import { locateRepo } from '../git/repo.js';
import { binaryMissingCause, binaryMissingNote, hookBinary } from './binary-reachable.js';
import { huskyRuntimeShadowed, huskyShadowedMessage } from './husky-runtime-tools.js';
import { writeStdout } from '../io/stdout.js';
import { writeStderr } from '../io/write-fd.js';

function show(root: string, path: string): string {
  const rel = relative(root, path);
  return sanitize(rel === '' || rel.startsWith('..') ? path : rel);
}

function line(root: string, change: HookChange): string {
  return `  ${change.action.padEnd(9)} ${show(root, change.path)}${change.detail ? ` — ${sanitize(change.detail)}` : ''}`;
}

/** Why `--agents <value>` names something that is not an agent aitrail hooks into, or null: asked before anything is installed. */
async function unknownAgents(value: string): Promise<string | null> {
  const { AGENT_HOOKS } = await import('./agent-hook-specs.js');
  const unknown = value.split(',').map((name) => name.trim()).filter((name) => name !== '' && !Object.hasOwn(AGENT_HOOKS, name));
  if (unknown.length === 0) return null;
  return `unknown agent ${unknown.map((name) => `'${sanitize(name, { max: 40 })}'`).join(', ')} for --agents; known: ${Object.keys(AGENT_HOOKS).join(', ')}.`;
}

/** `init --agents` (names already checked by unknownAgents): the agents' checkpoint hooks. */
async function initAgents(root: string, value: string, binary: string | undefined): Promise<{ changes: HookChange[]; notes: string[] }> {
  const { chooseAgents, installAgentHooks } = await import('./agent-hooks.js');
  const { AGENT_HOOKS } = await import('./agent-hook-specs.js');
  const { agents } = chooseAgents(root, value);
  const known = Object.keys(AGENT_HOOKS).join(', ');
  const notes: string[] = [];
  if (agents.length === 0) notes.push(`No agent config folder here (${Object.values(AGENT_HOOKS).map((spec) => spec.dir).join(', ')}): name the agents, e.g. --agents ${known.split(', ').slice(0, 2).join(',')}.`);
  const changes = installAgentHooks(await locateRepo(root), agents, binary);
  if (changes.some((change) => change.action === 'installed' || change.action === 'updated')) {
    notes.push("Agents now record the lines they write ('aitrail checkpoint'); each commit gets a line-level note in refs/notes/ai. Commit the agent config files so your team records too.");
  }
  return { changes, notes };
}

/** `aitrail init`: install, print what was done and the next step. */
export async function runInit(args: InitOptions & { cwd?: string; agents?: string }): Promise<number> {
  const unknown = args.agents === undefined ? null : await unknownAgents(args.agents);
  if (unknown) {
    writeStderr(`aitrail init: nothing installed: ${unknown}\n`);
    return ExitCode.usage;
  }
  const result = await initHooks(args.cwd ?? process.cwd(), args);
  const out: string[] = [];
  if (result.refused) {
    writeStderr(`aitrail init: nothing installed: ${sanitize(result.refused)}\n`);
    return ExitCode.usage;
  }
  const where = show(result.root, result.target);
  const changed = result.changes.filter((change) => change.action !== 'unchanged');
  if (changed.length === 0) {
    out.push(`aitrail hooks already installed (${result.mode} mode, ${where})${result.notes.length === 0 && args.agents === undefined ? '; nothing changed' : ''}.`);
    for (const change of result.changes) if (change.managedBy) out.push(line(result.root, change));
  } else {
    out.push(`aitrail init: ${result.mode} mode (${sanitize(result.reason)}), hooks in ${where}:`);
    for (const change of result.changes) out.push(line(result.root, change));
  }
  for (const note of result.notes) out.push(sanitize(note));
  const bare = result.reason.startsWith('bare');
  const binary = await hookBinary(result.root, process.env, { bare, packageDir: result.packageDir });
  if (binary === undefined) out.push(binaryMissingNote(bare, bare ? undefined : binaryMissingCause(result.root, process.env, result.packageDir)));
  else if (!bare) out.push(`The hooks run ${show(result.root, binary)}${result.packageDir === '' ? '' : ` (the package in ${sanitize(result.packageDir)}/), from any folder of the repository`}.`);
  // husky's runtime running a tool of the repository's in place of sh (or dirname, basename): none of the .husky lines run.
  const shadowed = result.mode === 'husky' ? await huskyRuntimeShadowed(result.root, process.env, result.packageDir) : [];
  if (shadowed.length > 0) out.push(`Warning: ${sanitize(huskyShadowedMessage(result.root, shadowed))}.`);
  if (!bare) {
    const { misnamedInWorkTree } = await import('../config/load.js');
    for (const file of misnamedInWorkTree(result.root, args.cwd ?? process.cwd())) out.push(`Warning: ${sanitize(file.name)} looks meant as aitrail's config, but no command reads it (${sanitize(file.hint)}).`);
  }
  if (args.agents !== undefined && !bare) {
    const agents = await initAgents(result.root, args.agents, binary);
    result.changes.push(...agents.changes);
    out.push(...agents.changes.map((change) => line(result.root, change)), ...agents.notes);
  }
  // A hook refused in another worktree is that one's (init says so there): it neither fails init nor costs this worktree its stamp.
  const refused = result.changes.filter((change) => change.action === 'refused' && change.worktree === undefined);
  if (refused.length === 0 && result.gitDir !== undefined) {
    const { stampAtInstall } = await import('../hooks/fast-path-stamp.js');
    await stampAtInstall(result.root, result.gitDir, process.env);
    // Each worktree that got the hooks here keeps its own stamp (its git dir), read against its own config files.
    for (const other of result.worktrees ?? []) await stampAtInstall(other.root, other.gitDir, process.env);
  }
  if (changed.length > 0 && refused.length === 0 && shadowed.length === 0 && !bare) {
    out.push('Next: commit as usual. Agents are detected automatically; otherwise declare the model with');
    out.push("  'aitrail use <model>' (e.g. aitrail use anthropic/claude-opus-4.6) or AITRAIL_MODEL=<model> git commit …");
    out.push("Check what a commit would record now: 'aitrail status'.");
  }
  writeStdout(`${out.join('\n')}\n`);
  return refused.length > 0 || shadowed.length > 0 ? ExitCode.usage : ExitCode.ok;
}

/** `aitrail uninstall`: remove exactly what init added. */
export async function runUninstall(args: { cwd?: string; purge?: boolean }): Promise<number> {
  const result = await uninstallHooks(args.cwd ?? process.cwd(), { purge: args.purge === true });
  const out: string[] = [];
  if (result.changes.length === 0 && result.notes.length === 0) {
    out.push('aitrail hooks are not installed here; nothing to do.');
  } else {
    out.push('aitrail uninstall:');
    for (const change of result.changes) out.push(line(result.root, change));
    for (const note of result.notes) out.push(sanitize(note));
    out.push("Commits are no longer recorded here. Reinstall with 'npx aitrail init'.");
  }
  if (result.dataLeft) out.push(sanitize(result.dataLeft));
  writeStdout(`${out.join('\n')}\n`);
  return result.changes.some((change) => change.action === 'left' || change.action === 'refused') ? ExitCode.usage : ExitCode.ok;
}
