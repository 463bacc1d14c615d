import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The harness is a plain script so it can run without vitest (node scripts/corpus-replay.mjs).
// @ts-expect-error -- untyped .mjs script
import { replay } from '../../scripts/corpus-replay.mjs';

interface Mismatch {
  id: string;
  kind: string;
}
interface Report {
  overall: { entries: number; positives: number; negatives: number; truePositives: number; modelCorrect: number; precision: number; recall: number; agentAccuracy: number };
  negatives: Record<string, { entries: number; flaggedAi: number }>;
  mismatches: Mismatch[];
}

/**
 * The holdout (test/fixtures/attribution-holdout.json): commits from repositories and documents the
 * tuning corpus did not sample, labelled before detection was changed. Measured on it (see
 * docs/attribution-corpus.md, "The holdout"): before the fixes, precision 48/49 negatives clean,
 * recall 118/133, exact model 102/118; after them, recall 131/133, exact model 129/131; in session 35,
 * recall 132/133, exact model 132/132 (Fedora's `ChatGPTv5`, a `v` before the version, is GPT-5). The
 * floors only go up. The remaining miss is a judgement call left as it is (`Z-GLM-4`). Session 40 added
 * a known miss (133/134): robobun's squash merges on Bun's main at `robobun@oven.sh`, also Bun's release
 * automation's address (README row 543).
 */
const FLOOR = { recall: 132, modelCorrect: 132 };
/**
 * Agents named as labelled among the true positives: 119/132 before `<model> via <agent>` was read
 * (`Gemini 3.6 Flash via Antigravity <noreply@google.com>` was Gemini CLI's), 121/132 after, 122/132
 * with xAI's Grok Build in the table. The rest are judgement calls (`Co-developed-by: Claude
 * claude-opus-4-…` without an address names no agent) or agents the built-in table does not hold
 * (cloco, Hermes).
 */
const AGENT_FLOOR = 122 / 132;

let report: Report;
beforeAll(() => {
  report = replay({ corpus: join(import.meta.dirname, '../fixtures/attribution-holdout.json') }) as Report;
});

describe('attribution holdout replayed through aitrail log', () => {
  it('replays 120+ commits, AI and hard negatives of kinds the corpus lacks', () => {
    expect(report.overall.entries).toBeGreaterThanOrEqual(120);
    expect(report.overall.negatives).toBeGreaterThanOrEqual(40);
    for (const category of ['ai-review', 'web-ui', 'ai-message-only', 'declared-no-ai', 'vendor-staff', 'committer-only', 'bot', 'agent-like-name']) {
      expect(report.negatives[category]?.entries ?? 0).toBeGreaterThan(0);
    }
  });

  it('reads no hard negative as AI: precision 1.0', () => {
    expect(report.mismatches.filter((m) => m.kind === 'false-positive').map((m) => m.id)).toEqual([]);
    expect(report.overall.precision).toBe(1);
  });

  it('keeps recall and exact model at least at the measured floor', () => {
    expect(report.overall.truePositives).toBeGreaterThanOrEqual(FLOOR.recall);
    expect(report.overall.modelCorrect).toBeGreaterThanOrEqual(FLOOR.modelCorrect);
    expect(report.overall.agentAccuracy).toBeGreaterThanOrEqual(AGENT_FLOOR - 1e-9);
  });
});
