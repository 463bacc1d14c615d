// Disclosures written the way projects' published conventions prescribe them (the kernel's
// `AGENT_NAME:MODEL_VERSION [TOOL1] [TOOL2]`, Fedora's `Assisted-by: ChatGPTv5` and its
// `<name of AI tool>` placeholder), on real commits: `aitrail log`, `aitrail check` under a policy,
// and the commit-msg hook `aitrail init` installs.
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

/**
 * The kernel's MODEL_VERSION is one word and the tools follow it; a tool, architecture or release
 * word with a digit in it (`b4`, the kernel's patch tool; `0day`; `addr2line`; `x86_64`; `v6.18`)
 * was read as more of the model's name (`anthropic/claude-opus-4.7-b4`), a model no vendor
 * published, so a deny of the model passed the commit and an allow of it refused the commit.
 */
const KERNEL: Case[] = [
  ['net: fix the refcount\n\nAssisted-by: Claude:claude-opus-4-7 b4 smatch\nSigned-off-by: Jane Doe <jane@example.com>\n', ['claude-code:anthropic/claude-opus-4.7']],
  ['mm: fix the leak\n\nAssisted-by: Claude:claude-opus-4-7 sparse 0day v6.18\nSigned-off-by: Jane Doe <jane@example.com>\n', ['claude-code:anthropic/claude-opus-4.7']],
  ['cifs: check the ACE\n\nAssisted-by: Codex:gpt-5-4 decode_stacktrace.sh addr2line\nSigned-off-by: Jane Doe <jane@example.com>\n', ['codex:openai/gpt-5.4']],
  ['crypto: ccp - fix the shutdown\n\nAssisted-by: Gemini:gemini-3.1-pro coccinelle x86_64\nSigned-off-by: Jane Doe <jane@example.com>\n', ['gemini-cli:google/gemini-3.1-pro']],
  ['input: fix the loop\n\nAssisted-by: CLAUDE:CLAUDE-OPUS-4-7 b4\nSigned-off-by: Jane Doe <jane@example.com>\n', ['claude-code:anthropic/claude-opus-4.7']],
  // As before: the model's own words, sizes and dates after it, and a version after a name without one.
  ['fix: the parser\n\nAssisted-by: Codex:GPT-5.4 mini\n', ['codex:openai/gpt-5.4-mini']],
  ['fix: the parser\n\nAssisted-by: Claude:opus 4.7 b4\n', ['claude-code:anthropic/claude-opus-4.7']],
  ['fix: the parser\n\nAssisted-by: Claude:claude-opus-4 6 b4\n', ['claude-code:anthropic/claude-opus-4.6']],
  ['fix: the parser\n\nAssisted-by: Claude:claude-opus-4-7 sparse smatch clang-analyzer coccinelle checkpatch\nAssisted-by: Sashiko:claude-opus-4-7\n', ['claude-code:anthropic/claude-opus-4.7', 'sashiko:anthropic/claude-opus-4.7']],
];

/**
 * A `v` before the version (Fedora's own example `Assisted-by: ChatGPTv5`, copied into other
 * projects' policies; `Gemini v2.5 Pro`, `Claude Sonnet v4.5` as people write versions): the model
 * was lost (`openai/unknown`, `anthropic/claude-sonnet`) or read as one no vendor published
 * (`google/gemini-v2.5-pro`, `x-ai/grok-v4`, `qwen/qwen-v3-coder`), past a deny of the model.
 * DeepSeek's and Xiaomi's `V` is their names' own.
 */
const VERSIONS: Case[] = [
  ['feat: the cache\n\nAssisted-by: ChatGPTv5\n', ['unknown:openai/gpt-5']],
  ['feat: the cache\n\nAssisted-by: ChatGPT v5.2\n', ['unknown:openai/gpt-5.2']],
  ['feat: the cache\n\nAssisted-by: Gemini v2.5 Pro\n', ['unknown:google/gemini-2.5-pro']],
  ['feat: the cache\n\nAssisted-by: Grok v4\n', ['unknown:x-ai/grok-4']],
  ['feat: the cache\n\nAssisted-by: Qwen v3 Coder\n', ['unknown:qwen/qwen3-coder']],
  ['feat: the cache\n\nAssisted-by: Claude Sonnet v4.5\n', ['unknown:anthropic/claude-sonnet-4.5']],
  ['feat: the cache\n\nAssisted-by: DeepSeek-V3.2\n', ['unknown:deepseek/deepseek-v3.2']],
  ['feat: the cache\n\nAssisted-by: MiMo-V2-Pro\n', ['unknown:xiaomi/mimo-v2-pro']],
];

/**
 * Placeholders projects' policies print for the trailer, left in a commit as a template wrote them:
 * Fedora's `<name of AI tool>` (its draft's `<name of code assistant>`), bootc's `<tool+model>`, an
 * agents' guide's `<AI model> <version>`, `<provider-or-agent> <model-id-or-model-name>`, a Portuguese
 * guide's `<ferramenta>`: each read as `unknown:unknown`, AI, though nothing was declared. `<AI>` alone
 * and a name beside a placeholder are still read.
 */
const PLACEHOLDERS: Case[] = [
  ['fix: the parser\n\nAssisted-by: <name of AI tool>\n', []],
  ['fix: the parser\n\nAssisted-by: <name of code assistant>\n', []],
  ['fix: the parser\n\nAssisted-by: <tool+model>\n', []],
  ['fix: the parser\n\nAssisted-by: <AI model> <version>\n', []],
  ['fix: the parser\n\nAI-Assisted-By: <provider-or-agent> <model-id-or-model-name>\n', []],
  ['fix: the parser\n\nAssisted-by: <ferramenta>\n', []],
  ['feat: the cache\n\nAssisted-by: <AI>\n', ['unknown:unknown']],
  ['feat: the cache\n\nAssisted-by: <AI model> qwen3-coder\n', ['unknown:qwen/qwen3-coder']],
  ['feat: the cache\n\nAssisted-by: <tool+qwen3-coder>\n', ['unknown:qwen/qwen3-coder']],
];

describe("the kernel's tool list after AGENT:MODEL", () => {
  it('log reads the model without the tools after it', () => {
    expectLog(KERNEL);
  });

  it('check refuses each under a deny of the exact model and passes it under an allow of it', () => {
    const messages = KERNEL.slice(0, 5).map(([message]) => message);
    const denied = refusedBy('policy:\n  deny: ["anthropic/claude-opus-4.7", "openai/gpt-5.4", "google/gemini-3.1-pro"]\n', messages);
    expect(denied.refused).toEqual([...denied.shas].sort());
    const allowed = refusedBy('policy:\n  allow: ["anthropic/claude-opus-4.7", "openai/gpt-5.4", "google/gemini-3.1-pro"]\n  unknownModel: deny\n', messages);
    expect(allowed.refused).toEqual([]);
  });
});

describe('a version written with a v', () => {
  it('log reads the model the vendor named', () => {
    expectLog(VERSIONS);
  });

  it('check refuses them under a deny of those models and passes Claude Sonnet v4.5 under an allow of Sonnet 4.x', () => {
    const messages = VERSIONS.slice(0, 5).map(([message]) => message);
    const denied = refusedBy('policy:\n  deny: ["openai/gpt-5", "openai/gpt-5.2", "google/gemini-2.5-pro", "x-ai/grok-4", "qwen/qwen3-coder"]\n', messages);
    expect(denied.refused).toEqual([...denied.shas].sort());
    const sonnet = refusedBy('policy:\n  allow: ["anthropic/claude-sonnet-4*"]\n  unknownModel: deny\n', [VERSIONS[5]![0]]);
    expect(sonnet.refused).toEqual([]);
  });
});

describe("a policy's placeholder left in the trailer", () => {
  it('log reads it as nothing declared; what stands beside it is read', () => {
    expectLog(PLACEHOLDERS);
  });

  it('check under unknownModel: deny passes the placeholders', () => {
    const messages = PLACEHOLDERS.slice(0, 6).map(([message]) => message);
    expect(refusedBy('policy:\n  unknownModel: deny\n  undeclared: deny\n', messages).refused).toEqual([]);
  });
});

describe('the commit-msg hook', () => {
  it('refuses a kernel pair with a tool after the model and a v-version under a deny, and passes a placeholder under unknownModel: deny', () => {
    const { repo, env } = hookedRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["anthropic/claude-opus-4.7", "google/gemini-2.5-pro"]\n  unknownModel: deny\n' }, { AITRAIL: '0' });
    const attempt = (message: string, file: string) => {
      repo.write(file, `${file}\n`);
      repo.git(['add', '-A']);
      return tryGit(repo.dir, ['commit', '-q', '-F', '-'], { input: message, env });
    };
    const kernel = attempt(KERNEL[0]![0], 'kernel.c');
    expect(kernel.code, kernel.stderr).toBe(1);
    expect(kernel.stderr).toContain('anthropic/claude-opus-4.7');
    const gemini = attempt(VERSIONS[2]![0], 'gemini.c');
    expect(gemini.code, gemini.stderr).toBe(1);
    expect(gemini.stderr).toContain('google/gemini-2.5-pro');
    repo.git(['reset', '-q', '--hard']);
    const placeholder = attempt(PLACEHOLDERS[0]![0], 'placeholder.c');
    expect(placeholder.code, placeholder.stderr).toBe(0);
  });
});
