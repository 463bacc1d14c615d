import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectAtCommitTime, detectCommit, parseDeclaredValue } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };

function detect(message: string, author: Identity = human, committer: Identity = author, options = {}) {
  return detectCommit(commitSignals({ message, author, committer }), options).map((a) => `${a.agent}:${a.model}`);
}

describe('detectCommit: real agent signatures', () => {
  it.each([
    ['Claude Code display-name co-author', 'feat: add x\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.6']],
    ['Claude Code older co-author', 'fix: y\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', ['claude-code:unknown']],
    ['Claude Sonnet co-author', 'x\n\nCo-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-sonnet-4.5']],
    ['aider co-author with LiteLLM model', 'fix\n\nCo-authored-by: aider (openrouter/qwen/qwen3-coder) <aider@aider.chat>\n', ['aider:qwen/qwen3-coder']],
    ['aider co-author with dated model', 'fix\n\nCo-authored-by: aider (anthropic/claude-sonnet-4-20250514) <noreply@aider.chat>\n', ['aider:anthropic/claude-sonnet-4']],
    ['Copilot co-author', 'x\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\n', ['copilot:unknown']],
    ['Cursor co-author', 'x\n\nCo-authored-by: Cursor <cursoragent@cursor.com>\n', ['cursor:unknown']],
    ['Cursor Made-with', 'x\n\nMade-with: Cursor\n', ['cursor:unknown']],
    ['Codex co-author', 'x\n\nCo-authored-by: Codex <noreply@openai.com>\n', ['codex:unknown']],
    ['Qwen Code co-author', 'x\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', ['qwen-code:qwen/qwen3-coder']],
    ['Amp co-author', 'x\n\nCo-authored-by: Amp <amp@ampcode.com>\n', ['amp:unknown']],
    ['opencode co-author', 'x\n\nCo-authored-by: opencode <noreply@opencode.ai>\n', ['opencode:unknown']],
    ['our own trailer', 'x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', ['claude-code:anthropic/claude-opus-4.6']],
    ['kernel-style Assisted-by with tools', 'x\n\nSigned-off-by: A U Thor <a@example.org>\nAssisted-by: Claude:claude-3-opus coccinelle sparse\n', ['claude-code:anthropic/claude-3-opus']],
    ['Generated-by ASF style', 'x\n\nGenerated-by: GitHub Copilot\n', ['copilot:unknown']],
    ['AI-Model and AI-Agent', 'x\n\nAI-Agent: Gemini CLI\nAI-Model: gemini-2.5-pro\n', ['gemini-cli:google/gemini-2.5-pro']],
    ['two models in one commit', 'x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\nAssisted-by: aider:qwen/qwen3-coder\n', ['claude-code:anthropic/claude-opus-4.6', 'aider:qwen/qwen3-coder']],
  ])('%s', (_name, message, expected) => {
    expect(detect(message)).toEqual(expected);
  });

  it('aider author suffix and subject prefix', () => {
    expect(detect('aider: fix the parser\n', { name: 'Jane Doe (aider)', email: 'jane@example.com' })).toEqual(['aider:unknown']);
    expect(detect('aider: fix the parser\n')).toEqual(['aider:unknown']);
  });

  it.each([
    ['copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com', 'copilot'],
    ['devin-ai-integration[bot]', '158243242+devin-ai-integration[bot]@users.noreply.github.com', 'devin'],
    ['google-labs-jules[bot]', '161369871+google-labs-jules[bot]@users.noreply.github.com', 'jules'],
    ['claude[bot]', '209825114+claude[bot]@users.noreply.github.com', 'claude-code'],
    ['chatgpt-codex-connector[bot]', '199175422+chatgpt-codex-connector[bot]@users.noreply.github.com', 'codex'],
  ])('bot author %s', (name, email, agent) => {
    expect(detect('Initial plan\n', { name, email })).toEqual([`${agent}:unknown`]);
  });

  it('the evidence names the signal', () => {
    const [attribution] = detectCommit(commitSignals({ message: 'x\n\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n', author: human, committer: human }));
    expect(attribution?.evidence).toEqual(['trailer Co-Authored-By: "Claude Opus 4.6 <noreply@anthropic.com>"']);
    expect(attribution?.declared).toBe(false);
  });
});

describe('detectCommit: humans stay human', () => {
  it.each([
    ['plain commit', 'fix: typo\n\nA body.\n'],
    ['human co-author', 'x\n\nCo-authored-by: Jane Roe <jane.roe@example.org>\n'],
    ['human Assisted-by helper', 'x\n\nAssisted-by: Bob Smith <bob@example.org>\n'],
    ['a human named Claude', 'x\n\nCo-authored-by: Claude Dupont <claude@dupont.fr>\n'],
    ['a human named Claude, first name only', 'x\n\nCo-authored-by: Claude <claude@dupont.fr>\n'],
    ['a human named Devin', 'x\n\nCo-authored-by: Devin <devin@example.com>\n'],
    ['prose mentioning a trailer', 'x\n\nWe should add Co-authored-by: Claude <noreply@anthropic.com> to\nthe template someday.\n'],
    ['trailer-looking line not in the last paragraph', 'x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n\nA final paragraph of prose.\n'],
    ['Signed-off-by only', 'x\n\nSigned-off-by: Jane Doe <jane@example.com>\n'],
    ['Reviewed-by a model name is not authorship', 'x\n\nReviewed-by: Jane Doe <jane@example.com>\n'],
  ])('%s', (_name, message) => {
    expect(detect(message)).toEqual([]);
  });

  it('GitHub web-flow committer is not an agent', () => {
    expect(detect('Merge pull request #1\n', human, { name: 'GitHub', email: 'noreply@github.com' })).toEqual([]);
  });
});

describe('detect.rules and aliases from config', () => {
  it('matches author names and trailers with $1 substitution', () => {
    const options = {
      detect: {
        rules: [
          { field: 'authorName' as const, pattern: '\\(bot\\)$', agent: 'acme-bot', model: 'acme/coder-2' },
          { field: 'trailer' as const, key: 'Co-authored-by', pattern: '^acme-ai \\((.+)\\)', agent: 'acme-ai', model: '$1' },
        ],
        aliases: { 'internal-llm': 'acme/internal-llm-2' },
      },
    };
    expect(detect('x\n', { name: 'Build (bot)', email: 'b@acme.test' }, undefined, options)).toEqual(['acme-bot:acme/coder-2']);
    expect(detect('x\n\nCo-authored-by: acme-ai (internal-llm) <ai@acme.test>\n', human, human, options)).toEqual(['acme-ai:acme/internal-llm-2']);
  });

  it('ignores a rule whose regex does not compile instead of throwing', () => {
    expect(detect('x\n', human, human, { detect: { rules: [{ field: 'subject', pattern: '(' }] } })).toEqual([]);
  });
});

describe('parseDeclaredValue', () => {
  it.each([
    ['claude-code:anthropic/claude-opus-4.6', { agent: 'claude-code', model: 'anthropic/claude-opus-4.6' }],
    ['unknown:openai/gpt-5', { agent: 'unknown', model: 'openai/gpt-5' }],
    ['cursor:unknown', { agent: 'cursor', model: 'unknown' }],
    ['Claude Code (claude-opus-4)', { agent: 'claude-code', model: 'anthropic/claude-opus-4' }],
    ['Claude Opus 4.6', { agent: 'unknown', model: 'anthropic/claude-opus-4.6' }],
    ['Jane Doe <jane@example.com>', null],
    ['', null],
    ['just some words', null],
  ])('%s', (value, expected) => {
    expect(parseDeclaredValue(value)).toEqual(expected);
  });
});

describe('detectAtCommitTime', () => {
  it('Claude Code environment with its model variable', () => {
    const result = detectAtCommitTime('msg\n', { env: { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6' } });
    expect(result.map((a) => `${a.agent}:${a.model}`)).toEqual(['claude-code:anthropic/claude-opus-4.6']);
  });

  it('AITRAIL_MODEL wins over the agent environment model, keeping the agent', () => {
    const result = detectAtCommitTime('msg\n', { env: { AITRAIL_MODEL: 'qwen3-coder', CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6' } });
    expect(result.map((a) => `${a.agent}:${a.model}`)).toEqual(['claude-code:qwen/qwen3-coder']);
  });

  it('session model applies until it expires', () => {
    const session = { model: 'gpt-5', agent: 'codex', setAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-01T01:00:00Z' };
    const during = detectAtCommitTime('m\n', { env: {}, session, now: new Date('2026-01-01T00:30:00Z') });
    const after = detectAtCommitTime('m\n', { env: {}, session, now: new Date('2026-01-01T02:00:00Z') });
    expect(during.map((a) => `${a.agent}:${a.model}`)).toEqual(['codex:openai/gpt-5']);
    expect(after).toEqual([]);
  });

  it('co-author lines in the message and an aider author name', () => {
    const message = 'fix\n\nCo-authored-by: aider (gemini/gemini-2.5-pro) <aider@aider.chat>\n# Please enter the commit message\n';
    const result = detectAtCommitTime(message, { env: {}, author: { name: 'Jane (aider)', email: 'jane@example.com' } });
    expect(result.map((a) => `${a.agent}:${a.model}`)).toEqual(['aider:google/gemini-2.5-pro']);
  });

  it('generic AGENT variable only counts when it names a known agent', () => {
    expect(detectAtCommitTime('m\n', { env: { AGENT: 'amp' } }).map((a) => a.agent)).toEqual(['amp']);
    expect(detectAtCommitTime('m\n', { env: { AGENT: 'jenkins-7' } })).toEqual([]);
  });

  it('a human with no markers gets nothing', () => {
    expect(detectAtCommitTime('msg\n\nSigned-off-by: Jane <j@example.com>\n', { env: { CURSOR_TRACE_ID: 'abc', TERM_PROGRAM: 'vscode' } })).toEqual([]);
  });

  it('comment lines are not signals', () => {
    expect(detectAtCommitTime('msg\n# Co-authored-by: Claude <noreply@anthropic.com>\n', { env: {} })).toEqual([]);
  });
});
