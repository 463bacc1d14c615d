import { beforeAll, describe, expect, it } from 'vitest';
// The harness is a plain script so it can run without vitest (node scripts/corpus-replay.mjs).
// @ts-expect-error -- untyped .mjs script
import { replay } from '../../scripts/corpus-replay.mjs';

interface Mismatch {
  id: string;
  kind: string;
  expected: string;
  got: string;
}
interface Report {
  overall: { entries: number; positives: number; negatives: number; precision: number; recall: number; modelAccuracy: number };
  perAgent: Record<string, { entries: number }>;
  negatives: Record<string, { entries: number; flaggedAi: number }>;
  mismatches: Mismatch[];
}

/**
 * Floors measured on main when the corpus landed (recall 158/183 = 86.3 %, exact model
 * 141/158 = 89.2 %). They only ever go up: raise them as detection improves.
 */
const FLOOR = { recall: 158 / 183, modelAccuracy: 141 / 158 };

/**
 * Hard negatives main still reads as AI: the `@aider.chat` domain rule (vendor staff by hand)
 * and aider's committer-only `(aider)` suffix (issue 9 point 1). The list may only shrink.
 */
const KNOWN_FALSE_POSITIVES = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `vendor-aider-maintainer-${n}`),
  'vendor-aider-merge',
  'vendor-aider-other-staff',
  'aider-committer-only-eb9c41f2',
  ...[1, 2, 3, 4, 5].map((n) => `aider-committer-only-${n}`),
  'aider-committer-only-user',
  'aider-committer-only-user2',
];

let report: Report;
beforeAll(() => {
  report = replay() as Report;
});

const falsePositives = () => report.mismatches.filter((m) => m.kind === 'false-positive').map((m) => m.id);

describe('labelled attribution corpus replayed through aitrail log', () => {
  it('replays the whole corpus: 150+ AI commits of 15+ agents and 100+ hard negatives', () => {
    expect(report.overall.entries).toBe(report.overall.positives + report.overall.negatives);
    expect(report.overall.positives).toBeGreaterThanOrEqual(150);
    expect(Object.keys(report.perAgent).filter((agent) => agent !== 'unknown').length).toBeGreaterThanOrEqual(15);
    expect(report.overall.negatives).toBeGreaterThanOrEqual(100);
  });

  it('reads no helper, agent-like name, non-AI bot, sign-off or prose mention as AI', () => {
    for (const category of ['human-helper', 'agent-like-name', 'bot', 'signoff-only', 'prose', 'plain']) {
      expect({ category, flagged: report.negatives[category]?.flaggedAi }).toEqual({ category, flagged: 0 });
    }
  });

  it('reads no new hard negative as AI (the known false positives only shrink)', () => {
    expect(falsePositives().filter((id) => !KNOWN_FALSE_POSITIVES.includes(id))).toEqual([]);
  });

  // Fails on main today (vendor staff at @aider.chat, committer-only `(aider)`); once the
  // identity fix lands this starts passing: turn it into a plain `it` and empty the list above.
  it.fails('reads no hard negative as AI: precision 1.0', () => {
    expect(falsePositives()).toEqual([]);
    expect(report.overall.precision).toBe(1);
  });

  it('keeps recall and exact-model accuracy at least at the measured floor', () => {
    expect(report.overall.recall).toBeGreaterThanOrEqual(FLOOR.recall - 1e-9);
    expect(report.overall.modelAccuracy).toBeGreaterThanOrEqual(FLOOR.modelAccuracy - 1e-9);
  });
});
