import { sanitize } from '../core/sanitize.js';

const show = (text: string): string => sanitize(text, { max: 200 });

/** A hostile value (model id, evidence) made safe to print. */
export const showValue = show;

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
  unknownBase: (base: string) => `unknown revision '${show(base)}': the range must name commits of this repository (fetch them first?).`,
  policyFrom: (description: string, label: string) => `aitrail: policy from ${show(description)} [${show(label)}]\n`,
  noBase: (label: string) =>
    `aitrail: note: ${show(label)}; the policy is read from the work tree. Pass a range A..B (policy read at A) or --config <file> to pin it.\n`,
  commitRefused: (count: number) =>
    `\naitrail: commit refused: ${count === 1 ? 'it breaks' : `${count} violations of`} the AI model policy (see above).\n` +
    'git commit --no-verify will not get it in: the same policy is checked again at push, in CI and on the server.\n' +
    'To change the policy itself, change the config in a separate commit and get it onto the target branch first.\n',
  pushRefused: (remote: string) =>
    `\naitrail: push to ${show(remote)} refused: commits above break the AI model policy.\n` +
    'Fix them (git rebase -i <upstream> to reword or edit them) and push again. git push --no-verify only moves the check to CI and the server.\n',
  receiveRefused: () =>
    '\naitrail: push rejected by the server: commits above break the AI model policy of this repository.\n' +
    'Fix them locally (git rebase -i to edit or reword them; run `npx aitrail check <remote>/<branch>..HEAD` to see every problem) and push again.\n',
  warningsOnly: () => 'aitrail: warnings only: allowed.\n',
  notAi: () =>
    'If that model did not write this change: run `aitrail use --clear` (session), unset AITRAIL_MODEL / AITRAIL_AGENT, or remove the trailer from the message.\n',
};
