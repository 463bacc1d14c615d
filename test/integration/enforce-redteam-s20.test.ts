// Red team, session 20: what row 199 left unread. A Markdown table row of three cells or more
// whose first cell is a key (`| Assisted-by | claude-code | qwen/qwen3-coder |`, a column of
// notes beside the model), and a declaration whose value goes on past the readers' line limit
// (`Assisted-by: x, x, …, qwen-code:qwen/qwen3-coder` on one line of 90,000 characters; a table row of
// 30,000 cells). A real bare server running the pre-receive hook (real pushes, --no-verify) and
// `aitrail check`. Every case passed under deny qwen/* before its fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, expectEachPasses, expectEachRefused, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { detectAtCommitTime } from '../../src/core/detect.js';

const QWEN = 'qwen-code:qwen/qwen3-coder';
const DENY = 'policy:\n  deny: ["qwen/*"]\n';

const models = (message: string) =>
  detectAtCommitTime(message, { env: {}, author: { name: 'A', email: 'a@example.com' }, commentChar: '#' }, { detect: {}, trailerKey: 'Assisted-by' }).map((found) => found.model);

describe('a table row of three cells or more whose first cell is a key', () => {
  it('each value cell reads as the key\'s value (the agent and the model in columns, a column of notes, an empty cell, rows without pipes under a rule): refused by check and at pre-receive; a person\'s tables pass', () => {
    const { remote, work } = policyServer(DENY);
    const table = (header: string, rule: string, row: string) => `feat: parser\n\nRewritten.\n\n${header}\n${rule}\n${row}\n`;
    const cases: Record<string, string> = {
      'a column of notes': `feat: parser\n\n| Assisted-by | ${QWEN} | the parser |\n`,
      'agent and model in columns': '| Assisted-by | claude-code | qwen/qwen3-coder |',
      'bold key, a note': '| **Assisted-by** | qwen3-coder | all of it |',
      'a model key and its size': '| AI-Model | Qwen3-Coder | 480B |',
      'a co-author and an empty cell': '| Co-authored-by | aider (qwen/qwen3-coder) <aider@aider.chat> | |',
      'an empty third cell': `| Assisted-by | ${QWEN} | |`,
      'the model in the fourth cell': '| Assisted-by | claude-code | the parser | qwen/qwen3-coder |',
      // A side note does not take back what the key's cell declares, as on a trailer line (`Assisted-by: … (not used)`).
      'a note that it was not used': `| Assisted-by | ${QWEN} | not used |`,
    };
    for (const [name, row] of Object.entries(cases)) if (row.startsWith('|')) cases[name] = table('| Field | Value | Notes |', '| --- | --- | --- |', row);
    cases['rows without pipes under a rule'] = `feat: parser\n\nField | Value | Notes\n--- | --- | ---\nReviewed-by | Jane | review\nAssisted-by | ${QWEN} | the parser\n`;
    expectEachRefused(remote, work, cases, (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
    // A person's tables: a model in a column under a first cell that is no key, settings, a header row of keys, a key's description.
    expectEachPasses(work, [
      'docs: models\n\n| Model | qwen3-coder | supported |\n',
      'docs: keys\n\n| Assisted-by | Generated-by | Co-authored-by |\n| --- | --- | --- |\n| yes | no | maybe |\n',
      'docs: review\n\n| Co-authored-by | Jane Doe <jane@example.org> | reviewer |\n',
      'docs: options\n\n| Option | Default | Description |\n| --- | --- | --- |\n| model | qwen3-coder | the model to use |\n',
      'docs: providers\n\n| Provider | Model | Context |\n|---|---|---|\n| Qwen | qwen3-coder | 256k |\n| Anthropic | claude-opus-4.6 | 1M |\n',
      `docs: trailers\n\n| Key | Description |\n| --- | --- |\n| Assisted-by | the model that helped, e.g. ${QWEN} |\n`,
    ]);
  });
});

describe('a declaration whose value goes on past the readers\' line limit', () => {
  it('a body line of 90,000 characters, or a table row of 30,000 cells, naming the denied model past the cut: unread, refused by check and at pre-receive; a person\'s long line passes', () => {
    const { remote, work } = policyServer(DENY);
    expectEachRefused(remote, work, {
      'a body line': `feat: parser\n\nRewritten.\n\nAssisted-by: ${'x, '.repeat(30_000)}${QWEN}\n\nThanks.\n`,
      'a table row': `feat: parser\n\nRewritten.\n\n| Assisted-by |${' x |'.repeat(30_000)} ${QWEN} |\n`,
      'a bold key': `feat: parser\n\n**Assisted-by:** ${'x, '.repeat(30_000)}${QWEN}\n`,
    });
    // A pasted line of a log as long, naming a model but no key, footer or signature: read as far as the readers read, and passed.
    work.git(['checkout', '-q', '-b', 'long-log', 'main']);
    commitCase(work, 'long-log', `fix: parser\n\nThe failing input:\n\n${'token '.repeat(15_000)}qwen3-coder\n`);
    const check = aitrail(work.dir, ['check', 'main..long-log'], { timeout: 60_000 });
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'long-log']);
    expect(push.code, push.stderr).toBe(0);
  });

  it('at commit time too (the hooks\' reading): unread, and linear in 200,000 cells', () => {
    expect(models(`feat: x\n\n| Assisted-by |${' x |'.repeat(30_000)} ${QWEN} |\n`)).toContain('unknown');
    expect(models(`feat: x\n\nAssisted-by: ${'x, '.repeat(30_000)}${QWEN}\n`)).toContain('unknown');
    // Cells within the limit: each read; past it, unread (a hang guard: the test's timeout).
    expect(models(`feat: x\n\n| Assisted-by |${' x |'.repeat(1_000)} ${QWEN} |\n`)).toContain('qwen/qwen3-coder');
    expect(models(`feat: x\n\n| Assisted-by |${' claude-code |'.repeat(200_000)} ${QWEN} |\n`)).toContain('unknown');
  });
});
