/** Detection: which agents and models produced a commit, with the evidence. Pure. */
export { detectCommit, commitFindings, type DetectOptions } from './detect/commit.js';
export { detectAtCommitTime } from './detect/commit-time.js';
export { agentSlug, slugify } from './detect/agent-name.js';
export { parseDeclaredValue, parseDeclaredValues } from './detect/declared-value.js';
export { matchIdentity, parseIdentity } from './detect/identity.js';
export { mergeAttributions } from './detect/merge.js';

/** The value written after the trailer key: `<agent>:<model>`. */
export function trailerValue(attribution: { agent: string; model: string }): string {
  return `${attribution.agent}:${attribution.model}`;
}
