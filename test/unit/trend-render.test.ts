import { describe, expect, it } from 'vitest';
import { sumReports } from '../../src/core/blame/aggregate.js';
import type { FileReport } from '../../src/core/blame/types.js';
import { renderTrend } from '../../src/core/trend/render-trend.js';
import type { TrendPageData } from '../../src/core/report-html/page-data.js';
import type { TrendReport } from '../../src/core/trend/types.js';

function totals(ai: number, human: number, models: Record<string, number>) {
  const file: FileReport = { path: 'a', lines: ai + human, ai, human, byModel: Object.assign(Object.create(null) as Record<string, number>, models), byAgent: Object.create(null) as Record<string, number>, lineLevel: 0 };
  return sumReports([file]);
}

const report: TrendReport = {
  releases: [
    { since: 'a'.repeat(40), rev: 'b'.repeat(40), sinceName: '=HYPERLINK("x")', revName: 'v1|`<b>`\x1b[2J', totals: totals(3, 1, { 'anthropic/claude-opus-4.6': 3 }) },
    { since: 'b'.repeat(40), rev: 'c'.repeat(40), sinceName: 'v1|`<b>`\x1b[2J', revName: 'v2\u202e', totals: totals(1, 3, { 'qwen/qwen3-coder': 1, 'anthropic/claude-opus-4.6': 1 }) },
  ],
};
const meta = { tool: 'aitrail test', generatedAt: null, options: [] };

describe('trend renderers', () => {
  it('JSON: the DESIGN.md shape with exact names, escaped', () => {
    const text = renderTrend(report, 'json', meta);
    expect(text).not.toMatch(/[\x1b\u202e]/);
    const parsed = JSON.parse(text) as TrendReport;
    expect(parsed.releases.map((release) => [release.since, release.rev, release.sinceName, release.revName, release.totals.ai])).toEqual(report.releases.map((release) => [release.since, release.rev, release.sinceName, release.revName, release.totals.ai]));
  });

  it('table, CSV and Markdown: names inert, numbers per release and per model', () => {
    const table = renderTrend(report, 'table', meta);
    expect(table).toContain('75.0%   3      1      4  =HYPERLINK("x")..v1|`<b>`\\x1b[2J');
    expect(table).toContain('Across 2 releases: 4 of 8 lines introduced were AI-authored (50.0%), 4 human.');
    const csv = renderTrend(report, 'csv', meta).split('\r\n');
    expect(csv[0]).toBe('since,rev,since_sha,rev_sha,lines,ai,human,ai_share,anthropic/claude-opus-4.6,qwen/qwen3-coder');
    expect(csv[1]).toBe(`"'=HYPERLINK(""x"")",v1|\`<b>\`\\x1b[2J,${'a'.repeat(40)},${'b'.repeat(40)},4,3,1,0.75,3,0`);
    const markdown = renderTrend(report, 'markdown', meta);
    expect(markdown).toContain('| <code>v2\\\\u\\{202e\\}</code> | <code>v1\\|\\`&lt;b&gt;\\`\\\\x1b\\[2J</code> | 4 | 1 | 3 | 25.0% | 1 | 1 |');
    for (const text of [table, csv.join('\n'), markdown]) expect(text).not.toMatch(/[\x1b\u202e]/);
  });

  it('HTML: the page says what the numbers leave out, as the table does, release names inert', () => {
    const excluding: TrendReport = { releases: [{ ...report.releases[0]!, excluded: { lockfiles: 2, generated: 0 } }, { ...report.releases[1]!, excluded: { lockfiles: 1, generated: 0 } }, { ...report.releases[1]!, sinceName: 'v2\u202e', revName: 'v3' }] };
    const data = JSON.parse(/id="aitrail-data">([^]*?)<\/script>/.exec(renderTrend(excluding, 'html', meta))![1]!) as TrendPageData;
    const table = renderTrend(excluding, 'table', meta);
    expect(data.notes).toHaveLength(2);
    for (const note of data.notes) expect(table).toContain(note);
    expect(data.notes[0]).toMatch(/^=HYPERLINK\("x"\)\.\.v1\|`<b>`\\x1b\[2J: .*2 lockfile/);
    expect(data.notes.join('\n')).not.toMatch(/[\x1b\u202e]/);
    expect(renderTrend(report, 'html', meta)).toContain('"notes":[]');
  });

  it('a share never rounds to a number that says no AI line, or no human line, when there is one', () => {
    const tiny: TrendReport = { releases: [{ since: 'a'.repeat(40), rev: 'b'.repeat(40), sinceName: 'v1', revName: 'v2', totals: totals(1, 19_999, { 'anthropic/claude-opus-4.6': 1 }) }] };
    const table = renderTrend(tiny, 'table', meta);
    expect(table).toContain('Across 1 release: 1 of 20000 lines introduced were AI-authored (<0.1%), 19999 human.');
    expect(renderTrend(tiny, 'markdown', meta)).toContain('| 20000 | 1 | 19999 | <0.1% |');
    const almost: TrendReport = { releases: [{ since: 'a'.repeat(40), rev: 'b'.repeat(40), sinceName: 'v1', revName: 'v2', totals: totals(19_999, 1, { 'anthropic/claude-opus-4.6': 19_999 }) }] };
    expect(renderTrend(almost, 'table', meta)).toContain('(>99.9%), 1 human.');
    // Exact ends stay exact, and everything else is rounded as before.
    const ends: TrendReport = { releases: [{ since: 'a'.repeat(40), rev: 'b'.repeat(40), sinceName: 'v1', revName: 'v2', totals: totals(0, 7, {}) }, { since: 'b'.repeat(40), rev: 'c'.repeat(40), sinceName: 'v2', revName: 'v3', totals: totals(7, 0, { 'anthropic/claude-opus-4.6': 7 }) }] };
    const endsTable = renderTrend(ends, 'table', meta);
    expect(endsTable).toContain('0.0%');
    expect(endsTable).toContain('100.0%');
    expect(endsTable).toContain('(50.0%)');
  });
});

