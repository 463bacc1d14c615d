import { relative } from 'node:path';
import { ExitCode } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { initHooks, uninstallHooks, type InitOptions } from './init-hooks.js';
import type { HookChange } from './git-hooks.js';
import { binaryMissingNote, hookBinary } from './binary-reachable.js';

function show(root: string, path: string): string {
  const rel = relative(root, path);
  return sanitize(rel === '' || rel.startsWith('..') ? path : rel);
}

function line(root: string, change: HookChange): string {
  return `  ${change.action.padEnd(9)} ${show(root, change.path)}${change.detail ? ` — ${sanitize(change.detail)}` : ''}`;
}

/** `aitrail init`: install, print what was done and the next step. */
export async function runInit(args: InitOptions & { cwd?: string }): Promise<number> {
  const result = await initHooks(args.cwd ?? process.cwd(), args);
  const out: string[] = [];
  if (result.refused) {
    process.stderr.write(`aitrail init: nothing installed: ${sanitize(result.refused)}\n`);
    return ExitCode.usage;
  }
  const where = show(result.root, result.target);
  const changed = result.changes.filter((change) => change.action !== 'unchanged');
  if (changed.length === 0) {
    out.push(`aitrail hooks already installed (${result.mode} mode, ${where}); nothing changed.`);
  } else {
    out.push(`aitrail init: ${result.mode} mode (${sanitize(result.reason)}), hooks in ${where}:`);
    for (const change of result.changes) out.push(line(result.root, change));
  }
  for (const note of result.notes) out.push(sanitize(note));
  const bare = result.reason.startsWith('bare');
  const binary = await hookBinary(result.root, process.env, { bare, packageDir: result.packageDir });
  if (binary === undefined) out.push(binaryMissingNote(bare));
  else if (!bare) out.push(`The hooks run ${show(result.root, binary)}${result.packageDir === '' ? '' : ` (the package in ${sanitize(result.packageDir)}/), from any folder of the repository`}.`);
  const refused = result.changes.filter((change) => change.action === 'refused');
  if (changed.length > 0 && refused.length === 0 && !bare) {
    out.push('Next: commit as usual. Agents are detected automatically; otherwise declare the model with');
    out.push("  'aitrail use <model>' (e.g. aitrail use anthropic/claude-opus-4.6) or AITRAIL_MODEL=<model> git commit …");
    out.push("Check what a commit would record now: 'aitrail status'.");
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return refused.length > 0 ? ExitCode.usage : ExitCode.ok;
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
  process.stdout.write(`${out.join('\n')}\n`);
  return result.changes.some((change) => change.action === 'left' || change.action === 'refused') ? ExitCode.usage : ExitCode.ok;
}
