import { detectOptionsOf } from '../config/defaults.js';
import { storedCommitFacts } from '../core/policy/commit-facts.js';
import { clearlyPasses } from '../core/policy/clearly-passes.js';
import { compilePolicy } from '../core/policy/compile-policy.js';
import { evaluateCommit } from '../core/policy/evaluate.js';
import type { Violation } from '../core/policy/types.js';
import { verdictOf, type Verdict } from '../core/policy/verdict.js';
import { parseIdent } from '../core/ident.js';
import { withoutTagSignature } from '../core/tag-signature.js';
import type { Config } from '../core/types.js';
import { GitError, splitRecords, streamGit } from '../git/exec.js';
import { foundObject, objectContents, objectInfoLines } from '../git/object-batch.js';
import { CHANGED_PATHS_CAP } from '../git/change-size.js';
import { COMMIT_BYTES_CAP, loweredCap } from '../git/commit-size.js';
import { enforceMessages } from './messages.js';
import type { PolicySource } from './policy-source.js';

/** The new objects of the refs a push points at no commit (tags of trees and blobs), and the policy that judges them. */
export interface TaggedObjects {
  source: PolicySource;
  /** Each ref's new object id, and the ref (on the receiving side) it is pushed as: a refusal names both (row 991). */
  objects: Array<{ oid: string; ref: string }>;
}

/**
 * Files of a tagged tree listed before the push is refused (row 840): a few hundred tiny trees
 * that name one another a hundred times over list tens of millions of paths (30 million: every
 * path held at once ended in an internal error, after seconds of a core and gigabytes). The bound
 * of a commit's change (row 857): a commit of such a tree is refused alike.
 */
export const TAGGED_TREE_PATHS_CAP = CHANGED_PATHS_CAP;

/** Every file of `tree` (`ls-tree -r`, streamed): past TAGGED_TREE_PATHS_CAP, a GitError naming the tag. */
async function treePaths(repoDir: string, tree: string, tag: string, ref: string): Promise<string[]> {
  const paths: string[] = [];
  for await (const path of splitRecords(streamGit(['ls-tree', '-r', '-z', '--name-only', '--full-tree', tree], { cwd: repoDir, asStored: true }), '\0')) {
    if (path === '') continue;
    if (paths.length === TAGGED_TREE_PATHS_CAP) throw new GitError(enforceMessages.taggedTreeTooLarge(tag, ref, TAGGED_TREE_PATHS_CAP), ['ls-tree'], null, '');
    paths.push(path);
  }
  return paths;
}

/** Tags of tags followed before the push is refused as one no reader can end (git itself peels any depth). */
export const MAX_TAG_CHAIN = 64;

interface ReadTag {
  oid: string;
  /** The object the tag names, and its type. */
  object: string;
  type: string;
  tagger: { name: string; email: string };
  /** The name the tag gives itself (its `tag` header: `git tag -a <name>` writes the ref's). */
  name: string;
  message: string;
}

/** A tag object's headers and message, as stored, without a signed tag's signature (row 838: its trailers are the last paragraph again). */
function parseTag(oid: string, content: Buffer): ReadTag {
  const text = content.toString('utf8');
  const end = text.indexOf('\n\n');
  const headers = (end === -1 ? text : text.slice(0, end)).split('\n');
  const header = (name: string): string => headers.find((line) => line.startsWith(`${name} `))?.slice(name.length + 1) ?? '';
  const tagger = parseIdent(header('tagger')) ?? { name: header('tagger'), email: '' };
  return { oid, object: header('object'), type: header('type'), tagger, name: header('tag'), message: end === -1 ? '' : withoutTagSignature(text.slice(end + 2)) };
}

/**
 * What a pushed ref naming no commit brings: the tags on the way to the tree or blob it names
 * (a tag of a tree, `git tag -a snapshot <tree>`; of a blob; of a tag of either), and the files of
 * that tree. A ref naming a tree or blob itself (no tag) has no message: nothing to read.
 */
async function taggedObject(repoDir: string, oid: string, ref: string): Promise<{ tags: ReadTag[]; tree: string | null }> {
  const tags: ReadTag[] = [];
  let name = oid;
  for (;;) {
    // The type first: the tree or blob at the end is never read whole.
    const [header] = await objectInfoLines(repoDir, [name], { asStored: true });
    const found = header === undefined ? null : foundObject(header);
    if (!found || found.type !== 'tag') return { tags, tree: found?.type === 'tree' ? found.oid : null };
    // A tag of a hundred megabytes (a push of a few hundred kilobytes, packed) took pre-receive 40 s and 560 MB: refused unread as a commit is (row 954).
    const cap = loweredCap(COMMIT_BYTES_CAP);
    if (found.size > cap) throw new GitError(enforceMessages.tagTooLarge(found.oid, ref, found.oid !== oid, found.size, cap), ['cat-file'], null, '');
    const [answer] = await objectContents(repoDir, [found.oid], { asStored: true });
    if (!answer?.content) return { tags, tree: null };
    if (tags.length === MAX_TAG_CHAIN) throw new GitError(enforceMessages.tagChainTooLong(oid, ref, MAX_TAG_CHAIN), ['cat-file'], null, '');
    const tag = parseTag(found.oid, answer.content);
    tags.push(tag);
    if (!/^[0-9a-f]{40,64}$/.test(tag.object)) return { tags, tree: null };
    name = tag.object;
  }
}

/**
 * Judge the refs of a push that name no commit (`objects`: their new object ids) by `config`'s
 * policy: each tag on the way is read as a root commit's message would be, by its tagger, adding
 * every file of the tree it ends at (none for a blob), so a tag whose message names a denied model
 * (`Assisted-by: qwen-code:qwen/qwen3-coder`) cannot put that model's files on a server ref, and a
 * path rule protects the tree's files as a commit's. A tag that names no AI passes (the kernel's
 * `v2.6.11-tree`, git's `junio-gpg-pub`). Violations name the tag object.
 */
export async function judgeTaggedObjects(repoDir: string, objects: TaggedObjects['objects'], config: Config): Promise<Verdict> {
  const detect = detectOptionsOf(config);
  const policy = compilePolicy(config.policy, { trailerKey: detect.trailerKey });
  const violations: Violation[] = [];
  let judged = 0;
  // One object pushed as several refs is judged once, named by the first.
  const refOf = new Map<string, string>();
  for (const { oid, ref } of objects) if (!refOf.has(oid)) refOf.set(oid, ref);
  for (const [oid, ref] of refOf) {
    const { tags, tree } = await taggedObject(repoDir, oid, ref);
    if (tags.length === 0) continue;
    const factsOf = (tag: ReadTag, paths: string[]) => storedCommitFacts({ sha: tag.oid, parents: [], author: tag.tagger, committer: tag.tagger, message: tag.message, paths }, detect);
    judged += tags.length;
    // A tag no rule can object to whatever the files (a person's, the kernel's v2.6.11-tree): its tree is never listed (row 840).
    if (tags.every((tag) => clearlyPasses(factsOf(tag, []).attributions, policy))) continue;
    const paths = tree === null ? [] : await treePaths(repoDir, tree, oid, ref);
    for (const tag of tags) {
      const facts = factsOf(tag, paths);
      // No commit to amend or rebase, none `check` reads: the way out is a new tag (row 839).
      violations.push(...evaluateCommit(facts, policy).map((violation) => ({ ...violation, fix: enforceMessages.taggedObjectFix(tag.name, tree === null ? 'blob' : 'tree') })));
    }
  }
  return verdictOf(judged, violations);
}
