import { describe, expect, it } from 'vitest';
import { attributeFile, groupRows, sumReports } from '../../src/core/blame/aggregate.js';
import { csvCell } from '../../src/core/blame/render-csv.js';
import { markdownName } from '../../src/core/blame/render-markdown.js';
import { renderBlame } from '../../src/core/blame/render.js';
import { safeJson } from '../../src/core/sanitize.js';
import type { BlameReport, CommitModels } from '../../src/core/blame/types.js';

const claude: CommitModels = { models: ['anthropic/claude-opus-4.6'], agents: ['claude-code'] };
const both: CommitModels = { models: ['anthropic/claude-opus-4.6', 'qwen/qwen3-coder'], agents: ['claude-code', 'qwen-code'] };
const evil: CommitModels = { models: ['evil\x1b]8;;http://x\x07m\u202e'], agents: ['__proto__'] };
const attribution = new Map<string, CommitModels>([['c1', claude], ['c2', both], ['c3', evil]]);
const lookup = (sha: string) => attribution.get(sha);

function report(): BlameReport {
  const files = [
    attributeFile('src/a.ts', { lines: 10, boundary: 0, commits: new Map([['h', 5], ['c1', 3], ['c2', 2]]) }, lookup),
    attributeFile('src/b.ts', { lines: 4, boundary: 2, commits: new Map([['c2', 4]]) }, lookup),
    attributeFile('=1+1|`x`<b>\n\x1b[2J.txt', { lines: 2, boundary: 0, commits: new Map([['c3', 1], ['h', 1]]) }, lookup),
    attributeFile('README.md', { lines: 7, boundary: 0, commits: new Map([['h', 7]]) }, lookup),
  ];
  return { rev: 'f'.repeat(40), since: null, totals: sumReports(files), files };
}

describe('blame aggregation', () => {
  it('counts a multi-model line once in ai and once per model and agent', () => {
    const [a, b] = report().files;
    expect(a).toMatchObject({ lines: 10, ai: 5, human: 5, byModel: { 'anthropic/claude-opus-4.6': 5, 'qwen/qwen3-coder': 2 }, byAgent: { 'claude-code': 5, 'qwen-code': 2 } });
    expect(b).toMatchObject({ lines: 4, ai: 4, human: 0 });
    const totals = report().totals;
    expect(totals).toMatchObject({ lines: 23, ai: 10, human: 13 });
    expect(totals.byModel['anthropic/claude-opus-4.6']).toBe(9);
    expect(totals.byAgent.__proto__).toBe(1);
    expect(Object.getPrototypeOf(totals.byAgent)).toBeNull();
  });

  it('groups by dir, model and agent, sorted by AI share', () => {
    const files = report().files;
    expect(groupRows(files, 'file').map((r) => r.key)).toEqual(['src/b.ts', 'src/a.ts', '=1+1|`x`<b>\n\x1b[2J.txt', 'README.md']);
    expect(groupRows(files, 'dir').map((r) => [r.key, r.lines, r.ai])).toEqual([['src', 14, 9], ['.', 9, 1]]);
    expect(groupRows(files, 'model').map((r) => [r.key, r.lines])).toEqual([['anthropic/claude-opus-4.6', 9], ['qwen/qwen3-coder', 6], ['evil\x1b]8;;http://x\x07m\u202e', 1]]);
    expect(groupRows(files, 'agent').map((r) => r.key)).toContain('__proto__');
  });
});

const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

describe('blame renderers', () => {
  it('JSON keeps exact names, escaped, with the DESIGN.md shape', () => {
    const text = renderBlame(report(), 'json', 'file');
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toMatch(/\n(?!( |\]|\}|$))/); // only the pretty-print newlines
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['rev', 'since', 'totals', 'files']);
    expect(parsed.files[2].path).toBe('=1+1|`x`<b>\n\x1b[2J.txt');
    expect(Object.keys(parsed.totals.byModel)).toContain('evil\x1b]8;;http://x\x07m\u202e');
    expect(Object.keys(parsed.files[0])).toEqual(['path', 'lines', 'ai', 'human', 'byModel', 'byAgent', 'lineLevel']);
    expect(safeJson('\u2028\u009b')).toBe('"\\u2028\\u009b"');
    const grouped = JSON.parse(renderBlame(report(), 'json', 'dir'));
    expect(grouped.by).toBe('dir');
    expect(grouped.groups[0].key).toBe('src');
  });

  it('the table is aligned, sorted by AI share, with totals and per-model summary, and inert', () => {
    const text = renderBlame(report(), 'table', 'file');
    expect(text).not.toMatch(CONTROL);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\s+AI%\s+AI\s+HUMAN\s+LINES\s+FILE\s+MODELS$/);
    expect(lines[1]).toMatch(/^100\.0%\s+4\s+0\s+4\s+src\/b\.ts/);
    expect(lines[3]).toContain('=1+1|`x`<b>\\n\\x1b[2J.txt');
    const fileColumn = lines[0]!.indexOf('FILE');
    for (const row of lines.slice(1, 5)) expect(row.slice(fileColumn - 2, fileColumn)).toBe('  ');
    expect(text).toContain('Total at ffffffffffff: 10 of 23 lines AI-authored (43.5%), 13 human, 4 files.');
    expect(text).toMatch(/By model:\n\s+LINES\s+SHARE\s+MODEL\n\s+9\s+39\.1%\s+anthropic\/claude-opus-4\.6/);
    expect(text).toContain('evil\\x1b]8;;http://x\\x07m\\u{202e}');
  });

  it('CSV quotes per RFC 4180 and neutralises formulas', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-rf')).toBe("'-rf");
    expect(csvCell('@cmd')).toBe("'@cmd");
    // A leading TAB or CR never survives: it becomes a visible escape, which is inert.
    expect(csvCell('\tx')).toBe('\\tx');
    expect(csvCell('\r=x')).toBe('\\r=x');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('\uff1dcmd')).toBe("'\uff1dcmd");
    // `;`, another locale's cell separator, is shown escaped; a formula after blanks is guarded too (s44q).
    expect(csvCell('x;=1+1')).toBe('x\\x3b=1+1');
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell(12)).toBe('12');
    const text = renderBlame(report(), 'csv', 'file');
    expect(text).not.toMatch(CONTROL);
    const rows = text.split('\r\n');
    expect(rows[0]).toBe(`path,lines,ai,human,ai_share,anthropic/claude-opus-4.6,"'evil\\x1b]8;;http://x\\x07m\\u{202e}",qwen/qwen3-coder`.replace(`"'evil\\x1b]8;;http://x\\x07m\\u{202e}"`, 'evil\\x1b]8\\x3b\\x3bhttp://x\\x07m\\u{202e}'));
    expect(rows).toContain("'=1+1|`x`<b>\\n\\x1b[2J.txt,2,1,1,0.5,0,1,0");
    expect(renderBlame(report(), 'csv', 'model').split('\r\n')[1]).toBe('anthropic/claude-opus-4.6,9,0.3913');
  });

  it('Markdown escapes table breaks, code spans, HTML and mentions', () => {
    expect(markdownName('a|b`c<d>&e*_[x](y) @team')).toBe('<code>a\\|b\\`c&lt;d&gt;&amp;e\\*\\_\\[x\\]\\(y\\) \\@team</code>');
    const text = renderBlame(report(), 'markdown', 'file');
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('**43.5%** of 23 lines are AI-authored (10 AI, 13 human) in 4 files.');
    expect(text).toContain('| <code>\\=1\\+1\\|\\`x\\`&lt;b&gt;\\\\n\\\\x1b\\[2J\\.txt</code> | 2 | 1 | 1 | 50.0% |');
    for (const row of text.split('\n').filter((l) => l.startsWith('| <code>src'))) expect(row.split(/(?<!\\)\|/).length).toBe(8);
    expect(text).toContain('#### By model');
  });

  it('says so when nothing is left to report', () => {
    const empty: BlameReport = { rev: 'a'.repeat(40), since: 'b'.repeat(40), totals: sumReports([]), files: [] };
    expect(renderBlame(empty, 'table', 'file')).toMatch(/^No lines to report/);
    expect(JSON.parse(renderBlame(empty, 'json', 'file')).totals).toEqual({ lines: 0, ai: 0, human: 0, byModel: {}, byAgent: {}, lineLevel: 0 });
  });
});
