import { describe, expect, it } from 'vitest';
import { detectCommit } from '../../src/core/detect/commit.js';
import type { CommitSignals, Identity } from '../../src/core/types.js';

const PERSON: Identity = { name: 'Jane Doe', email: 'jane@example.com' };

const read = (message: string, author: Identity = PERSON) => {
  const signals: CommitSignals = { subject: message.split('\n')[0] ?? '', message, author, committer: author, trailers: [] };
  return detectCommit(signals).map((a) => `${a.agent}:${a.model}`);
};

describe("a model family's name beside its own versioned model is that model once", () => {
  it.each([
    // A project's commit hygiene note (stored file 68360155239).
    ['Assisted-by: Muse Spark (opencode/muse-spark-1.2) via Opencode', ['opencode:meta-llama/muse-spark-1.2']],
    // The kernel's AGENT:MODEL form with the family in the agent's slot (stored file 68303261078).
    ['Assisted-by: Muse-Spark:muse-spark-1.3-contributor', ['unknown:meta-llama/muse-spark-1.3']],
    ['Assisted-by: Claude Opus (anthropic/claude-opus-4.6) via Claude Code', ['claude-code:anthropic/claude-opus-4.6']],
    ['Assisted-by: claude-opus:claude-opus-4.7', ['unknown:anthropic/claude-opus-4.7']],
    ['Assisted-by: Claude Opus\nCo-authored-by: Claude Opus 4.6 <noreply@anthropic.com>', ['claude-code:anthropic/claude-opus-4.6']],
  ])('%s', (trailers, expected) => {
    expect(read(`Fix the parser\n\n${trailers}\n`)).toEqual(expected);
  });

  it('keeps the family where nothing versioned of it was named, or another agent named the version', () => {
    expect(read('Fix the parser\n\nAssisted-by: Muse Spark (opencode)\n')).toEqual(['opencode:meta-llama/muse-spark']);
    // Muse Spark Open is a model of its own, not a version of the family.
    expect(read('Fix the parser\n\nAssisted-by: Muse Spark, meta/muse-spark-open\n').sort()).toEqual(['unknown:meta-llama/muse-spark', 'unknown:meta-llama/muse-spark-open']);
    expect(read('Fix the parser\n\nAssisted-by: cursor:claude-opus, aider:claude-opus-4.6\n').sort()).toEqual(['aider:anthropic/claude-opus-4.6', 'cursor:anthropic/claude-opus']);
    // Two families of one vendor stay two models.
    expect(read('Fix the parser\n\nAssisted-by: Claude Sonnet, claude-opus-4.6\n').sort()).toEqual(['unknown:anthropic/claude-opus-4.6', 'unknown:anthropic/claude-sonnet']);
  });
});

describe("Meta's Muse Spark models and Muse Code", () => {
  it.each([
    ['Assisted-by: opencode:muse-spark-1.3', ['opencode:meta-llama/muse-spark-1.3']],
    ['Co-authored-by: muse-spark-1.3-contributor (opencode-go)', ['opencode:meta-llama/muse-spark-1.3']],
    ['Assisted-by: Muse Code (muse-spark-1.1)', ['muse-code:meta-llama/muse-spark-1.1']],
    ['Vendor-Assisted-By: Muse CLI', ['muse-code:unknown']],
    ['AI-Model: Muse Spark 1.3', ['unknown:meta-llama/muse-spark-1.3']],
  ])('%s', (trailers, expected) => {
    expect(read(`Fix the parser\n\n${trailers}\n`)).toEqual(expected);
  });

  it('reads people named Muse, and prose about the models, as people', () => {
    expect(read('Fix the parser\n\nCo-authored-by: Muse Abebe <muse.abebe@example.org>\n')).toEqual([]);
    expect(read('Fix the parser\n', { name: 'Muse Tesfaye', email: 'muse@example.com' })).toEqual([]);
    expect(read('Fix the parser\n\nCo-authored-by: Muse Code <muse@example.com>\n')).toEqual([]);
    expect(read('feat: add Muse Spark to the provider list\n\nAdds meta/muse-spark-1.3 to the model picker.\n')).toEqual([]);
  });
});
