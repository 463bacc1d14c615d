import { expect } from 'vitest';
import { aitrail } from './cli.js';
import type { TestRepo } from './gitdir.js';

const AI = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

/**
 * Rows s53h-1, s53m-2: an AI commit, its revert, a tag named like that revert's `digits`-digit abbreviation (at the
 * base, a commit with no AI), then a reference-format revert of the revert abbreviated so: blame's totals after it.
 */
export function blameRevertBesideTag(repo: TestRepo, digits: number): unknown {
  const base = repo.commit('base\n', { 'f.txt': 'h1\nh2\nh3\nh4\n' });
  const change = repo.commit(`ai change\n\n${AI}\n`, { 'f.txt': 'h1\nai2\nai3\nh4\nai5\n' });
  repo.git(['revert', '--no-edit', change]);
  const short = repo.git(['rev-parse', `--short=${digits}`, 'HEAD']).trim();
  expect(short).toHaveLength(digits);
  repo.git(['tag', short, base]);
  repo.git(['-c', `core.abbrev=${digits}`, '-c', 'revert.reference=true', 'revert', '--no-edit', 'HEAD']);
  expect(repo.git(['log', '-1', '--format=%B'])).toContain(`This reverts commit ${short} (`);
  const report = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
  expect(report.code, report.stderr).toBe(0);
  return (JSON.parse(report.stdout) as { totals: unknown }).totals;
}
