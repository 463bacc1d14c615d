// A project's AI policy prints a template for the commit's co-author line (the Met Office's
// `Co-authored-by: [Tool Name] ([Model/Version])`, beside `Assisted-by: [Tool Name] ([Model/Version])`)
// and tells its readers to fill it in; copied as it stands, as a trailer or as a list item (a squash
// merge of a description, row 596's nested item), it names no tool: `[Model/Version]` was read as the model `model/version`.
import { describe, it } from 'vitest';
import { type Case, expectLog } from '../helpers/log-cases.js';

const CASES: Case[] = [
  ['Refactor spatial interpolation routines\n\nCo-authored-by: [Tool Name] ([Model/Version])\n', []],
  ['Refactor spatial interpolation routines\n\n- Co-authored-by: [Tool Name] ([Model/Version])\n  - Assisted-by: [Tool Name] ([Model/Version])\n', []],
  ['Refactor spatial interpolation routines\n\n- [x] AI used\n  - Co-authored-by: [Tool Name] ([Model/Version])\n', []],
  ['Refactor spatial interpolation routines\n\nCo-authored-by: <tool> (<model>)\n', []],
  // Filled in, or a name beside the placeholder: read as before.
  ['Refactor spatial interpolation routines\n\nCo-authored-by: [Tool Name] (qwen3-coder)\n', ['unknown:qwen/qwen3-coder']],
  ['Refactor spatial interpolation routines\n\nCo-authored-by: Claude Code (claude-opus-4)\n', ['claude-code:anthropic/claude-opus-4']],
  ['Refactor spatial interpolation routines\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', ['qwen-code:qwen/unknown']],
];

describe("a policy's co-author template copied as it stands", () => {
  it('log reads it as nothing declared, a filled one as before', () => {
    expectLog(CASES);
  });
});
