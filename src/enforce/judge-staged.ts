import { compilePolicy, type CompiledPolicy } from '../core/policy/compile-policy.js';
import { evaluateCommit } from '../core/policy/evaluate.js';
import { renderViolation, renderWarningLine } from '../core/policy/render-text.js';
import { atCommitTime } from '../core/policy/messages.js';
import type { Violation } from '../core/policy/types.js';
import { parseTrailers } from '../core/trailers.js';
import type { Attribution, Config, Identity } from '../core/types.js';
import { stagedPathsSync } from '../git/staged-paths.js';
import { readMergeBeingMadeSync } from '../git/merge-shape.js';
import { protection } from '../core/policy/landed-lines.js';
import { pathsTakenWhole } from '../core/policy/merge-taken.js';
import { enforceMessages, showValue } from './messages.js';
import { detectOptionsOf } from '../config/defaults.js';

export interface CommitBeingMade {
  repoDir: string;
  message: string;
  commentChar: string;
  /** The comment prefix the trailer block is read with, when git keeps the `commentChar` lines (default `commentChar`). */
  trailerChar?: string;
  attributions: Attribution[];
  author: Identity | undefined;
  config: Config;
  /** The config file the policy came from, as the refusal names it (relative to the work tree; null: built-in defaults). */
  policyFile?: string | null;
  /** AITRAIL_QUIET=1: no warnings printed. */
  quiet?: boolean;
  /** The config's policy, already compiled by the caller (else compiled here). */
  policy?: CompiledPolicy;
  /** The paths the commit changes, read only when needed (default: the staged paths). */
  paths?: () => string[];
}

/** Judge the commit `git commit` is making: its message, its detected attributions, the staged paths. */
export function judgeCommitBeingMade(commit: CommitBeingMade): { violations: Violation[]; text: string } {
  const trailerKey = detectOptionsOf(commit.config).trailerKey;
  const policy = commit.policy ?? compilePolicy(commit.config.policy, { trailerKey });
  const facts = {
    sha: '',
    subject: '',
    attributions: commit.attributions,
    trailers: parseTrailers(commit.message, { commentChar: commit.trailerChar ?? commit.commentChar, cutChar: commit.commentChar, noDivider: true }),
    author: commit.author ?? { name: '', email: '' },
    paths: [] as string[],
    isMerge: false,
  };
  // Only path rules need the staged paths to decide; otherwise they are read (one git spawn)
  // just to name the files in an error (a warning's line names none: an agent's commit whose
  // model is unknown under `unknownModel: warn` spawns nothing).
  const changed = commit.paths ?? (() => stagedPathsSync(commit.repoDir));
  if (policy.paths.length > 0) facts.paths = changed();
  let violations = evaluateCommit(facts, policy);
  // A merge being concluded: the protected files it takes whole from a merged side are that side's work.
  if (violations.some((violation) => violation.severity === 'error' && violation.rule.startsWith('path-'))) {
    const own = ownPathsOfMergeBeingMade(commit.repoDir, facts.paths, policy);
    if (own !== null) {
      facts.paths = own;
      violations = evaluateCommit(facts, policy);
    }
  }
  if (violations.some((violation) => violation.severity === 'error') && policy.paths.length === 0) {
    facts.paths = changed();
    violations = evaluateCommit(facts, policy);
  }
  // No commit exists yet: fixes say "commit again", never --amend; each fix is said once.
  const errors = violations.filter((violation) => violation.severity === 'error').map((violation) => ({ ...violation, fix: atCommitTime(violation.fix) }));
  const warnings = commit.quiet ? '' : violations.filter((violation) => violation.severity !== 'error').map(renderWarningLine).join('');
  if (errors.length === 0) return { violations, text: warnings };
  const said = new Set<string>();
  const body = errors.map((violation) => (said.has(violation.fix) ? renderViolation({ ...violation, fix: 'as above.' }) : (said.add(violation.fix), renderViolation(violation)))).join('\n\n');
  const text = `${warnings}aitrail: the AI model policy says:\n\n${body}\n${detectedFrom(errors, commit.attributions)}${enforceMessages.commitRefused(errors.length, commit.policyFile)}`;
  return { violations, text };
}

/** The staged paths less the protected ones the merge being made takes whole from a merged side; null when no merge is being made or it takes none. */
function ownPathsOfMergeBeingMade(repoDir: string, paths: readonly string[], policy: CompiledPolicy): string[] | null {
  const isProtected = protection(policy);
  const candidates = paths.filter(isProtected);
  const merge = candidates.length === 0 ? null : readMergeBeingMadeSync(repoDir, candidates);
  if (merge === null) return null;
  const taken = pathsTakenWhole(candidates, merge.shape, merge.objectAt);
  return taken.size === 0 ? null : paths.filter((path) => !taken.has(path));
}

/**
 * Where each model named in a violation was detected (a forgotten `aitrail use` session, an
 * exported AITRAIL_MODEL, an agent's environment marker, a trailer), so the person committing
 * knows what to undo when no AI was involved.
 */
function detectedFrom(violations: readonly Violation[], attributions: readonly Attribution[]): string {
  const named = new Set(violations.map((violation) => `${violation.agent}\0${violation.model}`));
  const found = attributions
    .filter((attribution) => named.has(`${attribution.agent}\0${attribution.model}`))
    .flatMap((attribution) => attribution.evidence.slice(0, 5).map((evidence) => ({ model: attribution.model, evidence })));
  const lines = markersTogether(found).map(({ model, evidence, also }) => `  ${showValue(model)}: detected from: ${showValue(evidence)}${also.length > 0 ? ` (also ${showValue(also.join(', '))})` : ''}\n`);
  if (lines.length === 0) return '';
  const standing = [...new Set(found.flatMap(({ evidence }) => standingPlace(evidence) ?? []))].slice(0, 8);
  return `\n${[...new Set(lines)].join('')}${standing.length > 0 ? enforceMessages.standingModel(standing) : ''}${enforceMessages.notAi()}`;
}

/**
 * Where a model recorded for a subagent, custom agent or fallback was named (`~/.gemini/agents/coder.md`'s
 * `model:`, `.claude/settings.json`'s `fallbackModel`, `claude --fallback-model`): recorded whether or not
 * it ran, so the person is told which entry to change. None for another evidence.
 */
function standingPlace(evidence: string): string | undefined {
  const file = /(?:^| )settings (\S(?:.*?\S)?) ((?:model|fallbackModel|agents\.(?:overrides\.[^=]*|builtin\.exploreModel|modelGrades\.[^=]*))=)/.exec(evidence);
  if (file && (file[2] !== 'model=' || /(?:^|\/)agents\/[^/]+\.md$/.test(file[1]!))) return `${file[1]} (${file[2]!.slice(0, -1)})`;
  return /(?:^| )argv claude --fallback-model=/.test(evidence) ? 'claude --fallback-model' : undefined;
}

/** An agent's environment marker and what it was read with (`env CRUSH="1" settings …`). */
const MARKER_EVIDENCE = /^env ([A-Za-z_][A-Za-z0-9_]*="[^"]*")(?: (.*))?$/s;

/**
 * One line for each model and what else it was read from, shown as the first marker's evidence,
 * the other markers that found the same named after it: an agent that sets several (Crush's
 * `CRUSH`, `AGENT`, `AI_AGENT`) gave one finding each, the same model and settings file repeated
 * once per marker.
 */
function markersTogether(found: readonly { model: string; evidence: string }[]): { model: string; evidence: string; also: string[] }[] {
  const lines: { model: string; evidence: string; also: string[] }[] = [];
  const joined = new Map<string, { marker: string; also: string[] }>();
  for (const { model, evidence } of found) {
    const match = MARKER_EVIDENCE.exec(evidence);
    if (!match) {
      lines.push({ model, evidence, also: [] });
      continue;
    }
    const [, marker, rest] = match as unknown as [string, string, string | undefined];
    const key = `${model}\0${rest ?? ''}`;
    const first = joined.get(key);
    if (first) {
      if (first.marker !== marker && !first.also.includes(`env ${marker}`)) first.also.push(`env ${marker}`);
      continue;
    }
    const line = { model, evidence, also: [] as string[] };
    joined.set(key, { marker, also: line.also });
    lines.push(line);
  }
  return lines;
}
