import { basename } from 'node:path';
import { fetchNotesCommand } from '../core/notes/notes-ref.js';
import { sanitize } from '../core/sanitize.js';
import { MERGED_READS } from '../io/env-limits.js';

const show = (text: string): string => sanitize(text, { max: 200 });

/** A hostile value (model id, evidence) made safe to print. */
export const showValue = show;

/**
 * ` (pushing refs/heads/main; policy: abc…:.aitrailrc.yaml)`: the refs a refused push creates or moves (the first
 * three named) and where the policy that refused it was read, as check's `policy from` line names it; '' for neither.
 */
function pushContext(refs: readonly string[], policies: readonly string[]): string {
  const some = (list: readonly string[], more: string) => {
    const named = [...new Set(list)];
    return `${named.slice(0, 3).map(show).join(', ')}${named.length > 3 ? ` and ${named.length - 3} more${more}` : ''}`;
  };
  const parts = [refs.length > 0 ? `pushing ${some(refs, ' refs')}` : '', policies.length > 0 ? `policy: ${some(policies, '')}` : ''].filter(Boolean);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/** A policy's description as the server tells a pusher: its own files named without the server's paths. */
function serverPolicyName(description: string): string {
  if (description.startsWith('--config ')) return "the server's --config file";
  if (description.endsWith(' (work tree)')) return `${basename(description.slice(0, -' (work tree)'.length))} in the server's work tree`;
  return description;
}

/** What the enforcement layers say to people (hooks, check, server). */
export const enforceMessages = {
  shallowMissingBase: (base: string) =>
    `aitrail: this is a shallow clone and it lacks '${show(base)}', the base of the range to check.\n` +
    'The policy is read from the base and every commit since it is judged, so the full history is needed:\n' +
    '  GitHub Actions: actions/checkout with `fetch-depth: 0`\n' +
    '  GitLab CI: `GIT_DEPTH: 0`\n' +
    '  locally: git fetch --unshallow\n',
  shallowCut: (sha: string) =>
    `aitrail: the history of this shallow clone is cut at ${sha.slice(0, 12)}, inside the range to check: the commits before it cannot be judged.\n` +
    'Fetch the full history (actions/checkout `fetch-depth: 0`, GitLab `GIT_DEPTH: 0`, or git fetch --unshallow) and run again.\n',
  unresolvedRecords: (commits: readonly string[]) =>
    `the git-ai note of ${commits[0]!.slice(0, 12)}${commits.length > 1 ? ` (and ${commits.length - 1} more)` : ''} names a session or prompt record no readable note holds, and some note of refs/notes/ai could not be read (missing from the object database, or over the size limit): the model of those lines cannot be known, so they cannot be judged. ` +
    `Fetch the notes whole, keeping this clone's own (${fetchNotesCommand('origin')}), or remove the unreadable note, then run again.`,
  shallowPush: (sha: string) =>
    `aitrail: this push is shallow: the server would get ${sha.slice(0, 12)} without the history before it (a push from a shallow clone), so what that history brings cannot be judged.\n` +
    'Push from a clone with the full history (git fetch --unshallow, then push again).\n',
  ambiguousRevision: (what: string, name: string, picked: string, also: string) =>
    `${what} '${show(name)}' is ambiguous: git would read it as ${show(picked)}, ${also}. ` +
    'A tag or branch anyone can push must not stand in for the target branch: name the ref you mean in full (e.g. refs/remotes/origin/main).',
  /** `..B`, `...B`, `..`, `...`: git reads the empty left end as HEAD (what an unset variable in `"$BASE..$HEAD"` leaves). */
  emptyRangeBase: (range: string) =>
    `invalid range '${show(range)}': its left end is empty, which git reads as HEAD, so the checked-out commit would be judged against itself, by its own policy (an unset variable in "$BASE..HEAD"?). Name the target branch: aitrail check origin/main..HEAD.`,
  /** `check ^origin/main`: a revision that only excludes names no commit to judge. */
  excludesOnly: (range: string) =>
    `invalid range '${show(range)}': it only excludes commits (a leading ^), so nothing would be judged and the check would pass over nothing. Name the commits to judge: aitrail check origin/main..HEAD.`,
  /** `check ''`: an empty argument is not "no range". */
  emptyRange: () => "invalid range '': name a range (aitrail check origin/main..HEAD), or give none for the commits the remote's default branch lacks (an unset variable?).",
  /** `--policy-from` / `--config-from` naming no commit here. */
  unknownFrom: (option: string, rev: string) => `${option} '${show(rev)}' names no commit of this repository (fetch it first? in CI: git fetch origin <target branch>).`,
  unknownBase: (base: string) => `unknown revision '${show(base)}': the range must name commits of this repository (fetch them first?).`,
  judgedConfig: (file: string, sha: string) =>
    `--config ${show(file)} is a file the commits being judged change (${sha.slice(0, 12)}): the author of a change must not choose the policy that judges it. ` +
    'Name the target branch with --policy-from refs/remotes/origin/<target>, or give --config a file outside the checkout.',
  /** A root (or `.config/`) file meant as the config under a name or in a place aitrail does not read (src/config/search-places.ts misnamedConfigs). */
  misnamedConfig: (file: { name: string; hint: string }) => `${show(file.name)} ${file.name.includes('/') ? '' : 'at the repository root '}looks meant as aitrail's config, but aitrail did not read it (${show(file.hint)}); the policy above was judged without it`,
  /** `check` with no range, HEAD's upstream remote not origin (a contributor's fork, or the project beside a fork cloned as origin). */
  upstreamNotOrigin: "HEAD's upstream remote is not origin and their default branches differ, so either may be the target branch: the commits either lacks are judged",
  refusedOnRemoteDefault: (sha: string, remote: string, ref: string) =>
    `aitrail: note: refused commit ${sha.slice(0, 12)} is on ${show(ref)}, the default branch of the remote ${show(remote)}. If ${show(remote)} is the project (a fork cloned as origin, the project added by hand), name it: git config remote.${show(remote)}.gh-resolved base (what gh repo set-default writes), or check --policy-from ${show(ref)}; or sync the fork's default branch. If ${show(remote)} is someone's fork you fetched to review, do neither: its own default branch's policy would then judge the commits it brings.\n`,
  policyFrom: (description: string, label: string) => `aitrail: policy from ${show(description)} [${show(label)}]\n`,
  noBase: (label: string) =>
    `aitrail: note: ${show(label)}; the policy is read from the work tree. Pin it with --policy-from <target branch>, a range A..B (policy read at A) or --config <file>.\n`,
  commitRefused: (count: number, policyFile?: string | null) =>
    `\naitrail: commit refused: ${count === 1 ? 'it breaks' : `${count} violations of`} the AI model policy${policyFile === undefined ? '' : policyFile === null ? ' (built-in defaults: no config file)' : ` of ${show(policyFile)} in the work tree`} (see above).\n` +
    'Skipping the hooks (git commit --no-verify, AITRAIL=0 git am) will not get it in: the same policy is checked again at push, in CI and on the server.\n' +
    'To change the policy itself, change the config in a separate commit and get it onto the target branch first.\n',
  pushRefused: (remote: string, refs: readonly string[], policies: readonly string[]) =>
    `\naitrail: push to ${show(remote)} refused: commits above break the AI model policy${pushContext(refs, policies)}.\n` +
    'Fix them (git rebase -i <upstream> to reword or edit them) and push again. git push --no-verify only moves the check to CI and the server.\n',
  receiveRefused: (refs: readonly string[], policies: readonly string[]) =>
    `\naitrail: push rejected by the server: commits above break the AI model policy of this repository${pushContext(refs, policies.map(serverPolicyName))}.\n` +
    'Fix them locally (git rebase -i to edit or reword them; after a git fetch, `npx aitrail check` shows every problem, by the default branch\'s policy as the server reads it) and push again.\n',
  replaceRefsRefused: (refs: readonly string[]) =>
    `aitrail: push rejected by the server: it changes ${show(refs[0] ?? '')}${refs.length > 1 ? ` and ${refs.length - 1} more replace ${refs.length === 2 ? 'ref' : 'refs'}` : ''}: replace refs make git show one commit in place of another, so this server refuses them.\n` +
    'A server admin who wants them allows them in this repository: git config aitrail.allowReplaceRefs true\n',
  notesTaken: (taken: { deleted: true } | { deleted: false; commits: readonly string[] }) =>
    `aitrail: push rejected by the server: it ${taken.deleted ? 'deletes refs/notes/ai' : `takes away or rewrites the git-ai note of ${taken.commits.map((sha) => sha.slice(0, 12)).join(', ')}${taken.commits.length >= 5 ? ' and maybe more' : ''} in refs/notes/ai`}, commits this server holds: ` +
    'line-level notes are the record of which lines AI wrote (enforcement and reports read them), so this server takes notes added, never taken away.\n' +
    'Fetch the server\'s notes and push yours on top of them (git fetch origin \'+refs/notes/ai:refs/notes/ai\' first, or git notes merge). A server admin who wants to allow it: git config aitrail.allowNotesRewrite true\n',
  qwenNotesTaken: (taken: { deleted: true } | { deleted: false; commits: readonly string[] }) =>
    `aitrail: push rejected by the server: it ${taken.deleted ? 'deletes refs/notes/ai-attribution' : `takes away or rewrites Qwen Code's note of ${taken.commits.map((sha) => sha.slice(0, 12)).join(', ')}${taken.commits.length >= 5 ? ' and maybe more' : ''} in refs/notes/ai-attribution`}, commits this server holds: ` +
    "Qwen Code's notes are the record of which commits it wrote (enforcement and reports read them), so this server takes them added, never taken away.\n" +
    "Fetch the server's notes and push yours on top of them (git fetch origin '+refs/notes/ai-attribution:refs/notes/ai-attribution' first, or git notes --ref=ai-attribution merge). A server admin who wants to allow it: git config aitrail.allowNotesRewrite true\n",
  notesShadowed: (commits: readonly string[], ref = 'refs/notes/ai') =>
    `aitrail: push rejected by the server: ${ref} as pushed holds a second ${ref === 'refs/notes/ai' ? 'git-ai ' : ''}note for ${commits.map((sha) => sha.slice(0, 12)).join(', ')}${commits.length >= 5 ? ' and maybe more' : ''}, commits this server holds, beside the one aitrail judges (another path for the same commit: upper-case hex, or another fanout): ` +
    (ref === 'refs/notes/ai'
      ? 'git shows the two joined, and the next git notes command anywhere writes them as one note, so the lines the second one gives to AI would never be judged.\n'
      : "git shows the two joined, and the next git notes command anywhere writes them as one note, which no longer reads as Qwen Code's: every later push of these notes would be refused.\n") +
    `Keep one note per commit: git fetch origin '+${ref}:${ref}', then add your notes again with git notes${ref === 'refs/notes/ai' ? ' (or git-ai)' : ` --ref=${ref.slice('refs/notes/'.length)}`}, and push.\n`,
  caseVariantRefused: (variant: { ref: string; of: string }) =>
    (variant.ref.toLowerCase() === variant.of.toLowerCase()
      ? `aitrail: push rejected by the server: ${show(variant.ref)} differs only in case from ${show(variant.of)}, and this server's file system folds case (core.ignorecase): git would read one for the other.\n`
      : `aitrail: push rejected by the server: ${show(variant.ref)} is ${show(variant.of)} as macOS names files (case folded, one Unicode form, the code points HFS+ ignores dropped), and this server's file system reads names so (core.ignorecase, core.precomposeunicode): git would read one for the other.\n`) +
    `Push to ${show(variant.of)} itself, or choose a name of its own.\n`,
  staleNotesUpdate: (stale: { ref: string; expected: string | null; at: string | null }) =>
    `aitrail: this push moves ${show(stale.ref)} from ${stale.expected === null ? 'nothing (a new ref)' : stale.expected.slice(0, 12)}, but the server's is at ${stale.at === null ? 'nothing' : stale.at.slice(0, 12)} (another push moved it since this one began, or the client sent a stale value): git will refuse that update, so the push's other refs are judged by the server's notes, as if pushed without it, and by the ones it brings, should they land.\n` +
    `Fetch the server's notes, add yours on top of them (git notes merge), and push them again.\n`,
  refNamedTwice: (refs: readonly string[]) =>
    `aitrail: push rejected by the server: it names ${show(refs[0] ?? '')}${refs.length > 1 ? ` and ${refs.length - 1} more ${refs.length === 2 ? 'ref' : 'refs'}` : ''} more than once. git's own client never sends that; the server would carry out each command on its own (one failing, another landing), so what is judged need not be what lands.\n` +
    'Push each ref once.\n',
  /** `check` in a partial clone (`--filter=blob:none`) whose remote cannot be reached: the objects it reads are not here. */
  partialCloneCheck: (failure: string) =>
    `this is a partial clone (cloned with --filter): what check reads (the policy, the git-ai notes, the files the commits change) sits in objects this clone never downloaded, and fetching them failed (${show(failure)}); nothing is judged from what is missing.\n` +
    'Run where its remote can be reached, or use a full clone (git clone without --filter; actions/checkout without `filter:`).',
  /** A ref update of a push whose pre-receive passed, judged again (src/hooks/reference-transaction.ts) and refused. */
  receiveRaced: () =>
    'aitrail: push rejected by the server: while this push was checked, another push changed the AI notes on the server or brought a commit that a note of this push names; judged again with them, it is refused (above). Look at the reason above; push again once it is mended.\n',
  /** The record a push's pre-receive left for its ref updates cannot be read (src/enforce/receive-record.ts). */
  receiveRecordUnreadable: () =>
    "aitrail: push rejected by the server: what this push's pre-receive hook judged by (aitrail/receive/ in the repository's git directory) cannot be read, so a change made by another push at the same moment could not be judged. Push again; a server admin checks that directory is writable and readable by the git server.\n",
  namespacedPush: (namespace: string, prefix: string) =>
    `aitrail: push rejected by the server: it goes into the git namespace ${show(namespace)} (GIT_NAMESPACE; its refs are stored under ${show(prefix)}), and pre-receive reads the default branch, its policy, the refs and the git-ai notes of the repository itself, not of a namespace: it would judge this push by another project's policy, so it judges none.\n` +
    'A server admin serves each project from a repository of its own (objects can still be shared: git clone --reference, or objects/info/alternates).\n',
  linkedWorktreePush: (gitDir: string, commonDir: string) =>
    `aitrail: push rejected by the server: it came in through the linked worktree whose git directory is ${show(gitDir)} (pushed to that worktree's path), where HEAD is that worktree's branch, not the repository's default branch, and the remembered policy and pre-receive's record are that worktree's own: the push would be judged by another branch's policy, so it judges none.\n` +
    `Push to the repository itself (${show(commonDir)}).\n`,
  /** A pushed tag whose chain of tags of tags does not end (judge-tagged-objects.ts). */
  tagChainTooLong: (oid: string, ref: string, most: number) =>
    `cannot judge the pushed tag ${show(oid)} (pushed as ${show(ref)}): it is a tag of a tag more than ${most} times over, so what it ends at is not known; tag the tree or blob itself.`,
  /** A pushed tag of a tree of more files than are listed (judge-tagged-objects.ts). */
  taggedTreeTooLarge: (oid: string, ref: string, most: number) =>
    `cannot judge the pushed tag ${show(oid)} (pushed as ${show(ref)}): the tree it names holds more than ${most} files, more than are read (a commit of that tree would be refused the same way); tag a tree of fewer files.`,
  /** A commit that changes more files than are listed (judge-commits.ts, row 857). */
  changeTooLarge: (sha: string, most: number) =>
    `cannot judge commit ${show(sha)}: it changes more than ${most} files, more than are read; split it into smaller commits.`,
  /** A commit object larger than is read (judge-commits.ts, row 943). */
  commitTooLarge: (sha: string, size: number, most: number) =>
    `cannot judge commit ${show(sha)}: its object is ${size.toLocaleString('en-US')} bytes, more than the ${most.toLocaleString('en-US')} read, so it is refused unread; rewrite it with a shorter message and headers.`,
  rangeTooLarge: (sha: string, size: number, most: number, large: number) =>
    `cannot judge the range at commit ${show(sha)}: its commits of more than ${large % 1024 === 0 ? `${(large / 1024).toLocaleString('en-US')} KiB` : `${large.toLocaleString('en-US')} bytes`} hold ${size.toLocaleString('en-US')} bytes together, more than the ${most.toLocaleString('en-US')} read in one judgement, so they are refused unread; rewrite them with shorter messages and headers, or push them a few at a time.`,
  /** A merge whose footer's walk would pass the run's bound on merged commits read (judge-commits.ts, row 1154). */
  mergedReadsSpent: (sha: string, most: number, more: number) =>
    `cannot judge merge ${show(sha)}: its pull request description's agent footer names the models of the commits it merges, and this judgement's merges brought in ${most.toLocaleString('en-US')} commits to read already (the most it reads: ${more.toLocaleString('en-US')} more than the commits judged), so the range is refused unjudged; push its merges a few at a time, or merge without re-merging earlier merges' history, or raise the bound where the judgement runs: AITRAIL_MERGED_READS=<commits> (default ${MERGED_READS.toLocaleString('en-US')}) in the environment of \`aitrail check\`, the pre-push hook or the server's pre-receive.`,
  /** A commit whose message git cannot re-encode from the encoding its header names (read-commit-facts.ts, row 999). */
  messageNotDecoded: (sha: string, encoding: string) =>
    `cannot judge commit ${show(sha)}: its message is stored under 'encoding ${show(encoding)}', which git cannot convert it from (git log shows its bytes as they are, not text), so what it declares cannot be read. Rewrite it with a UTF-8 message (git commit --amend, or git rebase -i, with i18n.commitEncoding unset).`,
  /** A pushed tag object larger than a judge reads (judge-tagged-objects.ts, row 954): refused unread, as a commit is (row 943). */
  tagTooLarge: (oid: string, ref: string, inner: boolean, size: number, most: number) =>
    `cannot judge the pushed tag ${show(oid)} (${inner ? 'named by the tag pushed as ' : 'pushed as '}${show(ref)}): its object is ${size.toLocaleString('en-US')} bytes, more than the ${most.toLocaleString('en-US')} read, so it is refused unread; tag again with a shorter message and push ${show(ref)} again.`,
  /** How to fix a pushed tag of a tree or blob the policy refuses (judge-tagged-objects.ts): it is no commit. */
  taggedObjectFix: (name: string, kind: 'tree' | 'blob') =>
    `The tag ${show(name)} names a ${kind}, no commit: git commit --amend, git rebase -i and \`aitrail check\` never reach it, and every file of the ${kind} is judged as written as the tag's message says. Delete it (git tag -d ${show(name)}) and tag again as the rule above asks: the ${kind} without this model's work, or the tag's message fixed.`,
  noPolicyKnown: (headRef: string | null) =>
    `aitrail: no policy known for this repository: its default branch ${show(headRef ?? 'HEAD')} (HEAD) does not exist and no policy was remembered; a server admin points HEAD at the default branch (git symbolic-ref HEAD refs/heads/<branch>) or runs the hook with --config <file>.\n`,
  emptyWithoutDefault: (headRef: string | null) =>
    `aitrail: no policy known for this repository: it is empty and this push does not create its default branch ${show(headRef ?? 'HEAD')} (HEAD); push that branch first (its committed config becomes the policy), or a server admin points HEAD at the branch you push (git symbolic-ref HEAD refs/heads/<branch>) or runs the hook with --config <file>.\n`,
  memoryUnusable: (path: string, reason: string, headRef: string | null) =>
    `aitrail: no policy known for this repository: its default branch ${show(headRef ?? 'HEAD')} (HEAD) does not exist and the remembered policy ${show(path)} is unusable (${show(reason)}); a server admin restores the default branch or runs the hook with --config <file>.\n`,
  defaultRecreated: (headRef: string | null, remembered: string, via?: string) =>
    `aitrail: this push creates the default branch ${show(headRef ?? 'HEAD')}${via === undefined ? '' : ` (through ${show(via)}, a symbolic ref to it)`} with a policy other than the one this server enforced (${show(remembered)}); push it with that policy first, then change the policy in a push of its own to the default branch.\n`,
  cannotRemember: (path: string, reason: string) =>
    `aitrail: warning: cannot remember the policy in ${show(path)} (${show(reason)}); if the default branch is ever deleted, pushes will be refused until it is restored.\n`,
  cannotRecord: (path: string, reason: string) =>
    `aitrail: warning: cannot write what this push was judged by in ${show(path)} (${show(reason)}); another push landing at the same moment (notes, or the commits they name) is not checked against it.\n`,
  noDefaultBranch: (tried: readonly string[], local: string | null = null) =>
    tried.length === 0
      ? // No remote at all: `origin/main` and `git fetch origin main` named nothing the person has (task s52h);
        // nor does `main` in a repository without one (row 1077): a branch it has, else a placeholder.
        'no range given and no remote default branch to compare HEAD with (this repository has no remote).\n' +
        `Name the range to judge, from a branch or commit this repository has (aitrail check ${local === null ? '<branch or commit>' : show(local)}..HEAD, the policy read at its base), or add the remote and fetch it first (git remote add origin <url> && git fetch origin).`
      : `no range given and no remote default branch to compare HEAD with (looked for ${tried.map(show).join(', ')}).\n` +
        'Name a range (aitrail check origin/main..HEAD, the policy read at its base), or fetch the default branch first (git fetch origin main).',
  pushDefaultBranchUnknown: (remote: string) =>
    `push blocked: the policy is read from ${show(remote)}'s default branch, which this clone does not fetch (no refs/remotes/${show(remote)}/HEAD, main or master; its fetch refspec names some branches only: a --single-branch or --depth clone).\n` +
    `Fix: git remote set-branches --add ${show(remote)} <default branch> && git fetch ${show(remote)} && git remote set-head ${show(remote)} <default branch> (e.g. main), then push again; to skip aitrail once: AITRAIL=0 git push ...`,
  pushRemoteHeadUnknown: (remote: string) =>
    `push blocked: the policy is read from ${show(remote)}'s default branch, which this clone does not know (no refs/remotes/${show(remote)}/HEAD, main or master), while a branch it tracks there holds a config: a default branch of another name, never recorded by git remote add and git fetch.\n` +
    `Fix: git fetch ${show(remote)} && git remote set-head ${show(remote)} --auto (asks ${show(remote)} which branch is its default), or name it: git remote set-head ${show(remote)} <default branch>; then push again. To skip aitrail once: AITRAIL=0 git push ...`,
  rememberedPolicy: (ref: string | null, commit: string, source: string) => `the policy remembered from ${show(ref ?? 'HEAD')} at ${commit.slice(0, 12)} (${show(source)})`,
  undecodablePath: (path: string) =>
    `cannot judge the path rules by lines on '${show(path)}': its name is not valid UTF-8, so it cannot be handed back to git. Rename the file and try again.`,
  hiddenLinesPath: (path: string, rev: string, why: 'lfs' | 'utf16' | 'cr' | 'ls') =>
    `cannot judge the path rules by lines on '${show(path)}' (at ${rev.slice(0, 12)}): ${
      why === 'lfs'
        ? `it is a Git LFS pointer, and a checkout with Git LFS shows there a file git does not hold (whoever wrote it), so whose lines it holds cannot be told. Commit the file itself there (leave protected paths out of 'filter=lfs' in .gitattributes, 'git lfs untrack'), then try again.`
        : why === 'utf16'
        ? `it is stored as UTF-16 or UTF-32 text, which git reads as binary, so whose lines it holds cannot be told. Store it as UTF-8 and have git convert it in the work tree ('${show(path)} working-tree-encoding=UTF-16LE' in .gitattributes), then try again.`
        : `it breaks lines with ${why === 'cr' ? 'a carriage return alone' : 'U+2028 or U+2029'}, which compilers read as a line break and git does not, so whose lines it holds cannot be told. Break its lines with \\n (or \\r\\n), or escape the character in a string, then try again.`
    }`,
  tooManyShownPaths: (sha: string, cap: number) =>
    `cannot judge the path rules through symbolic links for ${sha.slice(0, 12)}: the links within reach of a path rule in the trees the range starts from show the files it changes at more than ${cap.toLocaleString('en-US')} paths that neither their directory nor their name settles, so whether they are protected is not read (it would take minutes). Remove the links a path rule reaches (git ls-files -s | grep ^120000), make the rule's globs end in a file name pattern ('**/keys/*.pem'), or split the commit, then try again.`,
  malformedTree: (sha: string, dir: string, fault: string) =>
    `cannot judge the path rules for ${sha.slice(0, 12)}: its tree ${dir === '' ? 'at the top' : `'${show(dir)}'`} holds ${show(fault)} (git fsck: a malformed tree), which a checkout reads otherwise than git blame and git diff do, so what it puts at the protected paths there cannot be told. Rewrite the commit with git's own commands (a tree git writes is well-formed), then try again; servers: set receive.fsckObjects=true.`,
  tooManyCopyLookups: (sha: string, cap: number) =>
    `cannot judge the path rules for ${sha.slice(0, 12)}: the lines the range writes into protected files stand in so many files of their parents' trees that the range later changes that finding which of them are copies took more than ${cap.toLocaleString('en-US')} lookups, so whose lines they are is not read (it would take minutes). Split the push (push fewer commits at a time, or the commits that remove those files first), then try again.`,
  tooManyCopyBlames: (sha: string, mib: number) =>
    `cannot judge the path rules for ${sha.slice(0, 12)}: the range writes into protected files so many lines that also stand in other files that following them back to whoever wrote them would read more than ${mib.toLocaleString('en-US')} MiB of files (each copy is looked for in every file of its commit's tree), so whose lines they are is not read (it would take minutes to hours). Push fewer of those copies at a time (the commits that copy files into protected paths in pushes of their own), then try again; for a repository whose tree is that large, the server or CI may set AITRAIL_COPY_BLAME_BUDGET=<MiB> in its own environment.`,
  tooManyBlameSearches: (sha: string, path: string, mib: number) =>
    `cannot judge the path rules for ${sha.slice(0, 12)}: the range changes protected files so often and so widely (at '${show(path)}' here) that blaming them would search more than ${mib.toLocaleString('en-US')} MiB (each run of lines a commit adds is looked for in the whole file), so whose lines they are is not read (it would take minutes to hours). Push fewer of those commits at a time, or change a large protected file in fewer, larger runs of lines, then try again; for a repository with large protected files, the server or CI may set AITRAIL_BLAME_BUDGET=<MiB> in its own environment.`,
  tooManyTwinBlobs: (sha: string) =>
    `cannot judge the path rules for ${sha.slice(0, 12)}: the files whose lines the range moves into protected files (lines a person's commits wrote) were changed so often (more than 64 MB of changes in the history the repository holds), that looking for an AI commit that made the same change (a rewrite that dropped its trailer) is not done, so whose lines they are is not read. Move fewer of those files into protected paths in one push, then try again.`,
  linkLoop: (sha: string, link: string, text: string, hops: number) =>
    `cannot judge the path rules through symbolic links for ${sha.slice(0, 12)}: the symbolic link '${show(link)}' (-> '${show(text)}') is within reach of a path rule, and the links on its way loop (or pass ${hops}), so what the range's AI commits make it show is not known. Remove the link (or point it, and the links on its way, at a file or directory of the repository: git ls-files -s | grep ^120000 lists them) in a commit of its own, push that, then push the AI commits on top of it.`,
  tooManyLinksInside: (sha: string, cap: number) =>
    `cannot judge the path rules through symbolic links for ${sha.slice(0, 12)}: the directory links within reach of a path rule hold, inside their targets, links that show files at more than ${cap.toLocaleString('en-US')} other places within reach, so what they show is not read (it would take minutes). Remove the links a path rule reaches (git ls-files -s | grep ^120000) in a commit of its own and push that, or narrow the rule's globs, then push the AI commits on top of it.`,
  shownByLink: (changed: string, link: string, text: string) =>
    `It changed '${show(changed)}', which the symbolic link '${show(link)}' (-> '${show(text)}') shows at that protected path.`,
  notAi: () =>
    'If that model did not write this change: run `aitrail use --clear` (session), unset AITRAIL_MODEL / AITRAIL_AGENT, or remove the trailer from the message.\n',
  standingModel: (places: readonly string[]) =>
    `${places.map(show).join(', ')} ${places.length === 1 ? 'names' : 'name'} a model for a subagent, a custom agent or a fallback: it is recorded on every commit that agent makes, whether or not that model ran (a hook cannot see which did). If it did not write this change, change or remove that entry (or have the policy allow the model), then commit again.\n`,
};
