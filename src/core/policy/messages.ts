import { sanitize } from '../sanitize.js';
import { versionlessFamily } from './model-family.js';

/**
 * Every sentence the policy says to people. Values from commits and configs are hostile
 * (newlines, escapes, bidi controls): they are shown escaped and cut short.
 */
export function show(value: string, max = 200): string {
  return sanitize(value, { max });
}

const list = (globs: readonly string[]): string => (globs.length === 0 ? '[] (no AI)' : `[${globs.map((glob) => `"${show(glob, 80)}"`).join(', ')}]`);

const by = (agent: string, model: string): string => (agent && agent !== 'unknown' ? `${show(model)} (via ${show(agent, 60)})` : show(model));

/** Changing what a policy allows is a separate, reviewed change: the policy that judges a change is read from the target, never from the change itself. */
const POLICY_NOTE = 'A change to the config only takes effect once it is on the target branch: the policy is read from there, not from the commits being judged.';

/** Row 905: where a gateway or router chose the model, a model named in the message beside its unknown does not replace it. */
const GATEWAY_UNKNOWN = " Where a gateway or router on this machine chose the model (as the evidence says), only AITRAIL_MODEL or 'aitrail use' helps while it is in use: a model named in the message beside its unknown does not replace it.";
const REWRITE = "rewrite the commit with git commit --amend (the last one) or git rebase -i (older ones)";

/** A fix as said while the commit is being made (commit-msg): no commit exists yet to amend or rebase. */
export function atCommitTime(fix: string): string {
  return fix.split(REWRITE).join('commit again');
}

/** A fix for a commit that a merge of the branch's own line brought in from another branch: rewriting it there is not enough (the merge keeps it in the history, even one that kept none of its content). */
export function mergedInFix(fix: string, merge: string, subject: string): string {
  return `${fix} This commit came into the branch through merge ${merge.slice(0, 12)} "${show(subject, 80)}" (from another parent than its first): it stays in the history as long as that merge does, even a merge that kept none of its changes (git merge -s ours), so make that merge again without it (or after rewriting its branch).`;
}

/** How a person-read commit holds a refused commit's change (row 1151): all of it and no more, all of it beside changes of its own (row 1122), or a part of it whose rest other commits of the range hold (row 1124). */
export type TwinKind = 'same' | 'holds' | 'part' | 'rest-held' | 'rest-unasked';

/**
 * Row 1101: the fix of a commit refused as the twin of a refused commit (rows 1056, 1079, 1080, 1082). The refused
 * commit's own fix ("redo it by hand") sent a person who had typed the very change again round in a circle: the same
 * lines typed again are the same patch id, refused again. It says why and what helps. Row 1151: said for each way a
 * commit holds the refused change (`kind`): a commit holding it beside more, or a part of it, was told its whole change
 * was the refused one's, and to commit it within its work (which rows 1122 and 1124 refuse too).
 */
export function twinFix(twin: string, agent: string, model: string, setting: string, kind: TwinKind = 'same'): string {
  const short = twin.slice(0, 12);
  const ids = 'the same git patch-id --stable, file by file: the same lines, white space and line breaks aside';
  const holds =
    kind === 'same'
      ? `This commit's whole change is ${short}'s (${ids})`
      : kind === 'holds'
        ? `This commit holds all of ${short}'s change (each of ${short}'s file changes: ${ids}) beside changes of its own`
        : kind === 'part'
          ? `This commit holds part of ${short}'s change (some of ${short}'s file changes: ${ids}) and other commits of the range hold the rest`
          : kind === 'rest-held'
            ? `This commit holds part of ${short}'s change (some of ${short}'s file changes: ${ids}) and commits the repository already holds, made after ${short}, hold the rest`
            : `This commit holds part of ${short}'s change (some of ${short}'s file changes: ${ids}), and whether commits the repository holds hold the rest was not asked: the range holds parts of more refused commits than are looked for in one run (push its commits a few at a time)`;
  return `${holds}, and ${short} was made with model ${by(agent, model)}, which ${show(setting, 80)} refuses: that change is refused however it comes back (a cherry-pick, a git revert of its revert, a merge bringing only it, the same lines typed again by hand, inside a larger commit, split over several), whatever the commit declares. Redoing it by hand the same way does not help. Take ${short}'s file changes out of the range's commits (once no commit of it, nor its commits together, hold all of them, each commit is judged by itself, line by line under path rules) and ${REWRITE}, or ask the policy's owner to change the rule that refuses ${short}. ${POLICY_NOTE}`;
}

/** `1 line … sits`, `3 lines … sit`. */
const lines = (count: number, between: string): string => (count === 1 ? `1 line ${between} sits` : `${count} lines ${between} sit`);

/** A path rule judged by the lines of a commit that later commits moved, copied or merged into a protected file. */
const changed = (agent: string, model: string, path: string, landed: number | undefined): string =>
  landed === undefined ? `model ${by(agent, model)} changed ${show(path)}` : `${lines(landed, `written by model ${by(agent, model)} in this commit now`)} in ${show(path)} (moved, copied or merged there later)`;

const UNLAND = 'Undo the move, copy or merge that put these lines in files matching this rule, or rewrite them there by hand in a new commit';

/** A model id that names no version (model-family.ts): why a policy judged it by its versions, and the way out. */
function versionless(model: string, refused: string): { note: string; fix: string } {
  const family = versionlessFamily(model);
  if (family === null) return { note: '', fix: '' };
  const shown = family.members.slice(0, 4).map((member) => show(member, 80));
  const versions = shown.length === 0 ? 'one of its versions' : `one of its versions (${shown.join(', ')}${family.members.length > shown.length ? ', …' : ''}, or a later one)`;
  return {
    note: ` ${show(model)} names no version (an agent's alias such as opus, sonnet, pro or flash, a family's name, or an API id that follows the vendor's newest model): the agent runs ${versions}, which one depending on its own version and the account, and ${refused}.`,
    fix: ` If the work was done with a model the policy allows, name that model exactly in the agent (its full id with the version, in --model, model.name, GEMINI_MODEL or ANTHROPIC_MODEL) and the commit records it instead of the family.`,
  };
}

export const messages = {
  pathSymlink: (path: string, target: string, setting: string) => ({
    message: `${show(path)} is made a symbolic link to ${show(target)}: a checkout shows that file's lines at a path ${setting} protects, though the rule never judged them there (path rules judge a file's own lines, not what a link shows).`,
    fix: `Commit the file itself at ${show(path)} (or point the link at a place the same rule protects), then ${REWRITE}. ${POLICY_NOTE}`,
  }),
  pathSubmodule: (path: string, commit: string, setting: string) => ({
    message: `${show(path)} is made a submodule at ${commit.slice(0, 12)}: a checkout with its submodules shows that commit's files at a path ${setting} protects, though no rule ever judged who wrote them.`,
    fix: `Commit the files themselves at ${show(path)} (or move the submodule out of the rule's reach), then ${REWRITE}. ${POLICY_NOTE}`,
  }),
  unreadDeclarations: (evidence: string, trailerKey: string) => ({
    message: `the message declares more than aitrail reads (${show(evidence)}): a model past that could be any, so the commit is refused whatever the policy allows.`,
    fix: `Declare each model once, in a short trailer block (one '${show(trailerKey, 60)}: <agent>:<vendor>/<model>' line a model), and ${REWRITE}.`,
  }),
  unreadAgentFiles: (agent: string, evidence: string) => ({
    message: `AI agent ${show(agent, 60)} loads more agents than aitrail reads (${show(evidence, 300)}): a subagent's model past them could be any, so the commit is refused whatever the policy allows.`,
    fix: `Keep that folder or file to fewer agents (each agent file a few KiB), or move the ones no one uses out of it, then commit again.`,
  }),
  modelDenied: (agent: string, model: string, glob: string) => {
    const family = versionless(model, 'the pattern denies at least one of them');
    return {
      message: `model ${by(agent, model)} is denied by policy.deny pattern "${show(glob, 80)}".${family.note}`,
      fix: `Remove this model's work from the commit and redo it by hand or with an allowed model, then ${REWRITE}.${family.fix} ${POLICY_NOTE}`,
    };
  },
  modelNotAllowed: (agent: string, model: string, allow: readonly string[]) => {
    const family = versionless(model, `policy.allow does not allow every one of them (to allow the alias whatever version it runs, policy.allow can name it: "${show(versionlessFamily(model)?.id ?? model)}")`);
    return {
      message: `model ${by(agent, model)} is not in policy.allow ${list(allow)}.${family.note}`,
      fix: `Redo this work with an allowed model (or by hand), then ${REWRITE}.${family.fix} ${POLICY_NOTE}`,
    };
  },
  unknownModel: (agent: string, model: string, evidence: string, trailerKey: string, declared: boolean, stated = false) => ({
    // No agent named either (`unknown`, e.g. a trailer naming a vendor no catalog knows): not "AI agent unknown".
    message: `${agent === 'unknown' ? 'An AI agent not identified contributed, and its model is not identified either' : `AI agent ${show(agent, 60)} contributed but its model is not identified`} (${show(evidence)}) (policy.unknownModel).`,
    // A declared trailer is already there (`unknown:unknown` written for a model that could not be read): say what to change in it.
    // A stated unknown (a gateway's or router's, row 894) is never folded into a model named beside it: say that only
    // naming the model before committing helps while the gateway is in use (row 905).
    fix: declared
      ? `Name the model in the trailer '${show(trailerKey, 60)}: ${show(agent, 60)}:${show(model)}': replace '${show(model)}' with the model id (e.g. anthropic/claude-opus-4.6) and ${REWRITE}; before committing, name it with AITRAIL_MODEL or 'aitrail use <model>'.${stated ? GATEWAY_UNKNOWN : ''}`
      : `Name the model: add the trailer '${show(trailerKey, 60)}: ${show(agent, 60)}:<vendor>/<model>' and ${REWRITE}, or set it before committing with 'aitrail use <vendor>/<model>'.${stated ? GATEWAY_UNKNOWN : ''}`,
  }),
  undeclared: (agent: string, model: string, evidence: string, trailerKey: string) => ({
    message: `AI commit not declared: ${show(evidence)} points to ${by(agent, model)}, but the commit has no '${show(trailerKey, 60)}' trailer (policy.undeclared).`,
    fix: `Add the trailer '${show(trailerKey, 60)}: ${show(agent, 60)}:${show(model)}' to the message and ${REWRITE}; install the hooks with 'npx aitrail init' so it is recorded at commit time.`,
  }),
  pathModelDenied: (agent: string, model: string, setting: string, glob: string, path: string, landed?: number) => ({
    message: `${changed(agent, model, path, landed)}, where ${setting} denies "${show(glob, 80)}".${versionless(model, 'the pattern denies at least one of them').note}`,
    fix: landed === undefined ? `Make the change to files matching this rule by hand (or with a model allowed there) and ${REWRITE}. ${POLICY_NOTE}` : `${UNLAND} (or with a model allowed there). ${POLICY_NOTE}`,
  }),
  pathModelNotAllowed: (agent: string, model: string, setting: string, allow: readonly string[], path: string, landed?: number) => ({
    message:
      allow.length === 0
        ? `${changed(agent, model, path, landed)}, where ${setting} is [] (no AI may change these files).`
        : `${changed(agent, model, path, landed)}, where ${setting} only allows ${list(allow)}.${versionless(model, `the rule does not allow every one of them (to allow the alias whatever version it runs, the rule can name it: "${show(versionlessFamily(model)?.id ?? model)}")`).note}`,
    fix:
      landed === undefined
        ? `Make the change to these files by hand${allow.length === 0 ? '' : ' or with an allowed model'}, and move the AI changes to other files; ${REWRITE}. ${POLICY_NOTE}`
        : `${UNLAND}${allow.length === 0 ? '' : ' (or with an allowed model)'}. ${POLICY_NOTE}`,
  }),
  pathMissingTrailer: (models: readonly string[], setting: string, key: string, path: string, landed?: number) => ({
    message:
      landed === undefined
        ? `AI change (${models.map((model) => show(model)).join(', ')}) to ${show(path)} lacks the '${show(key, 60)}' trailer that ${setting} requires.`
        : `${lines(landed, `this AI commit (${models.map((model) => show(model)).join(', ')}) wrote now`)} in ${show(path)} (moved, copied or merged there later), and the commit lacks the '${show(key, 60)}' trailer that ${setting} requires.`,
    fix:
      landed === undefined
        ? `Have a person review the change and add '${show(key, 60)}: Name <email>' to the commit message, then ${REWRITE}.`
        : `Have a person review those lines and add '${show(key, 60)}: Name <email>' to this commit's message (git rebase -i), or ${UNLAND.charAt(0).toLowerCase()}${UNLAND.slice(1)}.`,
  }),
};

/** Row 1176: a merge compared whole, its other parents' changes not taken out (row 1148), because the range holds more merges to read so than `cap`. */
export function wholeMergeNote(cap: number): string {
  return `compared whole: the changes its other parents brought were not taken out, as this range holds more than ${cap.toLocaleString('en-US')} merges holding a refused change; push its merges a few at a time`;
}
