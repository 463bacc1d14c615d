import type { CompiledPolicy } from '../core/policy/compile-policy.js';
import { linkReaches, mayReach, resolveLinkTarget, type LinkTarget } from '../core/policy/link-reach.js';
import { messages } from '../core/policy/messages.js';
import type { CommitFacts, Violation } from '../core/policy/types.js';
import { distinctModels, violation } from '../core/policy/violation.js';
import { listTreeEntries, treeFileNames } from '../git/read-blob.js';
import { readRevisionBlobs } from '../git/revision-blobs.js';

/** A symbolic link a judged commit makes: its path and the blob holding its target's text (a submodule: the commit it names). */
export interface LinkChange {
  facts: CommitFacts;
  /** The commit's parents: a merge makes only the links none of its merged parents already had. */
  parents: readonly string[];
  path: string;
  blob: string;
  /** A gitlink: its files are another repository's history (or a commit no rule judged there), never known here. */
  submodule?: true;
}

const STORED = { asStored: true } as const;

/** What `path` is in `commit` (no link followed on the way: a path through another link is unknown). */
async function targetAt(repoDir: string, commit: string, path: string | null): Promise<LinkTarget> {
  if (path === null) return { kind: 'unknown' };
  const [entry] = path === '' ? [{ mode: '040000' }] : await listTreeEntries(repoDir, commit, [path], STORED);
  if (!entry) return { kind: 'unknown' };
  if (entry.mode === '100644' || entry.mode === '100755') return { kind: 'file', path };
  if (entry.mode !== '040000') return { kind: 'unknown' };
  return { kind: 'directory', path, files: await treeFileNames(repoDir, commit, path, STORED) };
}

/** A merge that only brings a link one of its merged parents already has (that parent's commits made it, and are judged for it). */
async function merged(repoDir: string, change: LinkChange): Promise<boolean> {
  for (const parent of change.parents.slice(1)) {
    const [entry] = await listTreeEntries(repoDir, parent, [change.path], STORED);
    if (entry?.mode === (change.submodule ? '160000' : '120000') && entry.oid === change.blob) return true;
  }
  return false;
}

/**
 * The `path-symlink` violations of `changes`: a link within reach of a path rule (link-reach.ts)
 * shows, at a protected path, lines the rule never judged. One violation per link and rule,
 * on the commit that makes the link, whoever made it. A submodule (`path-submodule`) is a link
 * whose target cannot be known: its files come from a commit's tree that no rule judged there.
 */
export async function judgeLinks(repoDir: string, changes: readonly LinkChange[], policy: CompiledPolicy): Promise<Violation[]> {
  const asked = changes.filter((change) => policy.paths.some((rule) => mayReach(rule, change.path)));
  if (asked.length === 0) return [];
  const symlinks = asked.filter((change) => !change.submodule);
  const read = await readRevisionBlobs(repoDir, symlinks.map((change) => change.blob), STORED);
  const texts = new Map(symlinks.map((change, index) => [change, read[index]?.content.toString('utf8') ?? '']));
  const violations: Violation[] = [];
  for (const change of asked) {
    if (change.parents.length > 1 && (await merged(repoDir, change))) continue;
    const text = texts.get(change) ?? '';
    const target: LinkTarget = change.submodule ? { kind: 'unknown' } : await targetAt(repoDir, change.facts.sha, resolveLinkTarget(change.path, text));
    const [attribution] = distinctModels(change.facts.attributions);
    for (const rule of policy.paths) {
      if (!linkReaches(rule, change.path, target)) continue;
      const setting = `policy.paths[${rule.index}].files`;
      const said = change.submodule ? messages.pathSubmodule(change.path, change.blob, setting) : messages.pathSymlink(change.path, text, setting);
      const fields = { rule: change.submodule ? ('path-submodule' as const) : ('path-symlink' as const), severity: 'error' as const, setting, ...said };
      violations.push(violation(change.facts, attribution ?? { agent: 'none', model: 'none' }, fields, [change.path]));
    }
  }
  return violations;
}
