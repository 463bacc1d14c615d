import { expect } from 'vitest';
import { aitrail } from './cli.js';
import { makeRepo } from './gitdir.js';

const AI = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

/**
 * Rows 1074, 1105: an AI commit reverted, then that revert reverted under git's reference format with
 * `abbrev` digits (`This reverts commit <abbrev> (…)`) while a tag so named stands at the base: `blame`
 * must give the lines the second revert brings back to the AI, not follow the tag.
 */
export function expectRevertOfRevertPastTag(abbrev: number, objectFormat: 'sha1' | 'sha256' = 'sha1'): void {
  const repo = makeRepo({ objectFormat });
  const base = repo.commit('base\n', { 'f.txt': 'h1\nh2\nh3\nh4\n' });
  const change = repo.commit(`ai change\n\n${AI}\n`, { 'f.txt': 'h1\nai2\nai3\nh4\nai5\n' });
  repo.git(['revert', '--no-edit', change]);
  const short = repo.git(['rev-parse', 'HEAD']).trim().slice(0, abbrev);
  repo.git(['tag', short, base]);
  repo.git(['-c', `core.abbrev=${abbrev}`, '-c', 'revert.reference=true', 'revert', '--no-edit', 'HEAD']);
  expect(repo.git(['log', '-1', '--format=%B'])).toContain(`This reverts commit ${short} (`);
  const report = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
  expect(report.code, report.stderr).toBe(0);
  expect(JSON.parse(report.stdout).totals).toMatchObject({ lines: 5, ai: 3, human: 2 });
}
