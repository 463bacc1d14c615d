import { realpathSync, statSync } from 'node:fs';
import { delimiter, join, relative, resolve, sep } from 'node:path';
import { executable, shipped } from './binary-reachable.js';
import { ledByTrackedLink } from './tracked-link.js';

/**
 * The programs husky 9's runtime runs by name before any `.husky/<hook>` line: each stub in `.husky/_`
 * is `#!/usr/bin/env sh` and `. "$(dirname "$0")/h"`, `h` runs `basename` and `dirname` under the
 * hook's PATH, then puts the relative `node_modules/.bin` first and runs `sh -e .husky/<hook>`. A
 * `node_modules/.bin/sh` (what `npm install --ignore-scripts` links from a committed `file:` package
 * whose `bin` is `sh`) ran instead of every `.husky` file, aitrail's lines included: nothing recorded,
 * nothing refused, and pre-push runs through the same runtime. `npm run` and `npx` put the top's
 * node_modules/.bin first on PATH (absolute), so there `dirname` and `basename` are its too.
 */
export const HUSKY_RUNTIME_TOOLS = ['sh', 'dirname', 'basename'] as const;
/**
 * The programs aitrail's own lines in `.husky/<hook>` still run by name under husky's PATH (the relative
 * `node_modules/.bin` first, `npm run`'s absolute one): the stdin keeping at the top of `.husky/pre-push` and
 * `.husky/post-rewrite` (husky-block.ts KEEP_STDIN, and the `rm` that ends it), which runs before the file's own
 * lines, and post-checkout's copy of husky's runtime into a new worktree (`git config`, `cp`): a committed
 * `file:` package's `"bin": {"git": …}` answered there, its `cat` handed pre-push the list it judges (replayed).
 * Not `node`, `grep`, `tail` (row 851): since row 825 the block cleans PATH as the git-mode shims do
 * (safePathLines) before its gates' tools, its lookup and aitrail (which spawns git by name under that PATH), so a
 * commit's and a push's hooks run none of the repository's; init still said they did (exit 2) and status called
 * every husky hook inactive. Not `aitrail` (row 825): the block finds and judges it with the shims' own lines.
 */
export const HUSKY_BLOCK_TOOLS = ['git', 'mktemp', 'cat', 'rm', 'cp'] as const;

export interface ShadowedTool {
  tool: (typeof HUSKY_RUNTIME_TOOLS)[number] | (typeof HUSKY_BLOCK_TOOLS)[number];
  /** The program husky's runtime would run, absolute. */
  path: string;
}

function isFileAt(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** PATH's first `tool`, relative and empty entries read at `root` (where git runs hooks), or undefined. */
function firstOnPath(root: string, tool: string, path: string): string | undefined {
  for (const entry of path.split(delimiter)) {
    const candidate = join(resolve(root, entry === '' ? '.' : entry), tool);
    if (executable(candidate) && isFileAt(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The tools of husky's runtime that the repository at `root` provides (judged as the shims judge
 * aitrail's candidates: `shipped`, tracked or led by links into files git tracks, or npm's or pnpm's copy
 * of a folder of the work tree): the top's (and `packageDir`'s) `node_modules/.bin/<tool>`, and PATH's
 * first `<tool>` as `env` finds it now. With one, git runs none of husky's `.husky` files as written.
 */
export async function huskyRuntimeShadowed(root: string, env: NodeJS.ProcessEnv, packageDir = ''): Promise<ShadowedTool[]> {
  const found: ShadowedTool[] = [];
  const seen = new Set<string>();
  const bins = [...new Set(['', packageDir])].map((dir) => join(root, dir, 'node_modules', '.bin'));
  for (const tool of [...HUSKY_RUNTIME_TOOLS, ...HUSKY_BLOCK_TOOLS]) {
    const candidates = [...bins.map((bin) => join(bin, tool)), firstOnPath(root, tool, env.PATH ?? '')];
    for (const candidate of candidates) {
      if (candidate === undefined || seen.has(candidate) || !executable(candidate) || !isFileAt(candidate)) continue;
      seen.add(candidate);
      if ((await shipped(root, candidate, packageDir)) || (await ledByTrackedLink(root, candidate))) found.push({ tool, path: candidate });
    }
  }
  return found;
}

/** ` -> <file>` when `path` is a link into the work tree (npm's `.bin` link to a `file:` package's script), else ''. */
function leadsTo(root: string, path: string): string {
  try {
    const [real, top] = [realpathSync(path), realpathSync(root)];
    const rel = relative(top, real);
    return real === path || rel === '' || rel.startsWith('..') ? '' : ` -> ${rel.split(sep).join('/')}`;
  } catch {
    return '';
  }
}

/** One line for each husky hook in `aitrail status`: the message below them says the rest. */
export function huskyShadowedNote(shadowed: readonly ShadowedTool[]): string {
  const tools = shadowed.map(({ tool }) => tool).join(', ');
  return shadowed.some(({ tool }) => (HUSKY_RUNTIME_TOOLS as readonly string[]).includes(tool))
    ? `never runs: husky's runtime runs the repository's ${tools} (see the warning below)`
    : `runs the repository's ${tools} (see the warning below)`;
}

/** What to say when `shadowed` is not empty: what runs instead, what it means, and the way out. */
export function huskyShadowedMessage(root: string, shadowed: readonly ShadowedTool[]): string {
  const show = (path: string) => relative(root, path).split(sep).join('/');
  const named = (tools: readonly ShadowedTool[]) => tools.map(({ tool, path }) => `${show(path)}${leadsTo(root, path)} (as ${tool})`).join(', ');
  const runtime = shadowed.filter(({ tool }) => (HUSKY_RUNTIME_TOOLS as readonly string[]).includes(tool));
  const block = shadowed.filter(({ tool }) => !(HUSKY_RUNTIME_TOOLS as readonly string[]).includes(tool));
  const what = [
    ...(runtime.length > 0 ? [`husky's runtime (.husky/_/h) runs ${named(runtime)}, which the repository provides: git runs none of the .husky files as written, aitrail's lines neither, so commits are neither recorded nor checked (pre-push too)`] : []),
    ...(block.length > 0 ? [`aitrail's lines that run before its block cleans PATH (the stdin kept at the top of .husky/pre-push and .husky/post-rewrite, .husky/post-checkout's copy of husky's runtime into a new worktree) run ${named(block)} under husky's PATH, which the repository provides: what those lines act on is what that program answers`] : []),
  ].join('; ');
  return `${what}. Remove the package that links it (a file: or link: dependency in package.json), or run aitrail's own hooks instead of husky's: git config --unset core.hooksPath && aitrail init --mode git (husky's prepare script sets core.hooksPath again at the next npm install)`;
}
