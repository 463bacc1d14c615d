import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectLog, type Case } from '../helpers/log-cases.js';

/**
 * Row 302: llama.cpp's pull request template asks every contributor `- AI usage disclosure: <!-- mention:
 * YES / NO - if yes, describe how AI was used -->` (ggml-org/llama.cpp `.github/pull_request_template.md`),
 * and projects that squash-merge with the description (llama.cpp's forks, projects copying the line) keep
 * the answer as a body line. The answers below are real ones from llama.cpp pull requests. A key written as
 * words was read only when its whole value was names, so every YES answer, which goes on in prose, read as
 * a person's commit; `AI-Assisted: YES, automation of …` on a bullet likewise. And the model a prose answer
 * names took the next word of the sentence as its variant (`qwen3.6-27b first` read `qwen/qwen3.6-27b-first`).
 * Guards beside it: real commits of projects whose subject matter is AI (Stainless's SDK codegen and
 * releases, Claude Code's own installer pull request, Gemini CLI's release robot, aider's own history,
 * Dependabot quoting aider's release notes, AI review bots' summaries) stay people's.
 */
const requirements = (disclosure: string) =>
  `# Overview\n\nFixes the slot reuse.\n\n# Requirements\n\n- I have read and agree with the [contributing guidelines](https://github.com/ggml-org/llama.cpp/blob/master/CONTRIBUTING.md)\n- AI usage disclosure: ${disclosure}\n`;

const DISCLOSURES: Case[] = [
  [`ggml-cuda : q8_0 KV cache fix (#27610)\n\n${requirements('YES - code written with Fable 5, manually reviewed by me')}`, ['unknown:anthropic/claude-fable-5']],
  [`grammar : report the position of a bad quantifier (#26512)\n\n${requirements('YES - see below\n\n### AI assistance\n\nThis change was produced with AI assistance. I reviewed every changed line, ran the tests\nlisted above, and can defend the change.')}`, ['unknown:unknown']],
  [`common : limit the nesting of parsed JSON (#27001)\n\n${requirements('YES, automation of the testing permutations and finding the working combination under a human supervision')}`, ['unknown:unknown']],
  [`gguf : streaming decompression (#24100)\n\n${requirements('YES -- AI was used in an assistive capacity for code review suggestions and expanding on verbose repeated patterns (e.g., test case boilerplate). All core algorithm design, implementation, debugging, and benchmarking were performed by the human contributor.')}`, ['unknown:unknown']],
  [`ggml-metal : clamp the thread count (#26800)\n\n${requirements('YES. Claude (Anthropic) assisted with the implementation, testing, measurements and this\n  description; the contributor reviewed and owns the change.')}`, ['claude-code:anthropic/unknown']],
  [`ggml-cuda : mxfp4 KV cache (#27100)\n\n${requirements('YES - I used qwen3.6-27b first, then qwen3.8-27b, on my home GPU servers, for implementation and testing.')}`, ['unknown:qwen/qwen3.6-27b', 'unknown:qwen/qwen3.8-27b']],
  ['Fix the retry loop\n\n- AI-Assisted: YES, automation of the testing permutations\n', ['unknown:unknown']],
  // NO, the template's placeholder, an empty answer: no AI.
  [`readme : update badges (#27531)\n\n${requirements('NO')}`, []],
  [`server : fix slot reuse (#27200)\n\n${requirements('<!-- mention: YES / NO - if yes, describe how AI was used -->')}`, []],
  [`Pr 25364 (#25411)\n\n${requirements('')}`, []],
  // The answer must open the value and end there or at a mark: a subject or a note about a flag is no answer.
  ['ai-assisted: yes/no flag support\n', []],
  ['Add the flag\n\nAI usage disclosure: yesterday we talked about it\n', []],
];

// Real commits of AI projects, with the identities that make them: [what, author, message, expected, committer].
const JANE = 'Jane Doe <jane@example.com>';
const STAINLESS = 'stainless-app[bot] <142633134+stainless-app[bot]@users.noreply.github.com>';
const AI_PROJECTS: [string, string, string, string[], string?][] = [
  ['Claude Code /install-github-app pull request, squash-merged with its description', JANE, "Add Claude Code GitHub Workflow (#28)\n\n## 🤖 Installing Claude Code GitHub App\n\nThis PR adds a GitHub Actions workflow that enables Claude Code integration in our repository.\n\n### What is Claude Code?\n\n[Claude Code](https://claude.com/claude-code) is an AI coding agent that can help with:\n- Bug fixes and improvements  \n- Documentation updates\n- Implementing new features\n- Code reviews and suggestions\n- Writing tests\n- And more!\n\n### How it works\n\nOnce this PR is merged, we'll be able to interact with Claude by mentioning @claude in a pull request or issue comment.\nOnce the workflow is triggered, Claude will analyze the comment and surrounding context, and execute on the request in a GitHub action.\n\n### Important Notes\n\n- **This workflow won't take effect until this PR is merged**\n- **@claude mentions won't work until after the merge is complete**\n- The workflow runs automatically whenever Claude is mentioned in PR or issue comments\n- Claude gets access to the entire PR or issue context including files, diffs, and previous comments\n\n### Security\n\n- Our Anthropic API key is securely stored as a GitHub Actions secret\n- Only users with write access to the repository can trigger the workflow\n- All Claude runs are stored in the GitHub Actions run history\n- Claude's default tools are limited to reading/writing files and interacting with our repo by creating comments, branches, and commits.\n- We can add more allowed tools by adding them to the workflow file like:\n\n```\nallowed_tools: Bash(npm install),Bash(npm run build),Bash(npm run lint),Bash(npm run test)\n```\n\nThere's more information in the [Claude Code action repo](https://github.com/anthropics/claude-code-action).\n\nAfter merging this PR, let's try mentioning @claude in a comment on any PR to get started!\n", []],
  ['Gemini CLI release robot', 'gemini-cli-robot <gemini-cli-robot@google.com>', 'chore(release): v0.1.13\n', []],
  ['Gemini CLI robot as committer of a cherry-pick', JANE, 'fix(cli): handle gemini-2.5-flash quota errors (#5210)\n', [], 'gemini-cli-robot <gemini-cli-robot@google.com>'],
  ['Stainless codegen subject', STAINLESS, 'feat(api): add claude 4 models, files API, code execution tool, MCP connector and more\n', []],
  ['Stainless release with its changelog', STAINLESS, "release: 0.52.0\n\n## 0.52.0 (2025-05-22)\n\nFull Changelog: [v0.51.0...v0.52.0](https://github.com/anthropics/anthropic-sdk-python/compare/v0.51.0...v0.52.0)\n\n### Features\n\n* **api:** add claude 4 models, files API, code execution tool, MCP connector and more ([9c48bc6](https://github.com/anthropics/anthropic-sdk-python/commit/9c48bc6211e2b36cab4c25b67a3dfa4e679aa046))\n\n\n### Bug Fixes\n\n* **package:** support direct resource imports ([6d73bab](https://github.com/anthropics/anthropic-sdk-python/commit/6d73bab63cc666f0de65ec67f7e2b55a3de1b8cf))\n\n\n### Chores\n\n* **ci:** fix installation instructions ([ca374e5](https://github.com/anthropics/anthropic-sdk-python/commit/ca374e587c283d46afedfa0e571bc4126f252644))\n* **internal:** codegen related update ([40359d9](https://github.com/anthropics/anthropic-sdk-python/commit/40359d9db8c5c5868a74de85b84c5e9ccbed5ae4))\n\n\n### Documentation\n\n* add security warning for overriding parameters ([#1008](https://github.com/anthropics/anthropic-sdk-python/issues/1008)) ([9f52239](https://github.com/anthropics/anthropic-sdk-python/commit/9f52239dda32f26c1fdd999723a124d1bc87dc18))\n\n---\nThis pull request is managed by Stainless's [GitHub App](https://github.com/apps/stainless-app).\n", []],
  ['aider maintainer by hand, committed by aider', 'Paul Gauthier <paul@paulgauthier.com>', 'Added `openai/gpt-4o-2024-08-06`.\n', [], 'Paul Gauthier (aider) <paul@paulgauthier.com>'],
  ['aider maintainer release notes', 'Paul Gauthier <paul@paulgauthier.com>', "set version to 0.48.0\n\n- Support for Sonnet's 8k output window.\n- Aider wrote 44% of the code in this release.\n", []],
  ['aider author suffix, a model named in the subject', 'Paul Gauthier (aider) <paul@paulgauthier.com>', 'feat: Add claude-3-5-sonnet-20241022 to model settings\n', ['aider:unknown']],
  ['Dependabot quoting aider release notes', 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>', "Bump aider-chat from 0.47.1 to 0.48.0\n\nBumps [aider-chat](https://github.com/Aider-AI/aider) from 0.47.1 to 0.48.0.\n<details>\n<summary>Changelog</summary>\n<p><em>Sourced from <a href=\"https://github.com/Aider-AI/aider/blob/main/HISTORY.md\">aider-chat's changelog</a>.</em></p>\n<blockquote>\n<h3>Aider v0.48.0</h3>\n<ul>\n<li>Performance improvements for large/mono repos.</li>\n<li>Support for Sonnet's 8k output window.</li>\n<li>Aider wrote 44% of the code in this release.</li>\n</ul>\n</blockquote>\n</details>\n<details>\n<summary>Commits</summary>\n<ul>\n<li>See full diff in <a href=\"https://github.com/Aider-AI/aider/compare/v0.47.1...v0.48.0\">compare view</a></li>\n</ul>\n</details>\n<br />\n\n---\nupdated-dependencies:\n- dependency-name: aider-chat\n  dependency-type: direct:production\n  update-type: version-update:semver-minor\n...\n\nSigned-off-by: dependabot[bot] <support@github.com>\n", []],
  ['Ellipsis summary in a squash merge', JANE, "Add cursor rules for BAML development (#1802)\n\n<!-- ELLIPSIS_HIDDEN -->\n\n----\n\n> [!IMPORTANT]\n> Adds `.cursor/rules/instructions.mdc` with setup, testing, and formatting instructions for BAML development.\n> \n>   - **New File**:\n>     - Adds `.cursor/rules/instructions.mdc` with instructions for BAML development.\n>   - **Setup**:\n>     - Install `mise` using `curl https://mise.run | sh`.\n>   - **Testing**:\n>     - Prefer Rust unit tests; use Python integ tests with `uv`, `maturin`, and `pytest` if needed.\n> \n> <sup>This description was created by </sup>[<img alt=\"Ellipsis\" src=\"https://img.shields.io/badge/Ellipsis-blue?color=175173\">](https://www.ellipsis.dev?ref=BoundaryML%2Fbaml&utm_source=github&utm_medium=referral)<sup> for 7e2eb30eff5843c7c6ae1f2ff966dae758d468da. You can [customize](https://app.ellipsis.dev/BoundaryML/settings/summaries) this summary. It will automatically update as commits are pushed.</sup>\n\n\n<!-- ELLIPSIS_HIDDEN -->\n", []],
  ['cubic summary in a squash merge', JANE, "fix: skip screenshots on new-tab pages (#3412)\n\n<!-- This is an auto-generated description by cubic. -->\n## Summary by cubic\nSkip screenshots on new-tab pages and drop placeholder images before LLM serialization. This reduces noise and prevents placeholders from leaking across steps or tabs.\n\n- **Bug Fixes**\n  - In `get_user_message`, always disable vision when `is_new_tab_page(url)` is true.\n  - Exclude `PLACEHOLDER_4PX_SCREENSHOT` before deciding to include screenshots and when labeling them.\n\n- **Dependencies**\n  - Bump `browser-use` version to 0.12.9.\n\n<sup>Written for commit 103313ed63fbe7e2ba34779a04feeaf65cd645b0. Summary will update on new commits.</sup>\n\n<!-- End of auto-generated description by cubic. -->\n", []],
];

const identity = (who: string, kind: 'AUTHOR' | 'COMMITTER') => {
  const [, name, email] = /^(.*) <(.*)>$/.exec(who)!;
  return { [`GIT_${kind}_NAME`]: name!, [`GIT_${kind}_EMAIL`]: email! };
};

describe("row 302: llama.cpp's AI usage disclosure is read; AI projects' own conventions stay people's", () => {
  it('reads a YES answer (and the model it names) as AI, NO, the placeholder and a non-answer as none', () => {
    expectLog(DISCLOSURES);
  });

  it("reads the release, codegen, installer, robot, dependency-bot and review-bot commits of AI projects as their authors' own", () => {
    const repo = makeRepo();
    const shas = AI_PROJECTS.map(([, author, message, , committer], index) =>
      repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, { ...identity(author, 'AUTHOR'), ...identity(committer ?? author, 'COMMITTER') }),
    );
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const bySha = new Map((JSON.parse(result.stdout) as { sha: string; attributions: { agent: string; model: string }[] }[]).map((entry) => [entry.sha, entry]));
    AI_PROJECTS.forEach(([name, , , expected], index) => {
      const got = bySha.get(shas[index]!)!.attributions.map((a) => `${a.agent}:${a.model}`);
      expect({ name, got }).toEqual({ name, got: expected });
    });
  });
});
