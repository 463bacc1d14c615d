import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string; evidence: string[] }[];
}

type Case = [string, NodeJS.ProcessEnv, string[]];

const as = (name: string, email: string) => ({ GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email });
const HUMAN = as('Jane Doe', 'jane@example.com');

/**
 * People whose surname is an agent's one-word name, on a co-author line that lost its address (a
 * `.gitmessage` template wraps it to the next line: pulibrary/pul-it-handbook pull request #127,
 * https://github.com/pulibrary/pul-it-handbook/pull/127; the trailer is then the name alone). Real
 * people: Patsy Cline, Ernest Cline, Jon C. Cline (`@author Jon C. Cline <jon.c.cline@gmail.com>`
 * in a public Java source). Each was read as the agent (`cline:unknown`, `cursor:unknown`...), so
 * `log` counted the pair's commit as AI and `check` refused it under `unknownModel: deny`.
 */
const SURNAMES: Case[] = [
  ['Fix the footer\n\nCo-authored-by: Patsy Cline\n', HUMAN, []],
  ['Fix the footer\n\nCo-authored-by: Jon C. Cline\n', HUMAN, []],
  ['Fix the footer\n\nHelped-by: Ernest Cline\n', HUMAN, []],
  ['Fix the footer\n\nCo-authored-by: Anna Cursor\n', HUMAN, []],
  ['Fix the footer\n\nCo-authored-by: Sam Lovable\n', HUMAN, []],
  // The agent named alone, or with its own words, is still the agent.
  ['Fix the footer\n\nCo-authored-by: Cline\n', HUMAN, ['cline:unknown']],
  ['Fix the footer\n\nCo-authored-by: GitHub Copilot\n', HUMAN, ['copilot:unknown']],
  ['Fix the footer\n\nCo-authored-by: Windsurf Cascade\n', HUMAN, ['windsurf:unknown']],
  ['Fix the footer\n\nCo-authored-by: Cline · Kimi K3 <cline-clinepass-kimik3@local>\n', HUMAN, ['cline:moonshotai/kimi-k3']],
  ['Fix the footer\n\nMade-with: Cursor\n', HUMAN, ['cursor:unknown']],
];

/**
 * A made-with trailer lists a project's stack (Gruntwork's `built-with: terraform, bash, python, go`
 * in its modules' front matter; `Built-With: Insynq's
 * Framework — https://github.com/Insynq/agent-blueprint` in a commit skill): a library named after
 * a vendor (openai/openai-python, the SDK Dependabot bumps as `Bumps [openai](https://github.com/
 * openai/openai-python)`; ggml-org/llama.cpp, which runs any vendor's weights; run-llama/llama_index)
 * is no AI writing the code. Each was read as `unknown:<vendor>/unknown`: AI of an unknown model.
 */
const LIBRARIES: Case[] = [
  ['Add the summariser\n\nBuilt-with: openai-python\n', HUMAN, []],
  ['Add the summariser\n\nBuilt-with: anthropic-sdk-python\n', HUMAN, []],
  ['Add local inference\n\nBuilt-with: terraform, bash, python, go, llama.cpp\n', HUMAN, []],
  ['Add the index\n\nMade-with: llama-index\n', HUMAN, []],
  ['Add the client\n\nBuilt-with: deepseek-sdk\n', HUMAN, []],
  // A vendor's own model, agent or account word still names it.
  ['Add the client\n\nMade-with: DeepSeek-Coder\n', HUMAN, ['unknown:deepseek/deepseek-coder']],
  ['Add the client\n\nMade-with: Qwen-Helper\n', HUMAN, ['unknown:qwen/unknown']],
  ['Add the client\n\nMade-with: DeepSeek\n', HUMAN, ['unknown:deepseek/unknown']],
  ['Add the client\n\nBuilt-with: IBM-Bob\n', HUMAN, ['ibm-bob:unknown']],
];

/**
 * Claude Code's footer copied by every other agent, as projects' instructions ask and tools write
 * it: `🤖 Generated with [GitHub Copilot](https://github.com/features/copilot)` ending the pull
 * request description a squash merge keeps (Doenet/DoenetML pull request #1305,
 * https://github.com/Doenet/DoenetML/pull/1305), `🤖 Generated with [Gemini CLI](https://github.com/
 * google-gemini/gemini-cli)` appended by Gemini CLI commit scripts (`final_commit_msg+=`), `[Amp](https://
 * ampcode.com)`, `[Cursor](https://cursor.sh)`, `[Antigravity CLI](https://antigravity.google/product/
 * antigravity-cli)`, and Claude Code's own run through Zed's external agents, `🤖 Generated with [Claude
 * Code](https://claude.ai/code) via [Zed](https://zed.dev/docs/ai/external-agents)` (a commit skill's
 * fixed footer). Only Claude Code, Codex, OpenCode, Qwen Code and Cline's own footers were read, at the
 * end of the line, so each of these read as a person's commit.
 */
const FOOTERS: Case[] = [
  ['docs: make agent attribution footers agent-agnostic (#1305)\n\n## Summary\n\nGeneralizes the agent-attribution guidance in `AGENTS.md`.\n\n🤖 Generated with [GitHub Copilot](https://github.com/features/copilot)\n', HUMAN, ['copilot:unknown']],
  ['feat: add config loader\n\n🤖 Generated with [Gemini CLI](https://github.com/google-gemini/gemini-cli)\n', HUMAN, ['gemini-cli:unknown']],
  ['feat: add config loader\n\n🤖 Generated with [Amp](https://ampcode.com)\n', HUMAN, ['amp:unknown']],
  ['feat: add config loader\n\n🤖 Generated with [Cursor](https://cursor.sh)\n', HUMAN, ['cursor:unknown']],
  ['feat: add config loader\n\n- detail\n\n🤖 Generated with [Antigravity CLI](https://antigravity.google/product/antigravity-cli)\n', HUMAN, ['antigravity:unknown']],
  ['fix(auth): prevent token reuse\n\nFixes #789\n\n🤖 Generated with [Claude Code](https://claude.ai/code) via [Zed](https://zed.dev/docs/ai/external-agents)\n', HUMAN, ['claude-code:unknown']],
  ['Add the status page (#12)\n\nGenerated with [Amp](https://ampcode.com/threads/T-5c3e2d1a-0000-4000-8000-000000000001) using Claude\n', HUMAN, ['amp:unknown']],
  // A tool that is no AI, a link in prose, a quoted rule: no one's footer.
  ['docs: the site\n\nGenerated with [Sphinx](https://www.sphinx-doc.org) 7.2\n', HUMAN, []],
  // A product that only starts with a vendor's word is not the vendor (the footer's name alone is).
  ['data: update\n\nGenerated with [Google Sheets](https://sheets.google.com)\n', HUMAN, []],
  ['docs: the index\n\nGenerated with [LlamaIndex](https://www.llamaindex.ai)\n', HUMAN, []],
  ['feat: x\n\n🤖 Generated with [Kimi](https://kimi.ai)\n', HUMAN, ['unknown:moonshotai/unknown']],
  ['feat: x\n\n🤖 Generated with [Claude Opus 4.5](https://claude.ai)\n', HUMAN, ['unknown:anthropic/claude-opus-4.5']],
  ['chore(deps): update dependency eslint to v9\n\nThis PR was generated by [Mend Renovate](https://mend.io/renovate/).\n', HUMAN, []],
  // The footer without the 🤖, its link to the product's own site: a project's GEMINI.md signature
  // (`Generated with [Gemini](https://gemini.google.com)` above `Co-authored-by: Gemini <noreply@google.com>`),
  // an organisation's attribution guide's exact line for Gemini, Kimi rules' `All commits labelled
  // "Generated with [Kimi](https://kimi.ai)"`. The name alone is also a person's (Gemini, Kimi), so only
  // the 🤖 or a link to an agent's own host had made it the agent; a subdomain of its vendor is its own too.
  ['feat: x\n\nGenerated with [Gemini](https://gemini.google.com)\n', HUMAN, ['gemini-cli:unknown']],
  ['feat: x\n\nGenerated with [Gemini](https://gemini.google.com/)\n', HUMAN, ['gemini-cli:unknown']],
  ['feat: x\n\nGenerated with [Kimi](https://kimi.ai)\n', HUMAN, ['unknown:moonshotai/unknown']],
  // The same name linked to a site that is not its vendor's is a person's or a project's.
  ['docs: credits\n\nGenerated with [Gemini](https://gemini.readthedocs.io)\n', HUMAN, []],
  ['docs: credits\n\nGenerated with [Kimi](https://kimi-portfolio.netlify.app)\n', HUMAN, []],
  ['docs: credits\n\nGenerated with [Claude](https://claude.github.io)\n', HUMAN, []],
  // `[AI]` in place of the 🤖, as projects that keep their messages ASCII have the agent write it
  // (CLAUDE.md rules: `[AI] Generated with [Claude Code](https://claude.com/claude-code)` above
  // `Co-Authored-By: Claude <noreply@anthropic.com>`; the same with `[Gemini](https://gemini.google.com/)`).
  ['feat: x\n\n[AI] Generated with [Claude Code](https://claude.com/claude-code)\n', HUMAN, ['claude-code:unknown']],
  ['feat: x\n\n[AI] Generated with [Claude Code](https://claude.ai/code)\n', HUMAN, ['claude-code:unknown']],
  ['feat: x\n\n[AI] Generated with [Gemini](https://gemini.google.com/)\n', HUMAN, ['gemini-cli:unknown']],
  ['feat: x\n\n[AI] Generated with [GitHub Copilot](https://github.com/features/copilot)\n', HUMAN, ['copilot:unknown']],
  // A rule that bans the footer quotes it after its own mark; a tool that is no AI is none.
  ['docs: PR rules\n\n- [FAIL] "[AI] Generated with [Claude Code](...)"\n', HUMAN, []],
  ['docs: the site\n\n[AI] Generated with [Sphinx](https://www.sphinx-doc.org)\n', HUMAN, []],
  // `Assisted by [Name](link)`, the same footer for a part the agent helped with: a PR template's
  // signature (`🤖 Assisted by [Claude Code](https://claude.com/claude-code)`, which a squash merge
  // keeps), an organisation's attribution guide (`Assisted by [Cursor](https://cursor.com)`, its
  // commit-msg hook checks `^(Generated with|Assisted by) \[.+\]\(.+\)$`).
  ['fix: bump the dependency (#412)\n\n---\n🤖 Assisted by [Claude Code](https://claude.com/claude-code)\n', HUMAN, ['claude-code:unknown']],
  ['refactor: optimize the user lookup\n\nAssisted by [Cursor](https://cursor.com)\n\nSigned-off-by: Jane Doe <jane@example.com>\n', HUMAN, ['cursor:unknown']],
  ['refactor: optimize the user lookup\n\nAssisted by [GitHub Copilot](https://github.com/features/copilot)\n', HUMAN, ['copilot:unknown']],
  // A person who helped, a review's footer and a review tool are no one's AI authorship.
  ['docs: the install steps\n\nAssisted by [Jane Doe](https://github.com/janedoe)\n', HUMAN, []],
  ['docs: the install steps\n\nAssisted by [Claude Monet](https://claude-monet.org)\n', HUMAN, []],
  ['fix: the review nits\n\n*Review assisted by [Claude Code](https://claude.ai/code) | opus | 4m 30s*\n', HUMAN, []],
  ['refactor: optimize the user lookup\n\nReviewed with [GitHub Copilot](https://github.com/features/copilot)\n', HUMAN, []],
  // Amazon CodeWhisperer, part of Amazon Q Developer since 30 April 2024 (AWS's rename summary), as
  // the attribution guide lists it (`Generated with [Amazon CodeWhisperer](https://aws.amazon.com/codewhisperer)`).
  ['feat: the S3 upload helper\n\nGenerated with [Amazon CodeWhisperer](https://aws.amazon.com/codewhisperer)\n', HUMAN, ['amazon-q:unknown']],
  ['feat: the S3 upload helper\n\nAssisted-by: Amazon CodeWhisperer\n', HUMAN, ['amazon-q:unknown']],
  ['chore: drop the CodeWhisperer settings from the workspace\n\nWe moved to Amazon Q; the old CodeWhisperer keys did nothing.\n', HUMAN, []],
  ['docs: commit rules\n\n- Never end a message with "Generated with [Cursor](https://cursor.sh)".\n', HUMAN, []],
];

/**
 * Cursor's Cloud (Background) Agents stopped writing pull request descriptions: each now reads
 * `This pull request contains changes generated by a Cursor Cloud Agent` and its Open in Cursor /
 * Open in Web links (MetaMask/metamask-extension pull request #37543,
 * https://github.com/MetaMask/metamask-extension/pull/37543; PostHog/posthog.com pull request
 * #13494, https://github.com/PostHog/posthog.com/pull/13494), which a squash merge keeps as the
 * commit body. With the agent's co-author line edited out of the squash message (or the branch's
 * commits taken over by the person), that line was the only signal left, and it read as a person's.
 */
const CURSOR_DIV =
  '<div><a href="https://cursor.com/agents/bc-dae73b71-534f-4329-8245-91386ee76c5a"><picture><source media="(prefers-color-scheme: dark)" srcset="https://cursor.com/assets/images/open-in-web-dark.png"><source media="(prefers-color-scheme: light)" srcset="https://cursor.com/assets/images/open-in-web-light.png"><img alt="Open in Web" width="114" height="28" src="https://cursor.com/assets/images/open-in-web-dark.png"></picture></a>&nbsp;<a href="https://cursor.com/background-agent?bcId=bc-dae73b71-534f-4329-8245-91386ee76c5a"><picture><source media="(prefers-color-scheme: dark)" srcset="https://cursor.com/assets/images/open-in-cursor-dark.png"><source media="(prefers-color-scheme: light)" srcset="https://cursor.com/assets/images/open-in-cursor-light.png"><img alt="Open in Cursor" width="131" height="28" src="https://cursor.com/assets/images/open-in-cursor-dark.png"></picture></a>&nbsp;</div>';
const CURSOR_CLOUD: Case[] = [
  ['Create draft pull request from github context (#37543)\n\nThis pull request contains changes generated by a Cursor Cloud Agent\n\n<a href="https://cursor.com/background-agent?bcId=bc-4eb4a1aa-7aee-4d37-aeb6-c7a8d7a6a4cc"><picture><source media="(prefers-color-scheme: dark)" srcset="https://cursor.com/open-in-cursor-dark.svg"><img alt="Open in Cursor" src="https://cursor.com/open-in-cursor.svg"></picture></a>\n', HUMAN, ['cursor:unknown']],
  ['Address pr comment (#13494)\n\nThis pull request contains changes generated by a Cursor Background Agent\n', HUMAN, ['cursor:unknown']],
  // Its links alone, in the `<div>` (or `<p>`) the cloud agent now ends every description with,
  // below what the agent or the person wrote (ColeMurray/background-agents pull request #796,
  // KeepSoftwareSimple/compass-calendar pull request #1511, symbiota-coop/dandelion #195).
  ['chore: sample edit to demonstrate agent workflow (#796)\n\nThis is a **sample edit** to demonstrate what a Cursor cloud agent change looks like.\n\n' + CURSOR_DIV + '\n', HUMAN, ['cursor:unknown']],
  ['docs: add cursor instructions to AGENTS.md (#1511)\n\nAdd a section to AGENTS.md.\n\n---\n' + CURSOR_DIV.replace('<div>', '<p>').replace('</div>', '</p>') + '\n', HUMAN, ['cursor:unknown']],
  ['Respond to create pull request (#97)\n\n<a href="https://cursor.com/background-agent?bcId=bc-4a2ab27e-bedd-4a76-aec7-d67fe795d4b2"><picture><source media="(prefers-color-scheme: dark)" srcset="https://cursor.com/open-in-cursor-dark.svg"><img alt="Open in Cursor" src="https://cursor.com/open-in-cursor.svg"></picture></a>&nbsp;<a href="https://cursor.com/agents?id=bc-4a2ab27e-bedd-4a76-aec7-d67fe795d4b2"><picture><img alt="Open in Web" src="https://cursor.com/open-in-web.svg"></picture></a>\n', HUMAN, ['cursor:unknown']],
  // A workflow of another's, or prose about the message, is not Cursor's; nor a link to an agent's run in prose.
  ['docs: the agent run\n\nSee <a href="https://cursor.com/agents/bc-d6f03a0d-e728-46b9-9935-4fca42ef5d41">the run</a> for how it went.\n', HUMAN, []],
  ['ci: open the pull request\n\nThis pull request contains changes generated by an agentic workflow.\n', HUMAN, []],
  ['docs: our PR template\n\nCloud agents now write "This pull request contains changes generated by a Cursor Cloud Agent"; replace it.\n', HUMAN, []],
];

/**
 * An agent that commits as the author with the identity it writes on its co-author lines: a
 * project rule has the agent run `git commit --author="Qoder <noreply@qoder.com>" -m "Co-authored-by:
 * Qoder <noreply@qoder.com>"`, a commit wrapper maps the running IDE to `Qoder <noreply@qoder.com>`
 * (`VSCODE_BRAND=Qoder`), `Kiro <noreply@kiro.dev>`, `Qoder CLI <noreply@qoder.com>`, and rules give
 * `Cursor <noreply@cursor.sh>`, `Amazon Q <noreply@aws.amazon.com>`, `Cody <noreply@sourcegraph.com>`
 * (public AGENTS.md rules and wrapper sources). On a co-author line an agent named at a no-reply
 * address is the agent; as the author the same identity read as a person's commit.
 */
const NO_REPLY_AUTHORS: Case[] = [
  ['feat(tools): add new web scraping tool\n\nCo-authored-by: Qoder <noreply@qoder.com>\n', as('Qoder', 'noreply@qoder.com'), ['qoder:unknown']],
  ['feat(tools): add new web scraping tool\n', as('Qoder', 'noreply@qoder.com'), ['qoder:unknown']],
  ['feat: x\n', as('Qoder CLI', 'noreply@qoder.com'), ['qoder:unknown']],
  ['feat: x\n', as('Cursor', 'noreply@cursor.sh'), ['cursor:unknown']],
  ['feat: x\n', as('Amazon Q', 'noreply@aws.amazon.com'), ['amazon-q:unknown']],
  ['feat: x\n', as('Cody', 'noreply@sourcegraph.com'), ['cody:unknown']],
  // A service or bot at a no-reply address that names no agent is no one's AI.
  ['Initial commit\n', as('GitHub', 'noreply@github.com'), []],
  ['Translated using Weblate (German)\n', as('Weblate', 'noreply@weblate.org'), []],
  ['chore: regenerate the clients\n', as('Google APIs', 'noreply@google.com'), []],
];

/**
 * The model in a note inside the name, not at its end: a project's session log signs each commit
 * `Signed-off-by: Claude (claude-sonnet-4-6) via Anthropic <noreply@anthropic.com>` (a public
 * CHANGELOG of co-developed commits, with `Attested-by:` the person). Only a note ending the name
 * was read, so the model was lost (`claude-code:unknown`) and `check` refused under `unknownModel:
 * deny` a commit that named its model.
 */
const NOTES: Case[] = [
  ['feat: x\n\nSigned-off-by: Claude (claude-sonnet-4-6) via Anthropic <noreply@anthropic.com>\n', HUMAN, ['claude-code:anthropic/claude-sonnet-4.6']],
  ['feat: x\n\nCo-Authored-By: Codex (gpt-5.6-luna) via OpenAI <noreply@openai.com>\n', HUMAN, ['codex:openai/gpt-5.6-luna']],
  ['feat: x\n\nCo-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>\n', HUMAN, ['claude-code:anthropic/claude-opus-4.6']],
  ['feat: x\n\nCo-Authored-By: Claude (via the CLI) <noreply@anthropic.com>\n', HUMAN, ['claude-code:unknown']],
];

/**
 * Gemini CLI's GitHub identity as projects write it: the app's account id with the login without
 * `[bot]`, `gemini-cli <218195315+gemini-cli@users.noreply.github.com>` (commit rules in several
 * public repositories: `Co-Authored-By: gemini-cli <218195315+gemini-cli@users.noreply.github.com>`,
 * `git commit --author="Gemini <218195315+gemini-cli@users.noreply.github.com>"`; a public list of AI
 * committer addresses gives it for Gemini beside `176961590+gemini-code-assist[bot]`). Only
 * `gemini-cli[bot]` was known, so these read as a person's commits. Another account id with the
 * same login is someone's account, not the app's.
 */
const GEMINI_CLI: Case[] = [
  ['feat: add emoji support to the word parser\n\nref: 110\n\nCo-Authored-By: gemini-cli <218195315+gemini-cli@users.noreply.github.com>\n', HUMAN, ['gemini-cli:unknown']],
  ['refactor: move the references into the skill directory\n', as('Gemini', '218195315+gemini-cli@users.noreply.github.com'), ['gemini-cli:unknown']],
  ['feat: x\n\nCo-authored-by: gemini-cli gemini-2.5-pro <218195315+gemini-cli@users.noreply.github.com>\n', HUMAN, ['gemini-cli:google/gemini-2.5-pro']],
  ['feat: x\n\nCo-authored-by: gemini-cli <12345+gemini-cli@users.noreply.github.com>\n', HUMAN, []],
];

const noreply = (id: number, login: string) => `${id}+${login}@users.noreply.github.com`;

/**
 * AI review bots whose suggested code a person commits from the pull request page (GitHub adds the
 * bot as co-author, as for CodeRabbit, row 48): `Update skills/claude-devfleet/SKILL.md Co-authored-by:
 * cubic-dev-ai[bot] <191113872+cubic-dev-ai[bot]@users.noreply.github.com>` and `Co-authored-by:
 * greptile-apps[bot] <165735046+greptile-apps[bot]@users.noreply.github.com>` (a public changelog of
 * squash merges; a project's ADR on "GitHub-generated Greptile suggestion commits"), Windsurf's
 * reviewer `windsurf-bot[bot]` (id 189301087, a public list of AI committer addresses). Each read
 * as a person's commit. Their names as words (`cubic` splines) are no one's.
 */
const REVIEW_BOTS: Case[] = [
  ['Update skills/claude-devfleet/SKILL.md\n\nCo-authored-by: cubic-dev-ai[bot] <191113872+cubic-dev-ai[bot]@users.noreply.github.com>\n', HUMAN, ['cubic-dev-ai:unknown']],
  ['Docs: fix typos (#193)\n\nCo-authored-by: greptile-apps[bot] <165735046+greptile-apps[bot]@users.noreply.github.com>\n', HUMAN, ['greptile:unknown']],
  ['Apply suggestions from code review\n\nCo-authored-by: windsurf-bot[bot] <189301087+windsurf-bot[bot]@users.noreply.github.com>\n', HUMAN, ['windsurf:unknown']],
  ['Apply suggestion\n', as('greptile-apps[bot]', noreply(165735046, 'greptile-apps[bot]')), ['greptile:unknown']],
  // The words, and a login without [bot], are people's.
  ['feat: cubic splines\n\nBuilt-with: cubic\n', HUMAN, []],
  ['Fix typo\n', as('greptile-apps', noreply(1234, 'greptile-apps')), []],
];

/**
 * The kernel's `Assisted-by: AGENT:MODEL [TOOL]...` naming a second agent and its model where the
 * tools go: `Assisted-by: Claude:claude-opus-4-7 Sashiko:claude-haiku-4-5` (Herman van Hazendonk's
 * msm8660 interconnect patches, as quoted on a public tracker; Sashiko is a kernel review agent).
 * The second pair was read as a tool naming nothing, so Haiku was not recorded and `check` under
 * `deny: ["anthropic/claude-haiku-*"]` passed the commit.
 */
const PAIRS: Case[] = [
  ['ARM: dts: msm8660: add interconnects\n\nAssisted-by: Claude:claude-opus-4-7 Sashiko:claude-haiku-4-5\nSigned-off-by: Herman van Hazendonk <github.com@example.com>\n', HUMAN, ['claude-code:anthropic/claude-opus-4.7', 'sashiko:anthropic/claude-haiku-4.5']],
  // Tools after the model stay tools; a display name before the colon stays one agent.
  ['efi: fix the capsule mapping\n\nAssisted-by: Claude:claude-sonnet-4-5 coccinelle sparse\n', HUMAN, ['claude-code:anthropic/claude-sonnet-4.5']],
  ['feat: x\n\nAssisted-by: Claude Code:claude-opus-4-7\n', HUMAN, ['claude-code:anthropic/claude-opus-4.7']],
  ['feat: x\n\nAssisted-by: aider:openrouter/qwen/qwen3-coder:free\n', HUMAN, ['aider:qwen/qwen3-coder']],
];

/**
 * Claude Code's footer and co-author line with their markup lost: a renderer or a Markdown table
 * of rules drops `<…>` and the link (an IRC client's fix: it "rewrote `Co-Authored-By: Claude
 * <noreply@anthropic.com>` into `Co-Authored-By: Claude noreply@anthropic.com`"; a commit-lint
 * rule lists the bare form as a common wrong one), and a Claude Code session's commit in a public
 * log ends `🤖 Generated with Claude Code Co-Authored-By: Claude noreply@anthropic.com`; projects
 * declare "All AI-generated commits are declared with: Co-Authored-By: Claude noreply@anthropic.com".
 * Each read as a person's commit.
 */
const MARKUP_LOST: Case[] = [
  ['docs: add the Windows test report\n\n🤖 Generated with Claude Code\n\nCo-Authored-By: Claude noreply@anthropic.com\n', HUMAN, ['claude-code:unknown']],
  ['feat: x\n\nCo-Authored-By: Claude noreply@anthropic.com\n', HUMAN, ['claude-code:unknown']],
  ['feat: x\n\nCo-Authored-By: Claude Sonnet 4.5 noreply@anthropic.com\n', HUMAN, ['claude-code:anthropic/claude-sonnet-4.5']],
  ['feat: x\n\n🤖 Generated with Claude Code\n', HUMAN, ['claude-code:unknown']],
  ['feat: x\n\nGenerated with Cursor\n', HUMAN, ['cursor:unknown']],
  // A person at a bare address stays a person; a tool that is no AI, or a sentence, names none.
  ['feat: x\n\nCo-authored-by: Claude Dupont claude.dupont@example.fr\n', HUMAN, []],
  ['docs: the site\n\nGenerated with Sphinx 7.2\n', HUMAN, []],
  ['docs: the API\n\nGenerated with OpenAPI Generator\n', HUMAN, []],
  ['docs: x\n\nGenerated with Claude Code is banned here, see CONTRIBUTING.\n', HUMAN, []],
];

/**
 * Codex cloud's task link moved under `/codex/cloud/tasks/`: descriptions now end `------` and
 * `[Codex Task](https://chatgpt.com/codex/cloud/tasks/task_e_69fccb7f18788325abb5468fa6fc3c3a)`
 * (a public digest of merged pull requests; a PR-screening tool lists
 * `[Codex Task](https://chatgpt.com/codex/cloud/tasks/task_123)` as a coding agent's task link).
 * Row 50's signatures knew only `/codex/tasks/`, so a squash merge of such a pull request read as
 * a person's. A task linked in prose stays the person's.
 */
const CODEX_CLOUD: Case[] = [
  ['Fix the equalizer bands (#41)\n\n## Summary\n- clamp the gain\n\n## Testing\n- npm run lint (failed: missing run-p)\n\n------\n[Codex Task](https://chatgpt.com/codex/cloud/tasks/task_e_69fccb7f18788325abb5468fa6fc3c3a)\n', HUMAN, ['codex:unknown']],
  ['Fix the equalizer bands (#42)\n\n## Summary\n- clamp the gain\n\n------\nhttps://chatgpt.com/codex/cloud/tasks/task_e_69fccb7f18788325abb5468fa6fc3c3a\n', HUMAN, ['codex:unknown']],
  ['docs: the replay\n\nThe [cloud replay task](https://chatgpt.com/codex/cloud/tasks/task_e_6ab40a4f8910832bb8e9cc8b622d7cc8) ran the source against one saved program.\n', HUMAN, []],
];

/**
 * Agents' own mailboxes that were not known: Devin's `devin@devin.ai` (`Devin AI <devin@devin.ai>`
 * as author, `Co-authored-by: Devin <devin@devin.ai>`; listed as Devin's in several public
 * attribution tools and their tests) and Amp's earlier `amp@sourcegraph.com` (a project's agent
 * rules: `Co-authored-by: Amp <amp@sourcegraph.com>`; the same lists). `Devin` and `Amp` are
 * people's names, so at an unknown address they read as people. Another mailbox at those domains
 * is a person's.
 */
const MAILBOXES: Case[] = [
  ['fix: retry the upload\n', as('Devin AI', 'devin@devin.ai'), ['devin:unknown']],
  ['fix: x\n\nCo-authored-by: Devin <devin@devin.ai>\n', HUMAN, ['devin:unknown']],
  ['fix: x\n\nCo-authored-by: Amp <amp@sourcegraph.com>\n', HUMAN, ['amp:unknown']],
  ['fix: x\n', as('Scott Wu', 'scott@devin.ai'), []],
  ['fix: x\n\nCo-authored-by: Quinn Slack <quinn@sourcegraph.com>\n', HUMAN, []],
];

/**
 * A footer's name that is an agent's one-word name and also a person's or another tool's
 * (signatures.json personNames: goose, Zed, Droid, Warp, Haiku): `Generated with goose create` (the
 * pressly/goose migration tool writes a project's SQL migrations), `Generated with OWASP Zed Attack
 * Proxy 2.14` (a ZAP report), `Generated with [Droid Sans](https://fonts.google.com/…)` (a font's
 * glyphs). Rows 96 and 103 read the footer's name as a declared value's words, where every agent
 * word is the agent, so each read as goose, Zed, Factory Droid or Claude Haiku: `log` counted the
 * person's commit as AI and `check` refused it under `unknownModel: deny`. Read as a name is (a
 * co-author line's), such a word names the agent only with the footer's 🤖 or at the agent's own host.
 */
const TOOL_NAMES: Case[] = [
  ['db: add the users table\n\nGenerated with goose create\n', HUMAN, []],
  ['db: add the users table\n\nGenerated with [goose](https://github.com/pressly/goose)\n', HUMAN, []],
  ['security: ZAP baseline report\n\nGenerated with OWASP Zed Attack Proxy 2.14\n', HUMAN, []],
  ['ui: the icon font\n\nGenerated with [Droid Sans](https://fonts.google.com/specimen/Droid+Sans)\n', HUMAN, []],
  ['docs: the screenshots\n\nGenerated with [Haiku](https://www.haiku-os.org)\n', HUMAN, []],
  ['site: rebuild\n\nGenerated with [Warp](https://github.com/seanmonstar/warp)\n', HUMAN, []],
  // The footer's robot, or the agent's own host, still names the agent; an agent word that is no one's name needs neither.
  ['feat: x\n\n🤖 Generated with Claude\n', HUMAN, ['claude-code:unknown']],
  ['feat: x\n\n🤖 Generated with [Goose](https://block.github.io/goose)\n', HUMAN, ['goose:unknown']],
  ['feat: x\n\nGenerated with [Zed](https://zed.dev)\n', HUMAN, ['zed:unknown']],
  ['feat: x\n\nGenerated with Claude Code\n', HUMAN, ['claude-code:unknown']],
  ['feat: x\n\nGenerated with Windsurf\n', HUMAN, ['windsurf:unknown']],
];

/**
 * A person whose first name is an agent's one-word name (Claude, Devin, Jules), committing under a
 * no-reply mailbox (`user.email=noreply@example.com` set to keep one's own address out of a public
 * history): row 98 read an agent named at a no-reply address as the agent as the author too, and the
 * name was read as a declared value's words, so every commit of `Claude Dupont <noreply@example.com>`
 * read as Claude Code's (`check` refused each under `unknownModel: deny`). A surname after the agent's
 * word makes it a person's name, as row 94 reads one before it; the agent's own names stay the agent.
 */
const NO_REPLY_PEOPLE: Case[] = [
  ['fix: the parser\n', as('Claude Dupont', 'noreply@example.com'), []],
  ['fix: the parser\n', as('Devin Booker', 'no-reply@example.com'), []],
  ['fix: the parser\n', as('Jules Verne', 'noreply@example.org'), []],
  ['fix: the parser\n\nCo-authored-by: Claude Dupont <noreply@example.com>\n', HUMAN, []],
  // The agent's own names, its notes and account words at a no-reply address are still the agent.
  ['fix: the parser\n', as('Claude', 'noreply@anthropic.com'), ['claude-code:unknown']],
  ['fix: the parser\n', as('Claude Code', 'noreply@anthropic.com'), ['claude-code:unknown']],
  ['fix: the parser\n', as('Devin AI', 'noreply@example.com'), ['devin:unknown']],
  ['fix: the parser\n', as('Claude Sonnet 4.5', 'noreply@anthropic.com'), ['claude-code:anthropic/claude-sonnet-4.5']],
];

/**
 * A person's commit that changes what an app is set to lists the settings: `AI model: gpt-5` above
 * `Max tokens: 4096`, `AI assistant: Claude` above `Voice: calm`. Row 93 read a key written as words
 * as the hyphenated key when the value is only a declaration, so each read as the model or agent
 * writing the commit (`check` refused it under `unknownModel: deny`). A label written as words among
 * other settings is a setting; the keys that say who helped (`Assisted by`) are read anyway.
 */
const SETTINGS: Case[] = [
  ['feat(chat): switch to the new model\n\nSettings after this change:\nAI model: gpt-5\nMax tokens: 4096\nTemperature: 0.2\n', HUMAN, []],
  ['feat(bot): the support persona\n\nAI assistant: Claude\nVoice: calm\n', HUMAN, []],
  ['feat(bot): the support persona\n\nGreeting: Hello!\nAI assistant: Gemini\n', HUMAN, []],
  // A label alone, or a key that says who helped among settings, is still read.
  ['feat: x\n\nAI model: qwen3-coder\n', HUMAN, ['unknown:qwen/qwen3-coder']],
  ['feat: x\n\nAssisted by: qwen-code:qwen/qwen3-coder\nTemperature: 0.2\n', HUMAN, ['qwen-code:qwen/qwen3-coder']],
  ['feat: x\n\nAI-Model: gpt-5\nMax tokens: 4096\n', HUMAN, ['unknown:openai/gpt-5']],
];

/**
 * People who give their pronouns beside their name (common in co-author lines and GitHub profile
 * names): `she/her` has the shape of a `vendor/model` id, and read as the model `she/her`.
 */
const PRONOUNS: Case[] = [
  ['feat: pair\n\nCo-authored-by: Alice Doe (she/her) <alice@example.com>\n', HUMAN, []],
  ['feat: pair\n\nCo-authored-by: Alice (she/her) via Anthropic <alice@example.com>\n', HUMAN, []],
  ['feat: pair\n\nCo-authored-by: Sam Lee (they/them) <sam@example.com>\n', HUMAN, []],
  ['feat: solo\n', as('Bo Chen (he/him)', 'bo@example.com'), []],
  ['feat: pair\n\nCo-authored-by: Kai (ze/zir) <kai@example.com>\n', HUMAN, []],
  // A model in a name's note is still read.
  ['feat: x\n\nCo-authored-by: Claude (claude-sonnet-4-6) via Anthropic <noreply@anthropic.com>\n', HUMAN, ['claude-code:anthropic/claude-sonnet-4.6']],
];

/**
 * The commits of `history` (after `first`, when given), each adding its own f<index>.txt, its message byte for byte and
 * its author the case's (else the tests' person), written by one git fast-import instead of a `git add` and a `git commit`
 * each: what they store is what those stored (names and addresses here carry none of the crud git commit strips); their shas.
 */
function commitAll(repo: TestRepo, history: Case[], first?: { message: string; files: Record<string, string> }): string[] {
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const when = Math.floor(Date.now() / 1000);
  const ident = (name: string | undefined, email: string | undefined) => `${name ?? 'Test Human'} <${email ?? 'human@example.com'}> ${when} +0000`;
  const commit = (mark: number, message: string, files: Record<string, string>, env: NodeJS.ProcessEnv) =>
    `commit refs/heads/main\nmark :${mark}\nauthor ${ident(env.GIT_AUTHOR_NAME, env.GIT_AUTHOR_EMAIL)}\ncommitter ${ident(undefined, undefined)}\n${data(message)}${Object.entries(files).map(([path, text]) => `M 100644 inline ${path}\n${data(text)}`).join('')}`;
  const all = [...(first === undefined ? [] : [{ message: first.message, files: first.files, env: {} }]), ...history.map(([message, env], index) => ({ message, files: { [`f${index}.txt`]: `${index}\n` }, env }))];
  // Only an author, and none of what git commit would strip or refuse (crud at either end, angle brackets, a line feed): stored as given.
  const CRUD = /^[\x00-\x20.,:;<>"\\']|[\x00-\x20.,:;<>"\\']$|[<>\n]/;
  for (const { env } of all) {
    expect(Object.keys(env).filter((key) => !['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL'].includes(key))).toEqual([]);
    for (const value of [env.GIT_AUTHOR_NAME, env.GIT_AUTHOR_EMAIL]) if (value !== undefined) expect(value).not.toMatch(CRUD);
  }
  const marks = join(tempDir('aitrail-marks-'), 'marks');
  repo.git(['fast-import', '--quiet', `--export-marks=${marks}`], { input: `${all.map(({ message, files, env }, at) => commit(at + 1, message, files, env)).join('')}done\n` });
  repo.git(['reset', '-q', '--hard', 'main']);
  const byMark = new Map(readFileSync(marks, 'utf8').trim().split('\n').map((line) => line.split(' ') as [string, string]));
  return all.map((_, at) => byMark.get(`:${at + 1}`)!);
}

function expectLog(history: Case[]) {
  const repo = makeRepo();
  const shas = commitAll(repo, history);
  const result = aitrail(repo.dir, ['log', '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  const bySha = new Map((JSON.parse(result.stdout) as LogJson[]).map((entry) => [entry.sha, entry]));
  history.forEach(([message, env, expected], index) => {
    const entry = bySha.get(shas[index]!)!;
    const who = `${env.GIT_AUTHOR_NAME ?? ''} ${message}`;
    expect({ who, got: entry.attributions.map((a) => `${a.agent}:${a.model}`) }).toEqual({ who, got: expected });
    expect(entry.ai).toBe(expected.length > 0);
  });
}

/** `check` under `unknownModel: deny` over the people's commits of `history`: no violation. */
function expectCheckPasses(history: Case[]) {
  const repo = makeRepo();
  const [base] = commitAll(repo, history, { message: 'chore: policy\n', files: { '.aitrailrc.yml': 'policy:\n  unknownModel: deny\n' } });
  const result = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
  expect(result.stdout).toContain('"violations": []');
  expect(result.code, result.stdout).toBe(0);
}

/**
 * Renovate and Dependabot quote the release notes of what they bump, and the tools they bump are
 * now AI agents whose notes and commit lists hold agents' signatures (`🤖 Generated with [Claude
 * Code](…)`, `Co-Authored-By: Claude <noreply@anthropic.com>` in a `<details>` block of release
 * notes; a squash merge keeps the pull request's body as the commit's). The bot wrote none of it:
 * the quoted notes (`<details>`, `<blockquote>`, `>` lines) are not read; its trailer block and
 * anything outside the notes are (a person who fixed the bump with an agent says so there, and
 * anyone can give a commit the bot's name).
 */
const RENOVATE = as('renovate[bot]', '29139614+renovate[bot]@users.noreply.github.com');
const DEPENDABOT = as('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com');
const DEPENDENCY_BOTS: Case[] = [
  [
    'chore(deps): update dependency @anthropic-ai/claude-code to v2.0.5 (#812)\n\nThis PR contains the following updates:\n\n| Package | Change |\n|---|---|\n| [@anthropic-ai/claude-code](https://github.com/anthropics/claude-code) | `2.0.4` -> `2.0.5` |\n\n---\n\n### Release Notes\n\n<details>\n<summary>anthropics/claude-code (@&#8203;anthropic-ai/claude-code)</summary>\n\n- Fixed the commit footer\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n\n</details>\n\n---\n\nThis PR was generated by [Mend Renovate](https://mend.io/renovate/).\n',
    RENOVATE,
    [],
  ],
  [
    'Bump anthropics/claude-code-action from 1.0.1 to 1.0.2 (#77)\n\nBumps [anthropics/claude-code-action](https://github.com/anthropics/claude-code-action) from 1.0.1 to 1.0.2.\n<details>\n<summary>Release notes</summary>\n<p><em>Sourced from <a href="https://github.com/anthropics/claude-code-action/releases">anthropics/claude-code-action\'s releases</a>.</em></p>\n<blockquote>\n<h2>v1.0.2</h2>\n<p>fix: trailer order</p>\n<p>🤖 Generated with <a href="https://claude.ai/code">Claude Code</a></p>\n<p>Co-Authored-By: Claude <a href="mailto:noreply@anthropic.com">noreply@anthropic.com</a></p>\n</blockquote>\n</details>\n<details>\n<summary>Commits</summary>\n<ul>\n<li>Generated with [Codex](https://openai.com/codex)</li>\n</ul>\n</details>\n<br />\n\n---\nupdated-dependencies:\n- dependency-name: anthropics/claude-code-action\n  dependency-version: 1.0.2\n  dependency-type: direct:production\n...\n\nSigned-off-by: dependabot[bot] <support@github.com>\n',
    DEPENDABOT,
    [],
  ],
  ['Bump vitest from 3 to 4\n\n> Co-Authored-By: Claude <noreply@anthropic.com>\n> (quoted from the changelog)\n\nSigned-off-by: dependabot[bot] <support@github.com>\n', DEPENDABOT, []],
  // Self-hosted Renovate under its documented git author (renovatebot/github-action's config, the
  // self-hosting docs: `gitAuthor: 'Renovate Bot <bot@renovateapp.com>'`), under any name given it.
  ['chore(deps): update dependency @anthropic-ai/claude-code to v2.0.6\n\n<details>\n<summary>Release Notes</summary>\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n\n</details>\n', as("Issam's Renovate Bot", 'bot@renovateapp.com'), []],
  // What the trailer block declares still counts (a person fixed the bump with an agent), and so
  // does a declaration outside the quoted notes: the bot's name is anyone's to give a commit.
  ['chore(deps): update dependency vitest to v4 (#91)\n\nThis PR contains the following updates.\n\nCo-authored-by: Claude <noreply@anthropic.com>\n', RENOVATE, ['claude-code:unknown']],
  ['Bump vitest from 3 to 4\n\nSigned-off-by: dependabot[bot] <support@github.com>\nAssisted-by: qwen-code:qwen/qwen3-coder\n', DEPENDABOT, ['qwen-code:qwen/qwen3-coder']],
  ['chore(deps): update dependency openai to v2 (#90)\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n\nThis PR was generated by [Mend Renovate](https://mend.io/renovate/).\n', RENOVATE, ['qwen-code:qwen/qwen3-coder']],
  ['chore(deps): update dependency openai to v2 (#92)\n\n<details>\n<summary>notes</summary>\n\nnever closed\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', RENOVATE, ['qwen-code:qwen/qwen3-coder']],
  // A person's commit quoting the same notes is read as before.
  ['chore: bump claude-code\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n\n</details>\n\n---\n', HUMAN, ['claude-code:unknown']],
];

/**
 * Agents whose signatures were unknown, each as its own prompt, hook or rules write it (public
 * sources in docs/signatures.md): Mistral Vibe (`Generated by Mistral Vibe.` and `Co-Authored-By:
 * Mistral Vibe <vibe@mistral.ai>`), Letta Code (`👾 Generated with [Letta Code](https://letta.com)`,
 * `noreply@letta.com`), GitLab Duo's agent sessions (its commit-msg hook: `Co-authored-by: GitLab Duo
 * <duo@gitlab.com>` and `Duo-Session: <url>/-/automate/agent-sessions/<id>`), Ona (`no-reply@ona.com`),
 * Pochi, Firebender, CodeBuddy, Mastra Code (`Mastra Code (<model>) <noreply@mastra.ai>`), claude-flow
 * (`claude-flow <ruv@ruv.net>`), oh-my-opencode's Sisyphus (`Ultraworked with [Sisyphus](…)`,
 * `clio-agent@sisyphuslabs.ai`), ForgeCode, Craft Agents, and the bots gitauto-ai, augmentcode,
 * seer-by-sentry, cto-new and charliecreates (the numeric ids below are any: the login with `[bot]` is
 * the signature); `AI-Disclosure:` is a declaration key.
 */
const NEW_AGENTS: Case[] = [
  ['fix(ci): apply the CodeQL pins\n\nGenerated by Mistral Vibe.\nCo-Authored-By: Mistral Vibe <vibe@mistral.ai>\n', HUMAN, ['mistral-vibe:unknown']],
  ['fix(ci): apply the CodeQL pins\n\nGenerated by Mistral Vibe.\n', HUMAN, ['mistral-vibe:unknown']],
  ['AFLinks scrape: batch progress\n\n👾 Generated with [Letta Code](https://letta.com)\n\nCo-Authored-By: Letta Code <noreply@letta.com>\n', HUMAN, ['letta-code:unknown']],
  ['AFLinks scrape: batch progress\n\n👾 Generated with [Letta Code](https://letta.com)\n', HUMAN, ['letta-code:unknown']],
  ['feat: implement feature\n\nCo-authored-by: GitLab Duo <duo@gitlab.com>\nDuo-Session: https://gitlab.com/group/project/-/automate/agent-sessions/42\n', HUMAN, ['gitlab-duo:unknown']],
  ['feat: implement feature\n\nDuo-Session: https://gitlab.example.com/group/project/-/automate/agent-sessions/42\n', HUMAN, ['gitlab-duo:unknown']],
  ['feat(auth): add the role table\n\nCo-authored-by: Ona <no-reply@ona.com>\n', HUMAN, ['ona:unknown']],
  ['docs(wsl): repair linux guide link path (#4391)\n\n🤖 Generated with [Pochi](https://getpochi.com)\n\nCo-authored-by: Pochi <noreply@getpochi.com>\n', HUMAN, ['pochi:unknown']],
  ['feat: Garmin sync\n\n🤖 Generated with [Firebender](https://firebender.com)\nCo-Authored-By: Firebender <help@firebender.com>\n', HUMAN, ['firebender:unknown']],
  ['docs: update project documentation\n\nCo-Authored-By: CodeBuddy <noreply@codebuddy.ai>\n', HUMAN, ['codebuddy:unknown']],
  ['feat(agent): add the commit helper\n\n🤖 Generated with [CodeBuddy Code]\n\nCo-Authored-By: CodeBuddy Code\n', HUMAN, ['codebuddy:unknown']],
  ['fix: bullet list\n\nCo-Authored-By: Mastra Code (anthropic/claude-opus-4-7) <noreply@mastra.ai>\n', HUMAN, ['mastra-code:anthropic/claude-opus-4.7']],
  ['fix: bullet list\n\nCo-Authored-By: Mastra Code <noreply@mastra.ai>\n', HUMAN, ['mastra-code:unknown']],
  ['fix(virtual_tree/arena): preserve sibling order\n\nCo-Authored-By: claude-flow <ruv@ruv.net>\n', HUMAN, ['claude-flow:unknown']],
  ['Add extension build pipeline\n\nUltraworked with [Sisyphus](https://github.com/code-yeongyu/oh-my-openagent)\n\nCo-authored-by: Sisyphus <clio-agent@sisyphuslabs.ai>\n', HUMAN, ['oh-my-opencode:unknown']],
  ['ci: fix the benchmark push\n\nUltraworked with Sisyphus (https://github.com/code-yeongyu/oh-my-opencode)\n', HUMAN, ['oh-my-opencode:unknown']],
  ['feat: conversation clone\n\nCo-Authored-By: ForgeCode <noreply@forgecode.dev>\n', HUMAN, ['forgecode:unknown']],
  ['feat(chat): brief description\n\n🤖 Generated with Craft Agent\n\nCo-Authored-By: Craft Agent <agents-noreply@craft.do>\n', HUMAN, ['craft-agents:unknown']],
  ['Fix the flaky test\n\nCo-authored-by: gitauto-ai[bot] <161652217+gitauto-ai[bot]@users.noreply.github.com>\n', HUMAN, ['gitauto:unknown']],
  ['Add tests for the parser', as('gitauto-ai[bot]', '161652217+gitauto-ai[bot]@users.noreply.github.com'), ['gitauto:unknown']],
  ['Apply the suggestion\n\nCo-authored-by: augmentcode[bot] <196016815+augmentcode[bot]@users.noreply.github.com>\n', HUMAN, ['augment:unknown']],
  ['Apply the suggestion\n\nCo-authored-by: seer-by-sentry[bot] <157164994+seer-by-sentry[bot]@users.noreply.github.com>\n', HUMAN, ['sentry-seer:unknown']],
  ['Add Tests for PR#12', as('seer-by-sentry[bot]', '157164994+seer-by-sentry[bot]@users.noreply.github.com'), ['sentry-seer:unknown']],
  ['Add shellcheck workflow', as('cto-new[bot]', '140088366+cto-new[bot]@users.noreply.github.com'), ['cto-new:unknown']],
  ['Add the daemon', as('charliecreates[bot]', '180412354+charliecreates[bot]@users.noreply.github.com'), ['charlie-labs:unknown']],
  ['feat: x\n\nAI-disclosure: Claude (Opus) authored; Grant reviewed.\n', HUMAN, ['claude-code:anthropic/claude-opus']],
  ['feat: x\n\nAI-Disclosure: ai-generated\n', HUMAN, ['unknown:unknown']],
  // The same words as people's, or at no agent's address, stay people's.
  ['docs: notes\n\nCo-authored-by: Ona Smith <ona.smith@example.com>\n', HUMAN, []],
  ['docs: notes\n\nCo-authored-by: Charlie Brown <charlie@example.com>\n', HUMAN, []],
  ['docs: notes\n\nCo-authored-by: Charlie\n', HUMAN, []],
  ['docs: notes\n\nCo-authored-by: Ona\n', HUMAN, []],
  ['chore: sync', as('rUv', 'ruv@ruv.net'), []],
  ['docs: the ledger\n\nCo-authored-by: Reuven <ruv@ruv.net>\n', HUMAN, []],
  ['fix: x\n\nCo-authored-by: Jane Doe <jane@letta.com>\n', HUMAN, []],
  ['fix: x\n\nCo-authored-by: Sam Lee <sam@gitlab.com>\n', HUMAN, []],
  ['fix: x\n\nAI-Disclosure: none\n', HUMAN, []],
  ['docs: the myth of Sisyphus\n\nSisyphus pushes the boulder; we push the release.\n', HUMAN, []],
];

/**
 * "Agent name + model" as the co-author's name (`Co-Authored-By: HARNESS MODEL <EMAIL>`, a
 * project's rule for every harness: `Claude Code Opus 4.8 <noreply@anthropic.com>`; commit skills'
 * `Co-Authored-By: Agent+Model email` with `Claude Code Opus 4.6 <noreply@anthropic.com>`;
 * `CodeBuddy Opus 4.8 <noreply@Tencent.com>` in a public plan): the agent's address was read, and
 * the whole name tried as a model, so the model was lost (`claude-code:unknown`), and `check` under
 * `unknownModel: deny` refused a commit that named its model.
 */
const AGENT_AND_MODEL: Case[] = [
  ['Add paper notes for LaST-R1\n\nCo-Authored-By: Claude Code Opus 4.7 <noreply@anthropic.com>\n', HUMAN, ['claude-code:anthropic/claude-opus-4.7']],
  ['fix: the parser\n\n---\nGenerated with the help of Claude Code, https://claude.ai/code\n\nCo-Authored-By: Claude Code Opus 4.6 <noreply@anthropic.com>\n', HUMAN, ['claude-code:anthropic/claude-opus-4.6']],
  ['fix(keystore): atomic pipe_batch\n\nCo-Authored-By: CodeBuddy Opus 4.8 <noreply@Tencent.com>\n', HUMAN, ['codebuddy:anthropic/claude-opus-4.8']],
  ['fix: x\n\nCo-authored-by: Cursor Agent GPT-5 <cursoragent@cursor.com>\n', HUMAN, ['cursor:openai/gpt-5']],
  ['fix: x\n\nCo-Authored-By: Letta Code claude-sonnet-4.5 <noreply@letta.com>\n', HUMAN, ['letta-code:anthropic/claude-sonnet-4.5']],
  // The agent's name alone, or with a word that names no model, is still its unknown model.
  ['fix: x\n\nCo-Authored-By: Claude Code unknown <noreply@anthropic.com>\n', HUMAN, ['claude-code:unknown']],
  ['fix: x\n\nCo-Authored-By: Claude Code <noreply@anthropic.com>\n', HUMAN, ['claude-code:unknown']],
];

/**
 * An organisation's automation at its no-reply address, named after the organisation whose name is
 * also an agent's (`Warp CI <noreply@warp.dev>`, `Cursor Release <noreply@cursor.com>`: the
 * company's own build and release bots, not its agent), and a generator named as a script
 * (`Generated-by: script`, `Generated-by: scripts/gen.sh`, the kernel's key for tools): each read as
 * AI (`warp:unknown`, `unknown:unknown`, the model `scripts/gen.sh`).
 */
const ORG_AUTOMATION: Case[] = [
  ['ci: bump the cache key\n\nCo-authored-by: Warp CI <noreply@warp.dev>\n', HUMAN, []],
  ['chore(release): 1.4.0', as('Cursor Release', 'noreply@cursor.com'), []],
  ['chore: sync the docs', as('Amp Build Bot', 'no-reply@ampcode.com'), []],
  ['chore: regenerate the tables\n\nGenerated-by: script\n', HUMAN, []],
  ['chore: regenerate the tables\n\nGenerated-by: scripts/gen.sh\n', HUMAN, []],
  ['chore: regenerate the tables\n\nGenerated-by: ./tools/update-tables.py 2.1\n', HUMAN, []],
  // The agent itself at a no-reply address, and a script beside a model, are still read.
  ['feat: x\n\nCo-authored-by: Warp Agent <noreply@warp.dev>\n', HUMAN, ['warp:unknown']],
  // A product's own name with an automation word after it is still the product: no hiding place.
  ['feat: x\n\nCo-authored-by: Qwen Code Sync <noreply@qwen.ai>\n', HUMAN, ['qwen-code:qwen/unknown']],
  ['feat: x\n\nCo-authored-by: Claude Code Build <noreply@example.com>\n', HUMAN, ['claude-code:unknown']],
  ['feat: x\n\nCo-authored-by: Cursor Bot <noreply@cursor.com>\n', HUMAN, ['cursor:unknown']],
  ['feat: x', as('Qoder CLI', 'noreply@qoder.com'), ['qoder:unknown']],
  ['chore: regenerate the tables\n\nGenerated-by: scripts/gen.sh and qwen3-coder\n', HUMAN, ['unknown:qwen/qwen3-coder']],
  ['chore: regenerate the tables\n\nGenerated-by: qwen/qwen3-coder.py\n', HUMAN, ['unknown:qwen/qwen3-coder.py']],
  ['chore: regenerate the tables\n\nGenerated-by: tools/claude-gen.sh\n', HUMAN, ['unknown:tools/claude-gen.sh', 'unknown:anthropic/unknown']],
];

/**
 * Model names the catalog read short: Windsurf's own SWE-1.5 (its models page: "SWE-1.5, Claude,
 * GPT, BYOK"), read as no model (`windsurf:unknown`); OpenAI's `GPT-5.6 Luna` / `GPT-5.6 Sol` written
 * with a space (a project's rule: Builder `Assisted-by: OpenAI:GPT-5.6 Luna`, Inspector `OpenAI:GPT-5.6
 * Sol`), read as `openai/gpt-5.6`; and Claude Code's `opusplan` (Opus to plan, Sonnet to edit), read as
 * `anthropic/unknown`, so `deny: ["anthropic/claude-opus*"]` passed it.
 */
const MODEL_NAMES: Case[] = [
  ['feat: x\n\nAssisted-by: Windsurf:SWE-1.5\n', HUMAN, ['windsurf:windsurf/swe-1.5']],
  ['feat: x\n\nAssisted-by: Cascade (SWE-1.5)\n', HUMAN, ['windsurf:windsurf/swe-1.5']],
  ['feat: x\n\nAssisted-by: OpenAI:GPT-5.6 Luna\n', HUMAN, ['unknown:openai/gpt-5.6-luna']],
  ['feat: x\n\nAssisted-by: codex:GPT-5.6 Sol\n', HUMAN, ['codex:openai/gpt-5.6-sol']],
  ['feat: x\n\nAssisted-by: claude-code:opusplan\n', HUMAN, ['claude-code:anthropic/claude-opus', 'claude-code:anthropic/claude-sonnet']],
  ['feat: x\n\nAssisted-by: Claude Code (opusplan)\n', HUMAN, ['claude-code:anthropic/claude-opus', 'claude-code:anthropic/claude-sonnet']],
  // Words that only look like them stay what they were.
  ['test: x\n\nSWE-bench Verified: 71%\n', HUMAN, []],
  ['feat: x\n\nAssisted-by: GPT-5.6 high\n', HUMAN, ['unknown:openai/gpt-5.6']],
];

/**
 * More agents whose own pull requests give their signatures: Kimchi (getkimchi/kimchi pull request
 * #104: every commit ends `Co-Authored-By: Kimchi <noreply@kimchi.dev>`), Arkavo Edge
 * (arkavo-org/arkavo-edge pull request #166: `🤖 Generated with [Arkavo Edge](https://arkavo.ai/edge)`,
 * `Co-Authored-By: Arkavo Edge <edge@arkavo.com>`) and kdeps (kdeps/kdeps issue #626: `Co-Authored-By:
 * kdeps (<backend> - <model>) <noreply@kdeps.com>`): each read as a person's commit (kdeps as an
 * unknown agent's model).
 */
const MORE_AGENTS: Case[] = [
  ['feat: the loop\n\nCo-Authored-By: Kimchi <noreply@kimchi.dev>\n', HUMAN, ['kimchi:unknown']],
  ['feat: attribution\n\n🤖 Generated with [Arkavo Edge](https://arkavo.ai/edge)\n\nCo-Authored-By: Arkavo Edge <edge@arkavo.com>\n', HUMAN, ['arkavo-edge:unknown']],
  ['feat: the trailer\n\nCo-Authored-By: kdeps (Cloud/deepseek - deepseek-reasoner) <noreply@kdeps.com>\n', HUMAN, ['kdeps:deepseek/deepseek-reasoner']],
  ['feat: the trailer\n\nCo-Authored-By: kdeps (Ollama - llama3.2) <noreply@kdeps.com>\n', HUMAN, ['kdeps:meta-llama/llama-3.2']],
  // The words as a dish, or people at those domains, are no one's AI.
  ['docs: the recipe\n\nCo-authored-by: Kimchi Lee <kimchi.lee@example.com>\n', HUMAN, []],
  ['fix: x\n\nCo-authored-by: Jane Doe <jane@arkavo.com>\n', HUMAN, []],
];

describe('real-world names and footers, through log and check', () => {
  it("a person surnamed like an agent (Cline, Cursor, Lovable) on a co-author line without address is a person; the agent's own name is the agent", () => {
    expectLog(SURNAMES);
  });

  it('check under unknownModel: deny passes the people surnamed like agents', () => {
    expectCheckPasses(SURNAMES.filter(([, , expected]) => expected.length === 0));
  });

  it("a library named after a vendor in a made-with trailer (openai-python, llama.cpp) is no AI; the vendor's own name still is", () => {
    expectLog(LIBRARIES);
  });

  it('check under unknownModel: deny passes the commits built with those libraries', () => {
    expectCheckPasses(LIBRARIES.filter(([, , expected]) => expected.length === 0));
  });

  it("any agent's `Generated with [Agent](link)` footer is that agent's (Copilot, Gemini CLI, Amp, Cursor, Antigravity, Claude Code via Zed); a tool that is no AI is not", () => {
    expectLog(FOOTERS);
  });

  it("a squash merge of a Cursor Cloud Agent's pull request (the description it writes) is Cursor's", () => {
    expectLog(CURSOR_CLOUD);
  });

  it('an agent named at a no-reply address is the agent as the author too, as on a co-author line; a service there is not', () => {
    expectLog(NO_REPLY_AUTHORS);
  });

  it("a model in a note inside an agent's name (`Claude (claude-sonnet-4-6) via Anthropic`) is read", () => {
    expectLog(NOTES);
  });

  it("Gemini CLI's app account written without [bot] (218195315+gemini-cli) is Gemini CLI; the login under another id is not", () => {
    expectLog(GEMINI_CLI);
  });

  it("an AI review bot's committed suggestion (cubic, Greptile, Windsurf's reviewer) is that bot's", () => {
    expectLog(REVIEW_BOTS);
  });

  it("Claude Code's footer and co-author line with their link and brackets lost are Claude Code's; a person at a bare address is not", () => {
    expectLog(MARKUP_LOST);
  });

  it("a squash merge of a Codex cloud pull request whose task link is under /codex/cloud/tasks/ is Codex's", () => {
    expectLog(CODEX_CLOUD);
  });

  it("Devin's devin@devin.ai and Amp's amp@sourcegraph.com are theirs; other mailboxes there are people's", () => {
    expectLog(MAILBOXES);
  });

  it("a footer naming a tool or person by an agent's one-word name (goose, Zed Attack Proxy, Droid Sans) is no AI; with the robot or the agent's own host it is", () => {
    expectLog(TOOL_NAMES);
  });

  it('check under unknownModel: deny passes the commits whose footer names such a tool', () => {
    expectCheckPasses(TOOL_NAMES.filter(([, , expected]) => expected.length === 0));
  });

  it("a person named Claude, Devin or Jules with a surname at a no-reply address is a person, as author or co-author; the agent's own names there are the agent", () => {
    expectLog(NO_REPLY_PEOPLE);
  });

  it('check under unknownModel: deny passes the commits of those people', () => {
    expectCheckPasses(NO_REPLY_PEOPLE.filter(([, , expected]) => expected.length === 0));
  });

  it('a label written as words among settings (`AI model: gpt-5` above `Max tokens: 4096`) is a setting; alone, hyphenated or a helper key, it is read', () => {
    expectLog(SETTINGS);
  });

  it('check under unknownModel: deny passes the commits that list settings', () => {
    expectCheckPasses(SETTINGS.filter(([, , expected]) => expected.length === 0));
  });

  it("a second AGENT:MODEL pair among the kernel's tools is read, with its model", () => {
    expectLog(PAIRS);
  });

  it('a person who gives their pronouns (she/her, they/them) is a person: no model she/her; check under unknownModel: deny passes', () => {
    expectLog(PRONOUNS);
    expectCheckPasses(PRONOUNS.slice(0, -1));
  });

  it("new agents' own signatures (Mistral Vibe, Letta Code, GitLab Duo, Ona, Pochi, Firebender, CodeBuddy, Mastra Code, claude-flow, Sisyphus, ForgeCode, Craft Agents, AI bots) are theirs; people with those names are not", () => {
    expectLog(NEW_AGENTS);
    expectCheckPasses(NEW_AGENTS.filter(([, , expected]) => expected.length === 0));
  });

  it("an agent's name followed by its model on a co-author line (`Claude Code Opus 4.7 <noreply@anthropic.com>`) reads the model", () => {
    expectLog(AGENT_AND_MODEL);
  });

  it("an organisation's CI or release bot at its no-reply address, and a script as the generator, are no AI; the agent there, or a model beside the script, is", () => {
    expectLog(ORG_AUTOMATION);
    expectCheckPasses(ORG_AUTOMATION.filter(([, , expected]) => expected.length === 0));
  });

  it("Windsurf's SWE-1.5, GPT-5.6 Luna written with a space, and Claude Code's opusplan name their models", () => {
    expectLog(MODEL_NAMES);
  });

  it('check under deny: anthropic/claude-opus* refuses claude-code:opusplan (Opus plans)', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["anthropic/claude-opus*"]\n' });
    repo.commit('feat: x\n\nAssisted-by: claude-code:opusplan\n', { 'f.txt': '1\n' }, HUMAN);
    const result = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain('anthropic/claude-opus');
  });

  it('Kimchi, Arkavo Edge and kdeps signatures are theirs, with the model kdeps names', () => {
    expectLog(MORE_AGENTS);
  });

  it("a dependency bot's commit is read without the release notes and commit lists it quotes: they name no one's AI; the rest is read", () => {
    expectLog(DEPENDENCY_BOTS);
    expectCheckPasses(DEPENDENCY_BOTS.filter(([, , expected]) => expected.length === 0));
  });

  it('check under deny: anthropic/claude-haiku-* refuses the commit whose second pair names Haiku', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["anthropic/claude-haiku-*"]\n' });
    repo.commit(PAIRS[0]![0], { 'f.txt': '1\n' }, HUMAN);
    const result = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain('anthropic/claude-haiku-4.5');
  });
});
