// Declared values still read as another model than the one named, or as a model where none was:
// `Opus codec` and `Haiku Jam tool` were Claude models (a tier's short name, then ordinary words),
// `ChatGPT 5` was `openai/chatgpt-5` (no such model: the app's name before GPT-5), `Jane Doe, step 3`
// was StepFun's, and `Claude Sonnet 4.5 refactor` at Anthropic's address was a new model
// `anthropic/claude-sonnet-4.5-refactor` (past a deny of `anthropic/claude-sonnet-4.5`).
import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };
function detect(message: string): string[] {
  return detectCommit(commitSignals({ message, author: human, committer: human })).map((a) => `${a.agent}:${a.model}`);
}
const declared = (value: string, key = 'Assisted-by') => detect(`x\n\n${key}: ${value}\n`);

describe("a tier's short name then ordinary words names another thing", () => {
  it.each([
    // Opus is an audio codec, Haiku a tool's name: no Claude model (the declared key still says AI).
    ['Assisted-by', 'Opus codec', 'unknown:unknown'],
    ['Generated-by', 'Haiku Jam tool', 'unknown:unknown'],
    ['Assisted-by', 'Sonnet helper', 'unknown:unknown'],
    // Still the model: with the family's word, a version, alone, in a note, or joined to what it ran in.
    ['Assisted-by', 'Claude Opus 4.6', 'unknown:anthropic/claude-opus-4.6'],
    ['Assisted-by', 'Opus 4.6', 'unknown:anthropic/claude-opus-4.6'],
    ['Assisted-by', 'Opus', 'unknown:anthropic/claude-opus'],
    ['Assisted-by', 'Claude Opus helper', 'unknown:anthropic/claude-opus'],
    ['Assisted-by', 'Opus via Claude Code', 'claude-code:anthropic/claude-opus'],
    ['Assisted-by', 'Opus for tests', 'unknown:anthropic/claude-opus'],
    ['Assisted-by', 'claude-code:opus grep', 'claude-code:anthropic/claude-opus'],
  ])('%s: %s → %s', (key, value, expected) => {
    expect(declared(value, key)).toEqual([expected]);
  });
});

describe("ChatGPT's name before a GPT version is that GPT", () => {
  it.each([
    ['ChatGPT 5', 'unknown:openai/gpt-5'],
    ['chatgpt5', 'unknown:openai/gpt-5'],
    ['ChatGPT 4.1', 'unknown:openai/gpt-4.1'],
    // OpenAI's own `chatgpt-4o-latest` is a model of its own, and stays.
    ['ChatGPT-4o', 'unknown:openai/chatgpt-4o'],
    ['chatgpt-4o-latest', 'unknown:openai/chatgpt-4o'],
  ])('Assisted-by: %s → %s', (value, expected) => {
    expect(declared(value)).toEqual([expected]);
  });
});

describe("a trailing `+` (`4.5+`, 'or later') names the same model", () => {
  it.each([
    ['Claude 4.5+', 'unknown:anthropic/claude-4.5'],
    ['Claude Sonnet 4.5+', 'unknown:anthropic/claude-sonnet-4.5'],
  ])('Assisted-by: %s → %s', (value, expected) => {
    expect(declared(value)).toEqual([expected]);
    expect(declared(value.replace(/\+$/, ''))).toEqual([expected]);
  });
});

describe("a person's step of a plan is no StepFun model", () => {
  it.each([
    ['Jane Doe, step 3', 'unknown:unknown'],
    ['step 3, Jane Doe', 'unknown:unknown'],
    // Alone or beside an agent that names no maker, `step 3` is still StepFun's (row 371).
    ['step 3', 'unknown:stepfun-ai/step3'],
    ['opencode, step 3', 'opencode:stepfun-ai/step3'],
  ])('Assisted-by: %s → %s', (value, expected) => {
    expect(declared(value)).toEqual([expected]);
  });
});

describe("an agent's co-author line: a listed model then a word is that model", () => {
  it.each([
    ['Claude Sonnet 4.5 refactor <noreply@anthropic.com>', 'claude-code:anthropic/claude-sonnet-4.5'],
    ['Claude Sonnet 4.5 <noreply@anthropic.com>', 'claude-code:anthropic/claude-sonnet-4.5'],
    // A model the catalog does not list keeps its variant word.
    ['Claude Fable 5 Extra <noreply@anthropic.com>', 'claude-code:anthropic/claude-fable-5-extra'],
  ])('Co-authored-by: %s → %s', (value, expected) => {
    expect(detect(`x\n\nCo-authored-by: ${value}\n`)).toEqual([expected]);
  });
});
