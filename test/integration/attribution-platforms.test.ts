import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string; evidence: string[] }[];
}

const as = (name: string, email: string) => ({ GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email });
const HUMAN = as('Jane Doe', 'jane@example.com');
const noreply = (id: number, login: string) => `${id}+${login}@users.noreply.github.com`;

/**
 * [message, author, expected `agent:model` list]. Agents that commit under a GitHub App's bot
 * account, as author or as the co-author GitHub adds to a squash merge or to a committed review
 * suggestion: an app builder's whole history (Lovable commits every change a person asks for as
 * `gpt-engineer-app[bot]`, now `lovable-dev[bot]`), v0's sandbox (`git config user.name "v0[bot]"`),
 * Codegen, Tembo, Mentat, Ellipsis, and the vendors' own apps (chaoss/disclosure
 * detection/constants.go, ids checked against the GitHub users API). Each read as a person's commit.
 */
const BOTS: [string, NodeJS.ProcessEnv, string[]][] = [
  ['Use tech stack vite_react_shadcn_ts\n', as('gpt-engineer-app[bot]', noreply(159125892, 'gpt-engineer-app[bot]')), ['lovable:unknown']],
  ['Changes\n', as('lovable-dev[bot]', noreply(159125892, 'lovable-dev[bot]')), ['lovable:unknown']],
  ['fix: resolve deployment issues\n', as('v0[bot]', 'v0[bot]@users.noreply.github.com'), ['vercel-v0:unknown']],
  ['refactor: simplify the semester module\n\nCo-authored-by: v0[bot] <v0[bot]@users.noreply.github.com>\n', HUMAN, ['vercel-v0:unknown']],
  ['Fix the flaky upload test\n', as('codegen-sh[bot]', noreply(131295404, 'codegen-sh[bot]')), ['codegen-sh:unknown']],
  ['Add pagination to the list endpoint\n', as('tembo[bot]', noreply(208362400, 'tembo[bot]')), ['tembo:unknown']],
  ['Fix #42: handle empty input\n', as('mentatbot[bot]', noreply(160964065, 'mentatbot[bot]')), ['mentat:unknown']],
  ['Address review comments\n', as('ellipsis-dev[bot]', noreply(65095814, 'ellipsis-dev[bot]')), ['ellipsis-dev:unknown']],
  ['📝 Add docstrings to `feature/search`\n', as('coderabbitai[bot]', noreply(136622811, 'coderabbitai[bot]')), ['coderabbit:unknown']],
  ['Apply suggestions from code review\n\nCo-authored-by: coderabbitai[bot] <136622811+coderabbitai[bot]@users.noreply.github.com>\n', HUMAN, ['coderabbit:unknown']],
  ['Add the retry helper\n', as('openai-codex[bot]', noreply(215057067, 'openai-codex[bot]')), ['codex:unknown']],
  ['Fix the parser\n', as('anthropic-claude[bot]', noreply(215619710, 'anthropic-claude[bot]')), ['claude-code:unknown']],
  ['Fix the parser\n', as('claude-code-action[bot]', noreply(208546643, 'claude-code-action[bot]')), ['claude-code:unknown']],
  ['Fix the parser\n', as('cursoragent[bot]', noreply(201670782, 'cursoragent[bot]')), ['cursor:unknown']],
  ['Fix the parser\n', as('copilot[bot]', noreply(167198135, 'copilot[bot]')), ['copilot:unknown']],
  ['Fix the parser\n', as('cline[bot]', noreply(205137888, 'cline[bot]')), ['cline:unknown']],
  ['Fix the parser\n', as('continue[bot]', noreply(230936708, 'continue[bot]')), ['continue:unknown']],
  ['Fix the parser\n', as('sourcegraph-cody[bot]', noreply(201248094, 'sourcegraph-cody[bot]')), ['cody:unknown']],
  ['Fix the parser\n', as('jetbrains-ai[bot]', noreply(220155983, 'jetbrains-ai[bot]')), ['jetbrains-ai:unknown']],
  // People and other automation stay people: a login without [bot], a person named Lovable, a word in prose.
  ['Use tech stack vite_react_shadcn_ts\n', as('lovable-dev', noreply(1234, 'lovable-dev')), []],
  ['Tidy the header\n\nCo-authored-by: Lovable Smith <lovable.smith@example.com>\n', HUMAN, []],
  // Tembo is a common surname (Zambia, Malawi): a helper with an address, or named without one, is a person.
  ['Tidy the header\n\nAssisted-by: Paul Tembo <paul.tembo@example.com>\nCo-authored-by: Grace Tembo\n', HUMAN, []],
  ['Built with swagger codegen\n\nBuilt-with: swagger codegen\nBuilt-with: Rust v0\n', HUMAN, []],
  ['chore(deps): bump v0-sdk\n', as('renovate[bot]', noreply(29139614, 'renovate[bot]')), []],
];

/**
 * Replit's Agent and Assistant sign each checkpoint commit with a trailer of their own under the
 * person's Replit identity (`Replit-Commit-Author: Agent`, `Replit-Commit-Session-Id: <uuid>`,
 * `Replit-Commit-Checkpoint-Type: …`); `User` is the person, `Deployment` a publish. Read as people.
 */
const REPLIT_USER = as('flaukowski', '12345678-flaukowski@users.noreply.replit.com');
const REPLIT: [string, NodeJS.ProcessEnv, string[]][] = [
  ['Add user authentication flow\n\nReplit-Commit-Author: Agent\nReplit-Commit-Session-Id: 8530e9e7-2b1c-4c57-9d2a-0a2f3b1d9e11\nReplit-Commit-Checkpoint-Type: intermediate_checkpoint\n', REPLIT_USER, ['replit-agent:unknown']],
  ['Improve pool creation\n\nReplit-Commit-Author: Agent\nReplit-Commit-Session-Id: 8530e9e7-2b1c-4c57-9d2a-0a2f3b1d9e11\nReplit-Commit-Checkpoint-Type: full_checkpoint\nReplit-Commit-Screenshot-Url: https://storage.googleapis.com/screenshot-production-us-central1/abc.png\n', REPLIT_USER, ['replit-agent:unknown']],
  ['Assistant checkpoint: Fix the date picker\n\nAssistant generated file changes:\n- client/src/DatePicker.tsx\n\n---\n\nUser prompt:\n\nfix the date picker\n\nReplit-Commit-Author: Assistant\nReplit-Commit-Session-Id: 1b3c2d4e-0000-4000-8000-000000000001\n', REPLIT_USER, ['replit-agent:unknown']],
  ['Update README\n\nreplit-commit-author:agent\n', REPLIT_USER, ['replit-agent:unknown']],
  ['Update README\n\nReplit-Commit-Author: User\nReplit-Commit-Session-Id: 1b3c2d4e-0000-4000-8000-000000000001\n', REPLIT_USER, []],
  ['Published your App\n\nReplit-Commit-Author: Deployment\nReplit-Commit-Session-Id: 1b3c2d4e-0000-4000-8000-000000000001\nReplit-Commit-Deployment-Build-Id: 4a2b\n', REPLIT_USER, []],
  ['Strip Replit metadata from messages\n\nThe filter drops every line from Replit-Commit-Author: to the blank line.\n', HUMAN, []],
];

/**
 * Cloud agents that push a branch under the person's own account and open the pull request there:
 * Codex cloud ends the description it writes with `------` and the task link (`[Codex Task](https://
 * chatgpt.com/codex/tasks/task_e_…)`, earlier the bare URL), Jules with `*PR created automatically
 * by Jules for task [<id>](https://jules.google.com/task/<id>) started by @user*`; a squash merge
 * keeps the description as the commit body (GitHub wraps it at 72 columns). Codex CLI, asked for a
 * footer, writes `Generated with [Codex CLI](…)`. Each read as a person's commit.
 */
const FOOTERS: [string, NodeJS.ProcessEnv, string[]][] = [
  ['Pin PyAV for the Windows runner (#7)\n\n## Summary\n- pin PyAV versions with wheels\n\n## Testing\n- python -m pytest -q backend\n\n------\n[Codex Task](https://chatgpt.com/codex/tasks/task_e_694400e34efc8325807c70c531c15e20)\n', HUMAN, ['codex:unknown']],
  ['Add the trait manual (#573)\n\n## Summary\n- add a trait operations manual\n\n## Testing\n- not run\n\n------\nhttps://chatgpt.com/codex/tasks/task_b_690e3b635cf4832abfb687ebe6f40f1d\n', HUMAN, ['codex:unknown']],
  ['Structured logging (#31)\n\n## Summary\n- add log_event helpers\n\n------\n[Codex\nTask](https://chatgpt.com/codex/tasks/task_e_6941e4ddf7448325988b0bcab26c87a2)\n', HUMAN, ['codex:unknown']],
  ['Remove the redundant useMemo (#898)\n\nMoved the bars to a module-level constant.\n\nFixes #897\n\n---\n*PR created automatically by Jules for task [10568282859807385424](https://jules.google.com/task/10568282859807385424) started by @arii*\n', HUMAN, ['jules:google/unknown']],
  ['Add AGENTS.md (#12)\n\nAdds guidelines for containers.\n\n---\n*PR created automatically by Jules for task\n[13400934124857324504](https://jules.google.com/task/13400934124857324504)\nstarted by @jauderho*\n', HUMAN, ['jules:google/unknown']],
  ['Add Codex attribution guidance (#10)\n\n## Summary\n- add a pull request template\n\n🤖 Generated with [Codex CLI](https://github.com/openai/codex)\n', HUMAN, ['codex:unknown']],
  ['fix: the release notes\n\n🤖 Generated with [Codex CLI](https://developers.openai.com/codex/cli)\n', HUMAN, ['codex:unknown']],
  // A person pointing at a task in prose, or at a task page by hand, is not the agent's description.
  ['docs: roadmap\n\nMulti-approver workflow: see [PR #65](https://github.com/o/r/pull/65) and [Codex Task](https://chatgpt.com/codex/tasks/task_e_6942d181af108320a14ff233c6dbab19).\n', HUMAN, []],
  ['docs: how we use Jules\n\nIts pull requests end with "PR created automatically by Jules for task"; we squash them.\n', HUMAN, []],
  // The bare link (71 characters) and the wrapped `Task](…)` stand alone on a line of a person's
  // paragraph too, when it is wrapped at 72 or the link pasted on a line: only after Codex's rule
  // (`------`, `---`, then a blank line) or its `[Codex` are they Codex's.
  ['Add the trait manual (#574)\n\n## Summary\n- add the trait index\n\n---\n\nhttps://chatgpt.com/codex/tasks/task_e_68521a6ba6148321a7881ab0d9cc070f\n', HUMAN, ['codex:unknown']],
  ['fix: the retry loop (#41)\n\nI rewrote the retry loop by hand; the Codex draft was\nhttps://chatgpt.com/codex/tasks/task_e_68a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5\nbut none of it survived review.\n', HUMAN, []],
  ['fix: the retry loop (#42)\n\nRewritten by hand after reading the abandoned attempt in the [Codex\nTask](https://chatgpt.com/codex/tasks/task_e_6942d181af108320a14ff233c6dbab19)\nwhich never handled timeouts.\n', HUMAN, []],
];

/**
 * Codebuff (and its free tier Freebuff) ends the commits it makes with `🤖 Generated with Codebuff`
 * (or `Generated with Codebuff 🤖`) and `Co-Authored-By: Codebuff <noreply@codebuff.com>`, the
 * footer its own commit instructions give. Read as a person's commit.
 */
const CODEBUFF: [string, NodeJS.ProcessEnv, string[]][] = [
  ['refactor(memory): replace the legacy per-character memory\n\n🤖 Generated with Codebuff\nCo-Authored-By: Codebuff <noreply@codebuff.com>\n', HUMAN, ['codebuff:unknown']],
  ['Release 1.4.0\n\nGenerated with Codebuff 🤖\nCo-Authored-By: Codebuff <noreply@codebuff.com>\n', HUMAN, ['codebuff:unknown']],
  ['fix: the installer\n\nGenerated with Codebuff 🤖\n', HUMAN, ['codebuff:unknown']],
  ['fix: the installer\n\nCo-authored-by: Freebuff <noreply@freebuff.com>\n', HUMAN, ['codebuff:unknown']],
  ['docs: commit rules\n\nNo AI footers in commit messages (e.g. no "Generated with Codebuff").\n', HUMAN, []],
  ['Fix typo\n', as('James Grugett', 'james@codebuff.com'), []],
];

/**
 * Google Antigravity commits and signs as `Antigravity <antigravity@google.com>` (also `Google
 * Antigravity`, `Antigravity AI`): as the author of the commits it makes, and as the co-author line
 * projects ask it for or forbid. Read as people. A Googler by hand, or the name at another address, is not.
 */
const ANTIGRAVITY: [string, NodeJS.ProcessEnv, string[]][] = [
  ['fix(ci): eliminate redundant updater.yml\n', as('Antigravity', 'antigravity@google.com'), ['antigravity:unknown']],
  ['✨ implement the search spec\n\nCo-authored-by: Antigravity <antigravity@google.com>\n', HUMAN, ['antigravity:unknown']],
  ['feat: offline mode\n\nCo-authored-by: Google Antigravity <antigravity@google.com>\n', HUMAN, ['antigravity:unknown']],
  ['docs: report\n\nCo-Authored-By: Antigravity AI <antigravity@google.com>\n', HUMAN, ['antigravity:unknown']],
  ['Fix typo\n', as('Jane Roe', 'jroe@google.com'), []],
  ['Fix typo\n\nCo-authored-by: Antigravity <antigravity@example.com>\n', HUMAN, []],
];

/**
 * Disclosure keys of their own: a Codex wrapper's commit-msg hook adds `AI-Contributed-By: Codex`,
 * projects ask for `Assisted-With: Claude <model> <noreply@anthropic.com>`, `AI-assistant: Claude
 * Code (model: claude-sonnet-4-5)`, `Generated-with: Claude Code`. None was a key detection reads.
 */
const KEYS: [string, NodeJS.ProcessEnv, string[]][] = [
  ['feat: the sync job\n\n🤖 Generated with [Codex CLI](https://github.com/openai/codex)\n\nAI-Contributed-By: Codex\n', HUMAN, ['codex:unknown']],
  ['feat: the sync job\n\nAI-Contributed-By: Codex\n', HUMAN, ['codex:unknown']],
  ['chore: bump version to 1.2.0\n\nRelease summary.\n\nAssisted-With: Claude Sonnet 4.5 <noreply@anthropic.com>\n', HUMAN, ['claude-code:anthropic/claude-sonnet-4.5']],
  ['feat: add feature\n\nAI-assistant: Claude Code (model: claude-sonnet-4-5)\n', HUMAN, ['claude-code:anthropic/claude-sonnet-4.5']],
  ['docs: the plan\n\nGenerated-with: Claude Code\n', HUMAN, ['claude-code:unknown']],
  // What names no AI stays human: a made-with value naming a tool, a disclosure of none.
  ['docs: the site\n\nGenerated-with: Sphinx 7.2\n', HUMAN, []],
  ['docs: the site\n\nAI-Assistant: none\n', HUMAN, []],
];

function build(history: [string, NodeJS.ProcessEnv, string[]][]) {
  const repo = makeRepo();
  const shas = history.map(([message, env], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, env));
  return { repo, shas };
}

function expectLog(history: [string, NodeJS.ProcessEnv, string[]][]) {
  const { repo, shas } = build(history);
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

describe('agent platforms: what they sign their commits with, through log', () => {
  it("an agent's GitHub App account as author or co-author is the agent; a person, a login without [bot] or a word in prose is not", () => {
    expectLog(BOTS);
  });

  it("Replit's Agent and Assistant checkpoints are Replit's; the person's own and deployment commits are not", () => {
    expectLog(REPLIT);
  });

  it("a squash merge of a Codex cloud or Jules pull request (the task link its description ends with) is that agent's", () => {
    expectLog(FOOTERS);
  });

  it("Codebuff's footer and co-author line are Codebuff's; its staff and a rule quoting the footer are not", () => {
    expectLog(CODEBUFF);
  });

  it("Antigravity's own identity is Antigravity's; a Googler and the name at another address are people", () => {
    expectLog(ANTIGRAVITY);
  });

  it('disclosure keys of their own (AI-Contributed-By, Assisted-With, AI-Assistant, Generated-with) are read', () => {
    expectLog(KEYS);
  });
});
