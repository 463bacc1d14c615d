import { describe, expect, test } from 'vitest';
import { agentOfTool, modelOfNote, noteAttribution } from '../../../src/core/notes/note-attribution.js';

describe('git-ai tools → agent slugs', () => {
  test.each([
    ['claude', 'claude-code'],
    ['claude-web', 'claude-code'],
    ['codex', 'codex'],
    ['codex-cloud', 'codex'],
    ['cursor', 'cursor'],
    ['cursor-agent', 'cursor'],
    ['cursor-background', 'cursor'],
    ['opencode', 'opencode'],
    ['devin', 'devin'],
    ['amp', 'amp'],
    ['gemini', 'gemini-cli'],
    ['github-copilot', 'copilot'],
    ['github-copilot-agent', 'copilot'],
    ['windsurf', 'windsurf'],
    ['continue-cli', 'continue'],
    ['droid', 'factory-droid'],
    ['roo-background', 'roo-code'],
    ['kilo', 'kilo-code'],
    ['cline', 'cline'],
    ['junie', 'junie'],
    ['pi', 'pi'],
    ['firebender', 'firebender'],
    ['Claude', 'claude-code'],
    ['ｃｌａｕｄｅ', 'claude-code'],
    ['cla\u200bude', 'claude-code'],
    ['Acme Bot!', 'acme-bot'],
    ['', 'unknown'],
    ['\u0000\u0001', 'unknown'],
    [null, 'unknown'],
    ['x'.repeat(201), 'unknown'],
  ])('%j → %s', (tool, slug) => {
    expect(agentOfTool(tool)).toBe(slug);
  });
});

describe('models as agents report them → canonical ids', () => {
  test.each([
    ['claude-opus-4-6', 'anthropic/claude-opus-4.6'],
    ['claude-4.5-sonnet-thinking', 'anthropic/claude-sonnet-4.5'],
    ['claude-opus-4-5-20251101', 'anthropic/claude-opus-4.5'],
    ['claude-sonnet-4-5-20250514', 'anthropic/claude-sonnet-4.5'],
    ['claude-4.5-opus-high-thinking', 'anthropic/claude-opus-4.5'],
    ['claude-4.5-opus-high', 'anthropic/claude-opus-4.5'],
    ['claude-4.6-opus-max', 'anthropic/claude-opus-4.6'],
    ['claude-opus-4-6[1m]', 'anthropic/claude-opus-4.6'],
    ['gpt-5.3-codex', 'openai/gpt-5.3-codex'],
    ['gpt-5.1-codex-max', 'openai/gpt-5.1-codex-max'],
    ['gpt-5.1-codex-max-xhigh', 'openai/gpt-5.1-codex-max'],
    ['gpt-5.2-codex-high', 'openai/gpt-5.2-codex'],
    ['gpt-5-high-fast', 'openai/gpt-5'],
    ['o3-mini-high', 'openai/o3-mini'],
    ['gemini-2.5-pro', 'google/gemini-2.5-pro'],
    ['kimi-k2-thinking', 'moonshotai/kimi-k2-thinking'],
    ['composer-1', 'cursor/composer-1'],
    ['grok-code-fast-1', 'x-ai/grok-code-fast-1'],
    ['default', 'unknown'],
    ['auto', 'unknown'],
    ['unknown', 'unknown'],
    ['legacy-human-checkpoint', 'unknown'],
    ['', 'unknown'],
    [null, 'unknown'],
    ['claude\u202eopus', 'unknown'],
    ['x'.repeat(201), 'unknown'],
  ])('%j → %s', (model, id) => {
    expect(modelOfNote(model)).toBe(id);
  });

  test('config aliases apply', () => {
    expect(modelOfNote('internal-llm', { 'internal-llm': 'acme/internal-llm-2' })).toBe('acme/internal-llm-2');
  });

  test('a missing record is an unknown agent with an unknown model', () => {
    expect(noteAttribution(undefined)).toEqual({ agent: 'unknown', model: 'unknown' });
    expect(noteAttribution({ tool: 'codex', model: 'gpt-5.3-codex' })).toEqual({ agent: 'codex', model: 'openai/gpt-5.3-codex' });
  });
});
