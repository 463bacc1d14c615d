// STUB — detection being implemented; the API below is fixed.
import type { Attribution, CommitSignals, CommitTimeSignals, DetectConfig } from './types.js';

export interface DetectOptions {
  detect?: DetectConfig;
  /** The declared trailer key (config `trailer.key`, default `Assisted-by`). */
  trailerKey?: string;
}

/** Attributions of a stored commit, from its trailers, identities, subject and body. Empty = human. */
export function detectCommit(signals: CommitSignals, options: DetectOptions = {}): Attribution[] {
  void signals; void options;
  return [];
}

/**
 * Attributions for a commit being made right now: explicit `AITRAIL_MODEL`/`AITRAIL_AGENT`, the
 * `aitrail use` session, agent environment markers, and the signatures already in `message`
 * (co-author lines, trailers) and in the author identity (aider's `Name (aider)`).
 */
export function detectAtCommitTime(message: string, time: CommitTimeSignals, options: DetectOptions = {}): Attribution[] {
  void message; void time; void options;
  return [];
}

/** The value written after the trailer key: `<agent>:<model>`. */
export function trailerValue(attribution: Pick<Attribution, 'agent' | 'model'>): string {
  return `${attribution.agent}:${attribution.model}`;
}
