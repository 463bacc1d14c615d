import type { CompiledPolicy } from '../core/policy/compile-policy.js';
import { linkReaches, mayReach, resolveLinkTarget, type LinkTarget } from '../core/policy/link-reach.js';
import { messages } from '../core/policy/messages.js';
import type { CommitFacts, Violation } from '../core/policy/types.js';
import { distinctModels, violation } from '../core/policy/violation.js';
import { listTreeEntries, treeFileNames } from '../git/read-blob.js';
import { readRevisionBlobs } from '../git/revision-blobs.js';

/** A symbolic link a judged commit makes: its path and the blob holding its target's text. */
export interface LinkChange {
  facts: CommitFacts;
  /** The commit's parents: a merge makes only the links none of its merged parents already had. */
  parents: readonly string[];
  path: string;
  blob: string;
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
    if (entry?.mode === '120000' && entry.oid === change.blob) return true;
  }
  return false;
}

/**
 * The `path-symlink` violations of `changes`: a link within reach of a path rule (link-reach.ts)
 * shows, at a protected path, lines the rule never judged. One violation per link and rule,
 * on the commit that makes the link, whoever made it.
 */
export async function judgeLinks(repoDir: string, changes: readonly LinkChange[], policy: CompiledPolicy): Promise<Violation[]> {
  const asked = changes.filter((change) => policy.paths.some((rule) => mayReach(rule, change.path)));
  if (asked.length === 0) return [];
  const texts = await readRevisionBlobs(repoDir, asked.map((change) => change.blob), STORED);
  const violations: Violation[] = [];
  for (const [index, change] of asked.entries()) {
    if (change.parents.length > 1 && (await merged(repoDir, change))) continue;
    const text = texts[index]?.content.toString('utf8') ?? '';
    const target = await targetAt(repoDir, change.facts.sha, resolveLinkTarget(change.path, text));
    const [attribution] = distinctModels(change.facts.attributions);
    for (const rule of policy.paths) {
      if (!linkReaches(rule, change.path, target)) continue;
      const setting = `policy.paths[${rule.index}].files`;
      const fields = { rule: 'path-symlink' as const, severity: 'error' as const, setting, ...messages.pathSymlink(change.path, text, setting) };
      violations.push(violation(change.facts, attribution ?? { agent: 'none', model: 'none' }, fields, [change.path]));
    }
  }
  return violations;
}
