// Session 51 helper f (row 986): the kernel's `Assisted-by: AGENT:MODEL [TOOL]` with Kiro's chat
// as its tool. Yunseong Kim's kcov selftest series writes `Assisted-by: Claude:claude-opus-4-6
// [kiro-chat]` (attribution corpus s51f-kernel-kcov-claude-tool-kiro-chat): `[kiro]` and `[Kiro IDE]`
// read Kiro, `[kiro-chat]` named no agent, so `log` and `blame` reported Claude Code alone for a
// commit Kiro's chat made. This test failed before its fix (signatures.json: `kiro chat`,
// `kiro-chat` among Kiro's names). An analysis tool in the slot still names no agent.
import { describe, it } from 'vitest';
import { expectLog } from '../helpers/log-cases.js';

describe("Kiro's chat as the kernel trailer's [TOOL] (row 986)", () => {
  it('log reads Kiro beside the trailer\'s agent and model, as [kiro] reads it', () => {
    expectLog([
      ['selftests: a\n\nAssisted-by: Claude:claude-opus-4-6 [kiro-chat]\n', ['claude-code:anthropic/claude-opus-4.6', 'kiro:unknown']],
      ['selftests: b\n\nAssisted-by: Claude:claude-opus-4-6 [Kiro Chat]\n', ['claude-code:anthropic/claude-opus-4.6', 'kiro:unknown']],
      // As the tool's own name reads it.
      ['selftests: k\n\nAssisted-by: Claude:claude-opus-4-6 [kiro]\n', ['claude-code:anthropic/claude-opus-4.6', 'kiro:unknown']],
      ['selftests: c\n\nAssisted-by: Claude:claude-opus-4-6 [coccinelle]\n', ['claude-code:anthropic/claude-opus-4.6']],
    ]);
  }, 120_000);
});
