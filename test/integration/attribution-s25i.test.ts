import { describe, it } from 'vitest';
import { expectLog, type Case } from '../helpers/log-cases.js';

/**
 * The commit attribution coding agents write today, built as their own source code builds it (the
 * stored copies of public code the search index holds; file ids where the repository is not named),
 * with current model ids and the model names the code interpolates, read by `aitrail log` for agent
 * AND model. Rows 312 and 313 are the two misreads this replay found; the rest guards what was read
 * right, so a later change cannot lose it.
 */

/**
 * Qwen Code's pull request footer (row 312). QwenLM/qwen-code `packages/core/src/tools/shell.ts`
 * (`addAttributionToPR`) appends `🤖 Generated with Qwen Code (N-shotted by <gitCoAuthor.name>)` to
 * every `gh pr create` body once a prompt was counted, and `packages/core/src/services/commitAttribution.ts`
 * (`generatePRAttribution`) writes `🤖 Generated with Qwen Code (P% N-shotted by <model>)` with the
 * session's sanitised model id; a squash merge keeps the description as the commit's body. Only the
 * bare `🤖 Generated with Qwen Code` was read: each of these read as no AI at all.
 */
const QWEN_CODE: Case[] = [
  ['Add the exporter (#41)\n\n## Summary\n- stream rows\n\n🤖 Generated with Qwen Code (3-shotted by Qwen-Coder)\n', ['qwen-code:qwen/unknown']],
  ['Add the exporter (#41)\n\n## Summary\n- stream rows\n\n🤖 Generated with Qwen Code (85% 3-shotted by Qwen-Coder)\n', ['qwen-code:qwen/unknown']],
  ['Add the exporter (#41)\n\n## Summary\n- stream rows\n\n🤖 Generated with Qwen Code (85% 3-shotted by qwen3-coder-plus)\n', ['qwen-code:qwen/qwen3-coder-plus']],
  ['Add the exporter (#41)\n\n## Summary\n- stream rows\n\n🤖 Generated with Qwen Code (100% 1-shotted by qwen3.6-plus)\n', ['qwen-code:qwen/qwen3.6-plus']],
  // As before: the bare footer (no prompt counted), and the commit's own co-author line (`addCoAuthorToGitCommit`, default gitCoAuthor).
  ['Add the exporter (#41)\n\n## Summary\n- stream rows\n\n🤖 Generated with Qwen Code\n', ['qwen-code:qwen/unknown']],
  ['Add the exporter\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', ['qwen-code:qwen/unknown']],
  // The words in a sentence, or the note alone, are no one's footer.
  ['Add the exporter\n\nThe old footer said Generated with Qwen Code (3-shotted by Qwen-Coder) and we dropped it.\n', []],
];

/**
 * A model id with Amazon Bedrock's cross-region inference profile in a declared `AGENT:MODEL` (row
 * 346). Crush writes `Assisted-by: Crush:{{ .ModelID }}` by default (charmbracelet/crush
 * `internal/agent/tools/bash.md.tpl`, `trailer_style: assisted-by`), the configured model id as it
 * stands; Bedrock's ids for Claude 4.5 and later are called through a profile (`us.`, `eu.`, `apac.`,
 * `global.`), so that is the id a Bedrock user configures, and the kernel's form is written so by hand
 * too. The catalog read the id, but the declared value's scan skipped the word (`us` starts no model
 * name): `crush:anthropic/unknown` (`claude-code:unknown` for the kernel's form), the model lost, so
 * `deny: ["anthropic/claude-sonnet-4.5"]` let it through.
 */
const BEDROCK_PROFILE: Case[] = [
  ['Improve the lookup\n\n💘 Generated with Crush\n\nAssisted-by: Crush:us.anthropic.claude-sonnet-4-5-20250929-v1:0\n', ['crush:anthropic/claude-sonnet-4.5']],
  ['Improve the lookup\n\nAssisted-by: Crush:global.anthropic.claude-opus-4-5-20251101-v1:0\n', ['crush:anthropic/claude-opus-4.5']],
  ['Improve the lookup\n\nAssisted-by: Crush:eu.anthropic.claude-haiku-4-5-20251001-v1:0\n', ['crush:anthropic/claude-haiku-4.5']],
  ['Improve the lookup\n\nAssisted-by: claude-code:us.anthropic.claude-opus-4-1-20250805-v1:0\n', ['claude-code:anthropic/claude-opus-4.1']],
  // As before: the id without a profile, ollama tags, routers' ids.
  ['Improve the lookup\n\nAssisted-by: Crush:anthropic.claude-sonnet-4-5-20250929-v1:0\n', ['crush:anthropic/claude-sonnet-4.5']],
  ['Improve the lookup\n\nAssisted-by: Crush:qwen3-coder:30b\n', ['crush:qwen/qwen3-coder-30b-a3b-instruct']],
  ['Improve the lookup\n\nAssisted-by: Crush:x-ai/grok-code-fast-1\n', ['crush:x-ai/grok-code-fast-1']],
  // A word that only starts like a profile is no model (`us.` in prose, a domain).
  ['Improve the lookup\n\nAssisted-by: Crush:us.example.internal\n', ['crush:unknown']],
];

/**
 * Claude Code: `getAttributionTexts` (utils/attribution.ts: `Co-Authored-By: ${modelName}
 * <noreply@anthropic.com>`, stored file 52244193151) with `getPublicModelName` (utils/model/model.ts:
 * `Claude ${getPublicModelDisplayName(model)}`, `Claude (${model})` for an id it does not know, the
 * display names with ` (1M context)` for a `[1m]` model, stored file 66972632112); the pull request
 * line `🤖 Generated with [Claude Code](…) (P% N-shotted[, M memories recalled])` (`getEnhancedPRAttribution`).
 */
const CLAUDE_CODE: Case[] = [
  ['Fix the parser\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude Opus 4.8 (1M context) <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.8']],
  ['Fix the parser\n\nCo-Authored-By: Claude Sonnet 4.6 (1M context) <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-sonnet-4.6']],
  ['Fix the parser\n\nCo-Authored-By: Claude Fable 5 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-fable-5']],
  ['Fix the parser\n\nCo-Authored-By: Claude Mythos 5 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-mythos-5']],
  ['Fix the parser\n\nCo-Authored-By: Claude Sonnet 3.7 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-3.7-sonnet']],
  ['Fix the parser\n\nCo-Authored-By: Claude Haiku 3.5 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-3.5-haiku']],
  ['Fix the parser\n\nCo-Authored-By: Claude (claude-opus-4-8) <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.8']],
  ['Fix the parser\n\nCo-Authored-By: Claude (glm-4.6) <noreply@anthropic.com>\n', ['claude-code:z-ai/glm-4.6']],
  ['Add the importer (#7)\n\n## Summary\n- x\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code) (87% 4-shotted, 2 memories recalled)\n', ['claude-code:unknown']],
];

/**
 * aider: Aider-AI/aider `aider/repo.py` (`commit`): `Co-authored-by: aider (<main_model.name>)
 * <aider@aider.chat>` (the name as configured, the provider's prefix included), the author
 * `<user.name> (aider)` with `--attribute-author`, the subject prefix `aider: `.
 */
const AIDER: Case[] = [
  ['feat: add endpoint\n\nCo-authored-by: aider (anthropic/claude-sonnet-4-20250514) <aider@aider.chat>\n', ['aider:anthropic/claude-sonnet-4']],
  ['feat: add endpoint\n\nCo-authored-by: aider (openrouter/qwen/qwen3-coder) <aider@aider.chat>\n', ['aider:qwen/qwen3-coder']],
  ['feat: add endpoint\n\nCo-authored-by: aider (bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0) <aider@aider.chat>\n', ['aider:anthropic/claude-sonnet-4.5']],
  ['feat: add endpoint\n\nCo-authored-by: aider (gemini/gemini-2.5-pro) <aider@aider.chat>\n', ['aider:google/gemini-2.5-pro']],
  ['feat: add endpoint\n\nCo-authored-by: aider (unknown-model) <aider@aider.chat>\n', ['aider:unknown']],
  ['aider: feat: add endpoint\n', ['aider:unknown']],
];

/**
 * The rest, each from the agent's own code: Codex (openai/codex `commit_attribution.rs`,
 * `DEFAULT_ATTRIBUTION_VALUE`), Crush's other trailer style (`bash.md.tpl`), Continue's CLI
 * (continuedev/continue, the `commitSignature` system message, stored file 661644901), Cline
 * (`CO_AUTHORED_COMMIT_MSG`, stored file 235178912).
 */
const OTHERS: Case[] = [
  ['fix: x\n\nCo-authored-by: Codex <noreply@openai.com>\n', ['codex:unknown']],
  ['Improve the lookup\n\n💘 Generated with Crush\n\nCo-Authored-By: Crush <crush@charm.land>\n', ['crush:unknown']],
  ['Initial commit\n\nGenerated with [Continue](https://continue.dev)\n\nCo-Authored-By: Continue <noreply@continue.dev>\n', ['continue:unknown']],
  ['fix: x\n\n🤖 Generated with [Cline](https://docs.cline.bot)\n\n   Co-Authored-By: Cline <noreply@cline.bot>\n', ['cline:unknown']],
];

describe('the attribution agents write today, from their own source: agent and model read', () => {
  it("reads Qwen Code's pull request footer with its shot count and generator (row 312)", () => {
    expectLog(QWEN_CODE);
  });
  it("reads a Bedrock cross-region profile's model id in a declared AGENT:MODEL (row 313)", () => {
    expectLog(BEDROCK_PROFILE);
  });
  it("reads Claude Code's, aider's, Codex's, Crush's, Continue's and Cline's formats as before", () => {
    expectLog([...CLAUDE_CODE, ...AIDER, ...OTHERS]);
  });
});
