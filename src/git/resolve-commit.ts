import { runGit, runGitSync, type ObjectView } from './exec.js';

/** The full sha of the commit `rev` names, or `null` when it names none (`asStored`: peeled as stored). */
export async function resolveCommit(cwd: string, rev: string, view: ObjectView = {}): Promise<string | null> {
  const out = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd, okCodes: [1, 128], ...view });
  return /^[0-9a-f]{40,64}$/.test(out.trim()) ? out.trim() : null;
}

/** The work-tree prefix of `cwd` (`sub/dir/`, or '' at the top or in a bare repository). */
export async function showPrefix(cwd: string): Promise<string> {
  return (await runGit(['rev-parse', '--show-prefix'], { cwd })).replace(/\n$/, '');
}

/** HEAD's commit and its parents (`git rev-list --parents -n 1 HEAD`), or null when HEAD names no commit. */
export function headWithParentsSync(cwd: string): { head: string; parents: string[] } | null {
  return withParentsSync(cwd, 'HEAD');
}

/** A commit (`rev`: HEAD or a full sha) and its parents (`git rev-list --parents -n 1`), or null when it names no commit. */
export function withParentsSync(cwd: string, rev: string): { head: string; parents: string[] } | null {
  const out = runGitSync(['rev-list', '--parents', '-n', '1', '--end-of-options', rev, '--'], { cwd, okCodes: [128] }).trim();
  const [head, ...parents] = out.split(' ');
  return head && /^[0-9a-f]{40,64}$/.test(head) && parents.every((parent) => /^[0-9a-f]{40,64}$/.test(parent)) ? { head, parents } : null;
}
