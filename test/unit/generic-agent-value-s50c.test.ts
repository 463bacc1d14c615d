import { afterEach, describe, expect, it, vi } from 'vitest';
import { GENERIC_VERSION, genericAgentValue } from '../../src/core/detect/env-findings.js';

// Session 50 (c), the speed of an AI commit's hooks (issue 12 item 2): every AI commit's hook reads
// each generic agent variable (AI_AGENT, AGENT…), set or not, through genericAgentValue, whose
// expression (`i`, a lookbehind, `\w`) V8 compiled on its first run, ICU's case tables with it:
// ~0.15 ms of each run, though a value without `@` has no version to drop. It now runs only on a value holding `@`.

const VALUES = [
  '',
  '   ',
  'claude-code',
  ' cursor-cli ',
  'github_copilot_vscode_agent',
  'github_copilot_vscode_agent@1.2',
  'cursor-cli@1.2',
  'devin@v2',
  'DEVIN@V2',
  'amp@example.com',
  '@1.2',
  ' @v3 ',
  'kimi@',
  'a@1@2',
  'x @1.2',
  'qwen-code@0.0.14-nightly.2+build',
  `agent@1${'.1'.repeat(30)}`,
  'agent\u00a0@1.2\u2003',
  'k\u212aimi@1',
  'ſ@1',
  'tab\t@2',
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('genericAgentValue runs its expression only on a value holding `@` (session 50 c: speed only)', () => {
  it('reads every value as the expression alone reads it', () => {
    for (const value of VALUES) expect(genericAgentValue(value), JSON.stringify(value)).toBe(value.trim().replace(GENERIC_VERSION, ''));
  });

  it('runs no expression for a value without `@` (unset, empty, an agent name)', () => {
    const replace = vi.spyOn(RegExp.prototype, Symbol.replace);
    for (const value of ['', '  ', 'claude-code', 'github_copilot_vscode_agent', 'kimi']) expect(genericAgentValue(value)).toBe(value.trim());
    expect(replace).not.toHaveBeenCalled();
    expect(genericAgentValue('cursor-cli@1.2')).toBe('cursor-cli');
    expect(replace).toHaveBeenCalled();
  });
});
