import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectLog, HUMAN, type Case } from '../helpers/log-cases.js';

/** `check` under `unknownModel: deny` (and a denied model) over `history`: the refused messages. */
function refused(history: Case[]): string[] {
  const repo = makeRepo();
  const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["anthropic/*", "qwen/*", "openai/*"]\n  unknownModel: deny\n' });
  const shas = history.map(([message], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, HUMAN));
  const result = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
  const violations = (JSON.parse(result.stdout) as { violations: { sha: string }[] }).violations;
  return history.filter((_, index) => violations.some((v) => v.sha === shas[index])).map(([message]) => message);
}

/**
 * A declared key whose value names a generator that is no AI: the kernel's `Generated-by:` names the
 * tool that generated a change, and projects use it (and `Assisted-by:`) for doc generators, code
 * generators, release tools and CI systems: `Generated-by: Sphinx 7.2`, `Terraform`, `GitHub Actions`,
 * `go generate ./...`, `controller-gen`, `release-please`. Each read as `unknown:unknown` (AI), so a
 * project's regenerated docs, stubs and release commits read as AI in `log`, `blame` and `trend`, and
 * `check` refused each under `unknownModel: deny`.
 */
const GENERATORS: Case[] = [
  // Documentation generators.
  ['docs: regenerate the API reference\n\nGenerated-by: Sphinx 7.2\n', []],
  ['docs: regenerate the API reference\n\nGenerated-by: Doxygen 1.9.8\n', []],
  ['docs: rebuild the site\n\nGenerated-by: typedoc\n', []],
  ['docs: update the inputs table\n\nGenerated-by: terraform-docs v0.17.0\n', []],
  ['docs: update the chart README\n\nGenerated-by: helm-docs\n', []],
  // Infrastructure and code generators, as a name or as the command that ran them.
  ['chore: refresh the plan\n\nGenerated-by: Terraform\n', []],
  ['chore: regenerate the stubs\n\nGenerated-by: protoc-gen-go v1.31.0\n', []],
  ['chore: regenerate the deepcopy functions\n\nGenerated-by: controller-gen\n', []],
  ['chore: regenerate the client\n\nGenerated-by: openapi-generator-cli 7.0.1\n', []],
  ['chore: regenerate the client\n\nGenerated-by: oapi-codegen\n', []],
  ['chore: regenerate the types\n\nGenerated-by: GraphQL Code Generator\n', []],
  ['chore: regenerate the types\n\nGenerated-by: @graphql-codegen/cli\n', []],
  ['chore: regenerate the mocks\n\nGenerated-by: mockery\n', []],
  ['chore: regenerate\n\nGenerated-by: go generate ./...\n', []],
  ['chore: regenerate\n\nGenerated-by: make generate\n', []],
  ['chore: regenerate the schema\n\nGenerated-by: npm run codegen\n', []],
  ['chore: regenerate the client\n\nGenerated-by: prisma generate\n', []],
  ['chore: regenerate the bindings\n\nGenerated-by: wasm-bindgen\n', []],
  // Release tools and CI systems.
  ['chore(main): release 2.4.0\n\nGenerated-by: release-please\n', []],
  ['chore: version packages\n\nGenerated-by: changesets\n', []],
  ['chore(release): 1.9.0\n\nGenerated-by: semantic-release\n', []],
  ['Bump version: 1.2.3 → 1.2.4\n\nGenerated-by: bump2version\n', []],
  ['chore: publish\n\nGenerated-by: lerna\n', []],
  ['chore: release\n\nGenerated-by: cargo-release\n', []],
  ['chore: update the coverage badge\n\nGenerated-by: GitHub Actions\n', []],
  ['chore: nightly snapshot\n\nGenerated-by: GitLab CI\n', []],
  ['chore: nightly snapshot\n\nGenerated-by: Jenkins\n', []],
  ['chore: update the coverage badge\n\nGenerated-by: the GitHub Actions workflow\n', []],
  ['chore: regenerate the client\n\nGenerated-By: openapi-generator v7.0.1 (typescript-axios)\n', []],
  ['docs: regenerate\n\nGenerated-by: `sphinx-build`.\n', []],
  ['chore: autoupdate hooks\n\nGenerated-by: pre-commit-ci\n', []],
  // Spelling and grammar checkers (the kernel's guidelines leave spelling and grammar fix-ups out of tool-generated content).
  ['docs: fix the grammar of the guide\n\nGenerated-by: Grammarly\n', []],
  ['docs: fix typos\n\nGenerated-by: codespell 2.2.6\n', []],
  // The kernel's semantic patches and scripted fixes (fs: freeze series, sysctl conversions: `Generated-by: Coccinelle SmPL`
  // below the SmPL rule the change was made with).
  ['fs: add FS_AUTOFREEZE\n\n@ add_auto_flag @\nexpression E1;\nidentifier fs_type;\n@@\n\nstruct file_system_type fs_type = {\n\t.fs_flags = E1\n+                   | FS_AUTOFREEZE\n\t,\n};\n\nGenerated-by: Coccinelle SmPL\nSigned-off-by: Jane Doe <jane@example.com>\n', []],
  ['fs: use kmemdup\n\nGenerated-by: scripts/coccinelle/api/memdup.cocci\nSigned-off-by: Jane Doe <jane@example.com>\n', []],
  ['treewide: fix typos\n\nGenerated-by: scripts/checkpatch.pl --fix-inplace\nSigned-off-by: Jane Doe <jane@example.com>\n', []],
  ["treewide: rename\n\nGenerated-by: sed -i 's/foo_bar/foo_baz/g' drivers/*.c\nSigned-off-by: Jane Doe <jane@example.com>\n", []],
];

/** A model or agent beside a generator, or a name no list knows, is read as before: no hiding place. */
const NOT_HIDDEN: Case[] = [
  ['docs: regenerate the API reference\n\nGenerated-by: Sphinx and Claude\n', ['claude-code:unknown']],
  ['chore: the plan\n\nGenerated-by: Terraform with qwen3-coder\n', ['unknown:qwen/qwen3-coder']],
  ['chore: regenerate\n\nGenerated-by: go generate, claude-opus-4.5\n', ['unknown:anthropic/claude-opus-4.5']],
  ['chore: regenerate\n\nGenerated-by: GitHub Actions + Claude Code\n', ['claude-code:unknown']],
  ['chore: regenerate\n\nGenerated-by: GitHub Copilot\n', ['copilot:unknown']],
  ['chore: regenerate\n\nGenerated-by: npx @anthropic-ai/claude-code\n', ['unknown:anthropic/unknown']],
  ['chore: regenerate\n\nGenerated-by: claude-gen\n', ['unknown:anthropic/unknown']],
  ['chore: regenerate\n\nGenerated-by: qwen-docs\n', ['unknown:qwen/unknown']],
  ['chore: regenerate\n\nGenerated-by: ai-codegen\n', ['unknown:unknown']],
  ['chore: regenerate\n\nGenerated-by: llm-docs-gen\n', ['unknown:unknown']],
  ['chore: regenerate\n\nGenerated-by: AutoGen\n', ['unknown:unknown']],
  ['chore: regenerate\n\nGenerated-by: Codegen\n', ['unknown:unknown']],
  ['chore: regenerate\n\nGenerated-By: codegen-350M-mono\n', ['unknown:unknown']],
  ['chore: regenerate\n\nGenerated-by: npm run agent\n', ['unknown:unknown']],
  ['chore: regenerate\n\nGenerated-by: npm run my-agent\n', ['unknown:unknown']],
  ['chore: regenerate\n\nGenerated-by: npx open-coder\n', ['unknown:unknown']],
  ['chore: regenerate\n\nGenerated-by: npx claude-flow\n', ['claude-flow:unknown']],
  ["chore: regenerate\n\nGenerated-by: sed -i 's/foo/claude/' x.c\n", ['unknown:anthropic/unknown']],
  ['chore: regenerate\n\nGenerated-by: scripts/gen.sh | my-agent\n', ['unknown:unknown']],
  ['chore: regenerate\n\nGenerated-by: Sphinx, FooAgent\n', ['unknown:unknown']],
  ['chore: regenerate\n\nAssisted-by: Cursor\n', ['cursor:unknown']],
  ['chore: regenerate\n\nGenerated-by: make o3\n', ['unknown:openai/o3']],
];

describe('a declared generator that is no AI (doc and code generators, release tools, CI systems)', () => {
  it('reads as no AI in log; a model or agent beside it, or an unknown name, is read as before', () => {
    expectLog([...GENERATORS, ...NOT_HIDDEN]);
  });

  it('check under unknownModel: deny passes the generators and still refuses what stands beside them', () => {
    expect(refused([...GENERATORS, ...NOT_HIDDEN])).toEqual(NOT_HIDDEN.map(([message]) => message));
  });
});

/**
 * A pull request template's AI disclosure checklist, ticked (a squash merge keeps the description as
 * the commit's body): `## AI Assistance` / `Which AI tools did you use?` above `- [x] Claude Code`,
 * `- [ ] GitHub Copilot`, `- [x] Cursor (Claude Sonnet 4.5)`. The ticked tool was not read, so the
 * merge read as a person's in `log`, `blame` and `trend`, and `check` under `deny` passed it.
 */
const CHECKLISTS: Case[] = [
  [
    'feat: export to CSV (#412)\n\n## Summary\nAdds an export button.\n\n## AI Assistance\n<!-- Check all that apply -->\n- [x] Claude Code\n- [ ] GitHub Copilot\n- [ ] Cursor\n- [ ] None\n\nCo-authored-by: Sam Lee <sam@example.com>\n',
    ['claude-code:unknown'],
  ],
  ['fix: retry the upload (#88)\n\n### Which AI tools did you use?\n\n- [ ] Claude Code\n* [X] Cursor (Claude Sonnet 4.5)\n- [ ] None\n', ['cursor:anthropic/claude-sonnet-4.5']],
  ['fix: the pager (#90)\n\n**AI tools used:**\n- [x] GitHub Copilot\n- [x] ChatGPT\n', ['copilot:unknown', 'chatgpt:openai/unknown']], // ChatGPT runs only OpenAI's models (row 944)
];

/** Unticked, outside an AI question, or a task that only names an agent: a person's as before. */
const CHECKLISTS_HUMAN: Case[] = [
  ['feat: export to CSV (#413)\n\n## AI Assistance\n- [ ] Claude Code\n- [ ] GitHub Copilot\n- [x] None\n', []],
  ['feat: the MCP server (#20)\n\n## Tested with\n- [x] Claude Code\n- [x] Cursor\n- [ ] Windsurf\n', []],
  ['feat: the MCP server (#21)\n\n## Clients\n- [x] Claude Code\n- [x] Cursor\n', []],
  ['feat: the extension (#22)\n\n## AI integrations tested\n- [x] Cursor\n- [x] Claude Code\n', []],
  ['docs: setup guide (#23)\n\n## AI tools\n- [x] Claude Code installed and working\n- [x] Cursor: file chip + instruction in Composer\n', []],
  ['chore: release checklist\n\n- [x] Claude Code\n- [x] Cursor\n', []],
  ['fix: the pager (#24)\n\n## AI tools used for review\n- [x] Copilot\n- [x] CodeRabbit\n', []],
];

describe("a pull request template's AI checklist", () => {
  it('a ticked tool under an AI question is that tool; unticked, a tested-with list or a task is a person\'s', () => {
    expectLog([...CHECKLISTS, ...CHECKLISTS_HUMAN]);
  });
});

/**
 * A package collection's subject naming the aider package: Homebrew's `<formula>: <change>` (BrewTestBot
 * writes `aider: update 0.86.1 bottle.` for every release of the `aider` formula), MacPorts' and
 * pkgsrc's `aider: update to 0.86.1`, `Update 0.85.0 -> 0.86.1`: aider's own `aider: ` subject prefix,
 * so each packaging commit read as aider's in `log`, `blame` and `trend`.
 */
const BREWTESTBOT = { GIT_AUTHOR_NAME: 'BrewTestBot', GIT_AUTHOR_EMAIL: '1589480+BrewTestBot@users.noreply.github.com' };
const PACKAGING: [string, NodeJS.ProcessEnv, string[]][] = [
  ['aider: update 0.86.1 bottle.\n', BREWTESTBOT, []],
  ['aider: update 0.86.1_1 bottle.\n', BREWTESTBOT, []],
  ['aider: update to 0.86.1\n', HUMAN, []],
  ['aider: Update 0.85.0 -> 0.86.1\n', HUMAN, []],
  ['aider: upgrade to v0.86.1\n', HUMAN, []],
  // aider's own prefix is still aider's.
  ['aider: Added a test for the cache eviction\n', HUMAN, ['aider:unknown']],
  ['aider: fix: handle the empty input\n', HUMAN, ['aider:unknown']],
  ['aider: Updated the version check to accept 0.5\n', HUMAN, ['aider:unknown']],
  ['aider: fix the parser\n', HUMAN, ['aider:unknown']],
];

describe("a package collection's subject naming the aider package", () => {
  it("is the package's update, not aider's commit; aider's own prefix is still aider's", () => {
    const repo = makeRepo();
    const shas = PACKAGING.map(([message, env], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, env));
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    const bySha = new Map((JSON.parse(result.stdout) as LogJson[]).map((entry) => [entry.sha, entry]));
    PACKAGING.forEach(([message, , expected], index) => {
      const got = bySha.get(shas[index]!)!.attributions.map((a) => `${a.agent}:${a.model}`);
      expect({ message, got }).toEqual({ message, got: expected });
    });
  });
});

/**
 * A declared key with a word before it: Claude Code wrote `Claude-Generated-By: Claude Code
 * (cli=100%)` with its own percent per surface (up to 2.1.19; its changelog: "Removed
 * `Claude-Generated-By:` git trailers"), a docs-sync workflow ends its commits `Docs-Generated-By:
 * <run id>`, and projects write what the agent made (`Docs-generated-by: Claude`, `Tests-generated-by:
 * claude-sonnet-4.5`, `Docs-AI-Generated-By: …`). Only the listed keys were read, so each read as a
 * person's commit in `log`, `blame` and `trend`, and `check` under `deny` passed it. The RAI footers'
 * `Commit-generated-by:` is the message only ("AI wrote the commit message, you wrote the code"), and a
 * value that names no agent or model (a run id, a tool) declares nothing under a compound key.
 */
const COMPOUND_KEYS: Case[] = [
  ['docs: sync the API reference\n\nClaude-Generated-By: Claude Code (cli=100%)\n', ['claude-code:unknown']],
  ['docs: sync the API reference\n\nDocs-generated-by: Claude\n', ['claude-code:unknown']],
  ['test: cover the parser\n\nTests-generated-by: claude-sonnet-4.5\n', ['unknown:anthropic/claude-sonnet-4.5']],
  ['docs: sync the API reference\n\nDocs-AI-Generated-By: qwen3-coder\n', ['unknown:qwen/qwen3-coder']],
  ['test: cover the parser\n\nTests-Assisted-by: GitHub Copilot\n', ['copilot:unknown']],
];
const COMPOUND_KEYS_HUMAN: Case[] = [
  ['chore: update dependencies\n\nCommit-generated-by: Claude AI <claude@anthropic.com>\n', []],
  ['chore: update dependencies\n\nMessage-generated-by: Claude\n', []],
  ['docs: update AI attribution badge to 66%\n\nCommit-generated-by: rai-commit-badge <noreply@github.com>\nSigned-off-by: Jane Doe <jane@example.com>\n', []],
  ['docs: update the usage section\n\nDocs-Generated-By: 1234567890\n', []],
  ['docs: regenerate the changelog\n\nChangelog-generated-by: git-cliff\n', []],
  ['chore: regenerate the schema\n\nSchema-generated-by: openapi-generator\n', []],
  // A vendor's word alone is no agent or model there: a translation or a script of its vendor's.
  ['i18n: update the German strings\n\nTranslation-assisted-by: Google Translate\n', []],
  ['chore: refresh the sheet export\n\nAuto-generated-by: Google Apps Script\n', []],
];

describe('a declared key with a word before it (Claude-Generated-By, Docs-generated-by)', () => {
  it('is read for the agent or model it names; the message-only key and a value naming none are not', () => {
    expectLog([...COMPOUND_KEYS, ...COMPOUND_KEYS_HUMAN]);
  });

  it('check under deny refuses what the compound key names and passes the rest', () => {
    expect(refused([...COMPOUND_KEYS, ...COMPOUND_KEYS_HUMAN])).toEqual(COMPOUND_KEYS.map(([message]) => message));
  });
});
