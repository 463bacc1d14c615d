// row s53m-2: row s53h-1 looked an abbreviated revert sha up among objects only, but took any 40 or 64 hex digits for a
// full name and resolved it as git does (refs first for what is no full name): in a SHA-256 repository 40 digits are an
// abbreviation (`git -c core.abbrev=40 -c revert.reference=true revert`), so a tag named like it still stood in for the
// reverted commit and blame gave the AI lines the revert of a revert brought back to the person.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const AI = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

describe('a 40-digit revert abbreviation in a SHA-256 repository beside a tag of that name (row s53m-2)', () => {
  it('blame: the revert of a revert gives the AI lines back to the AI', () => {
    const repo = makeRepo({ objectFormat: 'sha256' });
    const base = repo.commit('base\n', { 'f.txt': 'h1\nh2\nh3\nh4\n' });
    const change = repo.commit(`ai change\n\n${AI}\n`, { 'f.txt': 'h1\nai2\nai3\nh4\nai5\n' });
    repo.git(['revert', '--no-edit', change]);
    const short = repo.git(['rev-parse', 'HEAD']).trim().slice(0, 40);
    repo.git(['tag', short, base]);
    repo.git(['-c', 'core.abbrev=40', '-c', 'revert.reference=true', 'revert', '--no-edit', 'HEAD']);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain(`This reverts commit ${short} (`);
    const report = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).totals).toMatchObject({ lines: 5, ai: 3, human: 2 });
  });
});
