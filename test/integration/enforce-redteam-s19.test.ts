// Red team, session 19: a declaration in a Markdown table (a pull request's description kept by a
// squash merge: `| Assisted-by | qwen-code:qwen/qwen3-coder |` shows a key beside its value). A
// real bare server running the pre-receive hook (real pushes, --no-verify) and `aitrail check`.
// The test failed before its fix: every row passed under deny qwen/*.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { detectAtCommitTime } from '../../src/core/detect.js';
import { markdownKeyTexts } from '../../src/core/detect/commit.js';

const QWEN = 'qwen-code:qwen/qwen3-coder';

describe('a declaration in a Markdown table', () => {
  it('| Assisted-by | … |, with the key in bold or code, a colon, no closing pipe, rows without pipes under a delimiter row, a co-author or a model key: refused by check and at pre-receive; tables of a person\'s words pass', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const rows: Record<string, string> = {
      row: `| Assisted-by | ${QWEN} |`,
      'bold key': `| **Assisted-by** | ${QWEN} |`,
      'code key': `| \`Assisted-by\` | ${QWEN} |`,
      'key with a colon': `| Assisted-by: | ${QWEN} |`,
      'no closing pipe': `|Assisted-by|${QWEN}`,
      'co-author': '| Co-authored-by | aider (qwen/qwen3-coder) <aider@aider.chat> |',
      'model key': '| AI-Model | qwen3-coder |',
      'bold value': `| Assisted-by | **${QWEN}** |`,
    };
    const table = (row: string) => `feat: parser\n\nRewritten.\n\n| Key | Value |\n| --- | --- |\n${row}\n`;
    const cases = Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, table(row)]));
    // A row alone, without the header a rendered table needs: a person still reads a key and its value.
    cases['row alone'] = `feat: parser\n\n| Assisted-by | ${QWEN} |\n`;
    // Rows without their pipes at the ends, under a delimiter row: GitHub shows them as a table.
    cases['rows without pipes'] = `feat: parser\n\nKey | Value\n--- | ---\nReviewed-by | Jane\nAssisted-by | ${QWEN}\n`;
    cases['aligned rule'] = `feat: parser\n\n|Key|Value|\n|:---|---:|\n**Assisted-by** | ${QWEN}\n`;
    // Under a rule, a line that is no row is still read as Markdown shows it (row 197).
    cases['bold key under a rule'] = `feat: parser\n\nKey | Value\n--- | ---\n**Assisted-by:** ${QWEN} | x\n`;
    // In the last paragraph, `Assisted-by | …` is Qwen's trailer to a git whose trailer.separators holds `|` (row 472).
    cases['a pipe as git may read it'] = `docs: pipes\n\n--- | ---\n\nAssisted-by | ${QWEN}\n`;
    expectEachRefused(remote, work, cases, (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
    // A person's tables: a changelog of models, a settings table, a header row of keys. (Rows of
    // three cells and more: test/integration/enforce-redteam-s20.test.ts.)
    const prose = [
      'docs: models\n\n| Model | Vendor |\n| --- | --- |\n| qwen3-coder | Alibaba |\n',
      'docs: changelog\n\n| AI-Model | add qwen3-coder to the list of supported models |\n',
      'docs: keys\n\n| Assisted-by | Co-authored-by |\n| --- | --- |\n',
      // Without a delimiter row above it in its paragraph, a line with a pipe is no table row (and,
      // followed by a paragraph, in no trailer block under any trailer.separators).
      `docs: pipes\n\n--- | ---\n\nAssisted-by | ${QWEN}\n\nThe row above is prose.\n`,
    ];
    expectEachPasses(work, prose);
  });

  it('markdownKeyTexts reads a row whose first cell is a key, one text a value cell, and no other row', () => {
    expect(markdownKeyTexts('| Assisted-by | x |')).toEqual(['Assisted-by: x']);
    expect(markdownKeyTexts('|**Assisted-by:**|x')).toEqual(['Assisted-by: x']);
    expect(markdownKeyTexts('| Assisted-by | a \\| b |')).toEqual(['Assisted-by: a | b']);
    expect(markdownKeyTexts('| --- | --- |')).toEqual([]);
    expect(markdownKeyTexts('| Assisted-by | x | y |')).toEqual(['Assisted-by: x', 'Assisted-by: y']);
    expect(markdownKeyTexts('| Assisted-by |  |')).toEqual([]);
    // Words are no key in a cell (the shims look for a key written as words only before a colon).
    expect(markdownKeyTexts('| Assisted by | x |')).toEqual([]);
    // Linear (a hang guard: the test's timeout): long cells and runs of spaces and pipes.
    expect(markdownKeyTexts(`| Assisted-by | ${' '.repeat(200_000)}x${' '.repeat(200_000)}|`)).toEqual(['Assisted-by: x']);
    expect(markdownKeyTexts(`|${' |'.repeat(200_000)}`)).toEqual([]);
    expect(markdownKeyTexts(`| ${'*'.repeat(200_000)} | x |`)).toEqual([]);
    // Rows under a delimiter row: thousands of rules with runs of spaces, and of rows, read in linear time.
    const models = (message: string) => detectAtCommitTime(message, { env: {}, author: { name: 'A', email: 'a@example.com' }, commentChar: '#' }, { detect: {}, trailerKey: 'Assisted-by' }).map((found) => found.model);
    const almost = [`--- | ---${' '.repeat(1000)}x`, `${' '.repeat(1010)}x`, `---|${'-'.repeat(1000)}x`, `---${' |---'.repeat(250)}x`];
    const rules = Array.from({ length: 12_000 }, (_, at) => `${almost[at % almost.length]}\n`).join('');
    expect(models(`feat: x\n\n${rules}--- | ---\n${'Reviewed-by | Jane\n'.repeat(5000)}Assisted-by | ${QWEN}\n`)).toContain('qwen/qwen3-coder');
    expect(models(`feat: x\n\n--- | ---\n${'a | b\n'.repeat(20_000)}`)).toEqual([]);
  });
});
