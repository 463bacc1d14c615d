import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog, type Case } from '../helpers/log-cases.js';

/**
 * Row 263: opencode's model variant, `<model>#<effort>`. opencode's agent files name their model
 * with the effort it runs at after a `#` (`model: openai/gpt-6.1-sol#xhigh`, `opencode-go/grok-4.7#xhigh`,
 * `openai/gpt-6-luna-fast#max`: public agent configs and review plans), and the same string lands in
 * the attribution a project asks for; aiblame's list of trailer shapes seen in 2026 history
 * (trinhbentre/aiblame internal/attrib/trailers.go) has `claude-code:fable-5.1#high (orchestrator,
 * reviewer)`. The `#` glued the effort to the model, so no model was read.
 */
const VARIANTS: Case[] = [
  ['opencode, GPT with its effort\n\nAssisted-by: opencode:openai/gpt-6.1-sol#xhigh\n', ['opencode:openai/gpt-6.1-sol']],
  ['Claude Code, a full id with its effort\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6#high\n', ['claude-code:anthropic/claude-opus-4.6']],
  ['Codex, a short id with its effort\n\nAssisted-by: codex:gpt-5.5#xhigh\n', ['codex:openai/gpt-5.5']],
  ['aiblame\'s shape: effort and a role note\n\nAssisted-by: claude-code:fable-5.1#high (orchestrator, reviewer)\n', ['claude-code:anthropic/claude-fable-5.1']],
  // A `#` that is no variant stays what it was: an issue number, a tag in prose.
  ['Fix #123 and the #high-priority bugs\n\nCloses #123\n', []],
];

/**
 * Row 264: Claude's Fable and Mythos tiers by their short names. `opus-4.7` and `sonnet-4.5` after an
 * agent were read (`claude-code:opus-4.7`); `fable-5.1` and `mythos-5` were not, nor the holdout's
 * `AI-Assisted-By: Fable 5` beside `Claude Code <noreply@anthropic.com>` (test/fixtures/attribution-holdout.json,
 * `ai-assisted-by-claude-code-fable-5`): read as Claude Code with no model.
 */
const TIERS: Case[] = [
  ['kernel form, short Fable\n\nAssisted-by: claude-code:fable-5.1\n', ['claude-code:anthropic/claude-fable-5.1']],
  ['Artsy form, short Fable\n\nAssisted-by: Claude:fable-5.1\n', ['claude-code:anthropic/claude-fable-5.1']],
  ['short Mythos\n\nAssisted-by: claude-code:mythos-5\n', ['claude-code:anthropic/claude-mythos-5']],
  ['the holdout\'s disclosure\n\nCo-Authored-By: Claude Code <noreply@anthropic.com>\nAI-Assisted-By: Fable 5\n', ['claude-code:anthropic/claude-fable-5']],
  // People and games named so stay people's.
  ['Add Fable 3 save game support\n\nCo-authored-by: Claude Fable <claude.fable@example.com>\n', []],
  ['Port the Mythos 2 level editor\n', []],
];

/**
 * Row 265: `<tool>/<model>`. Projects' contribution rules require `Generated-by: <tool>/<model>` on
 * every commit ("`Generated-by: claude-code/claude-opus-5` and `Generated-by: aider/gpt-5` are the
 * shape — the tool, a slash, the model"; another's `AI-Generated-By: claude-code/claude-sonnet-5`), a
 * commit in one such repository ends `Generated-by: claude-code/deepseek-flash` over `Co-Authored-By:
 * Claude Code <noreply@anthropic.com>`, and Crash Override's guide to attributing AI commits writes
 * `Generated-By: claude-code/0.42 (model: claude-sonnet-4-5; operator: dev@example.com)` (the tool's
 * version after the slash, the operator's address in the note). The slash was read as a vendor's id
 * (the agent lost: `unknown:anthropic/claude-opus-5`), and the operator's address made the value read
 * as a person's name.
 */
const SLASHED: Case[] = [
  ['Generated-by rule, Claude Code\n\nGenerated-by: claude-code/claude-opus-5\n', ['claude-code:anthropic/claude-opus-5']],
  ['Generated-by rule, aider\n\nGenerated-by: aider/gpt-5\n', ['aider:openai/gpt-5']],
  ['AI-Generated-By rule\n\nAI-Generated-By: claude-code/claude-sonnet-5\n', ['claude-code:anthropic/claude-sonnet-5']],
  ['a dashed version\n\nCloses #4\n\nGenerated-by: claude-code/claude-opus-5-5\n', ['claude-code:anthropic/claude-opus-5.5']],
  ['the repository\'s commit\n\nGenerated-by: claude-code/deepseek-flash\nCo-Authored-By: Claude Code <noreply@anthropic.com>\n', ['claude-code:deepseek/unknown']],
  ['Crash Override\'s form\n\nGenerated-By: claude-code/0.42 (model: claude-sonnet-4-5; operator: dev@example.com)\n', ['claude-code:anthropic/claude-sonnet-4.5']],
  ['Cursor\'s agent by its command\n\nGenerated-By: cursor-agent/0.42 (model: claude-sonnet-4-5; operator: a@b.example)\n', ['cursor:anthropic/claude-sonnet-4.5']],
  // A vendor's or a router's id names no agent that wrote it (opencode's providers among them).
  ['a vendor id\n\nAssisted-by: openai/gpt-5\n', ['unknown:openai/gpt-5']],
  ['a router id\n\nAssisted-by: openrouter/qwen/qwen3-coder\n', ['unknown:qwen/qwen3-coder']],
  ['opencode\'s Copilot provider\n\nGenerated-by: github-copilot/claude-sonnet-4.5\n', ['unknown:anthropic/claude-sonnet-4.5']],
  // Scripts and people stay no one's AI.
  ['a script\n\nGenerated-by: tools/gen_tables.py\n', []],
  ['a helper with a note\n\nAssisted-by: Jane Doe (reviewer) jane@example.com\n', []],
];

/**
 * Row 266: a Claude Code session's id as a trailer. Mergify's CLI stack hooks add `Claude-Session-Id:
 * <id>` to each commit made in a Claude Code session (Mergifyio/mergify-cli's stack tests: "a commit
 * gets a Claude-Session-Id when env var is set"); jjagent, a Claude Code plugin, keeps each session's
 * edits in a change described `jjagent: session <id>` with `Claude-session-id: <uuid>` (and
 * `Claude-precommit-session-id:`, schpet/jjagent src/session.rs); turbocommit commits each Claude Code
 * or Codex turn with `Turbocommit-Session: <id>` and a co-author it may leave out (searlsco/turbocommit).
 * Each read as a person's commit.
 */
const SESSIONS: Case[] = [
  ['Commit with session ID\n\nClaude-Session-Id: 5f3b2c1a-9d4e-4f6a-8b7c-1e2d3f4a5b6c\n', ['claude-code:unknown']],
  ['jjagent: session abcd1234\n\nClaude-session-id: abcd1234-5678-90ab-cdef-1234567890ab\n', ['claude-code:unknown']],
  ['jjagent: precommit abcd1234\n\nClaude-precommit-session-id: abcd1234-5678-90ab-cdef-1234567890ab\n', ['claude-code:unknown']],
  ['Add a login form\n\nPrompt:\nAdd a login form to the settings page\n\nTurbocommit-Session: 0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n', ['unknown:unknown']],
  ['Add a login form\n\nTurbocommit-Session: 0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n\nCo-Authored-By: gpt-5.5 <noreply@openai.com>\n', ['codex:openai/gpt-5.5']],
  // Prose about the trailer is a person's.
  ['Read the Claude-Session-Id trailer in stacks\n\nThe hook copies Claude-Session-Id: from the old message on amend.\n', []],
];

/**
 * Row 267: a key written twice. aiblame's fixes for 2026 histories name "doubled keys written by buggy
 * hooks (`Assisted-by: Assisted-by: Claude Opus 4.6 <…>`)" (trinhbentre/aiblame CHANGELOG 1.1.0): the
 * second key was read as part of the agent's name at its address, so its model was lost.
 */
const DOUBLED: Case[] = [
  ['doubled declared key\n\nAssisted-by: Assisted-by: Claude Opus 4.6 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.6']],
  ['a co-author key inside a declaration\n\nAssisted-by: Co-authored-by: Claude Opus 4.6 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.6']],
  ['doubled Generated-by\n\nGenerated-by: Generated-by: claude-code/claude-opus-5\n', ['claude-code:anthropic/claude-opus-5']],
  ['a helper stays a helper\n\nAssisted-by: Assisted-by: Bob Smith <bob@example.com>\n', []],
];

describe('row 263: opencode\'s `<model>#<effort>` variant', () => {
  it('log reads the model before the `#`; an issue number stays prose', () => {
    expectLog(VARIANTS);
  });

  it('a denied model with its effort is refused by check and at pre-receive; the same value without Qwen passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/qwen3-coder*"]\n');
    expectEachRefused(remote, work, { variant: 'feat: a\n\nAssisted-by: opencode:qwen/qwen3-coder#high\n' }, (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
    expectEachPasses(work, ['feat: b\n\nAssisted-by: opencode:openai/gpt-6.1-sol#xhigh\n']);
  });
});

describe('row 264: Fable and Mythos by their short names', () => {
  it('log reads the tier after an agent; people and games stay people\'s', () => {
    expectLog(TIERS);
  });
});

describe('row 265: `<tool>/<model>` and a tool\'s own version', () => {
  it('log reads the agent before the slash and the model after it (or in its note); vendors, routers, scripts and people are unchanged', () => {
    expectLog(SLASHED);
  });
});

describe('row 266: a Claude Code session id as a trailer', () => {
  it('log reads Mergify\'s and jjagent\'s `Claude-Session-Id` as Claude Code and turbocommit\'s session as an agent\'s', () => {
    expectLog(SESSIONS);
  });
});

describe('row 267: a key written twice', () => {
  it('log reads the value after the doubled key, its model with it; a helper stays human', () => {
    expectLog(DOUBLED);
  });
});

/**
 * Row 260: people's names under `Assisted-by`. curl has credited the people who helped with a change
 * this way since 2020, on thousands of commits (curl/curl, "CODE_REVIEW.md: how to do code reviews",
 * Daniel Stenberg: `Assisted-by: Daniel Gustafsson` / `Assisted-by: Rich Salz`; the block is git's
 * trailers when no `Closes #N` line follows it). A declared value that named no agent or model read
 * as `unknown:unknown`, so each of them was an AI commit (and refused under `unknownModel: deny`).
 * People's names alone (two to four capitalised words, no model, tool or account word, no digit)
 * under a key that says nothing of AI are those people; under `AI-Assistant:` they stay a product's
 * name, and a model word or a version keeps a value AI.
 */
const PEOPLE: Case[] = [
  ['CODE_REVIEW.md: how to do code reviews\n\nAssisted-by: Daniel Gustafsson\nAssisted-by: Rich Salz\n', []],
  ['lib: fix the parser\n\nReported-by: Max Dymond\nAssisted-by: Jacob Hoffman-Andrews\nAssisted-by: Marc Hörsken\n', []],
  ['tests: one more\n\nAssisted-by: Dan F.\n', []],
  ['several on one line\n\nAssisted-by: Daniel Gustafsson, Stefan Eissing and Viktor Szakats\n', []],
  // Still AI: a product's key, a model word or version, one word (a tool's or product's name), a person beside a model.
  ['a product named under an AI key\n\nAI-Assistant: Jane Doe\n', ['unknown:unknown']],
  ['a model word\n\nAssisted-by: Phi Mini\n', ['unknown:unknown']],
  ['a version\n\nAssisted-by: Helper Model 2\n', ['unknown:unknown']],
  ['one word\n\nAssisted-by: Internalbot\n', ['unknown:unknown']],
  ['a person and a model\n\nAssisted-by: Daniel Gustafsson and Qwen3-Coder\n', ['unknown:qwen/qwen3-coder']],
  ['a known agent\n\nAssisted-by: Claude Code\n', ['claude-code:unknown']],
];

describe('row 260: people credited under `Assisted-by`, as curl does', () => {
  it('log reads people\'s names alone as people; a product\'s key, a model word, a version or one word stays AI', () => {
    expectLog(PEOPLE);
  });

  it('a curl-style commit passes check and pre-receive under unknownModel: deny; a model beside the names is still refused', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n');
    expectEachPasses(work, ['docs: review\n\nAssisted-by: Daniel Gustafsson\nAssisted-by: Rich Salz\n']);
    expectEachRefused(remote, work, { beside: 'feat: a\n\nAssisted-by: Daniel Gustafsson and Qwen3-Coder\n' }, (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
  });
});

/**
 * Row 261: a model key's value read whole. `AI-Model:` (and the other model keys) read their value as
 * one model name first, and the catalog drops what an id may carry after it (`claude-opus-4-1@20250805`):
 * `anthropic/claude-opus-4.6@qwen3-coder` and `anthropic/claude-opus-4.6qwen3-coder` were Claude alone,
 * and passed `deny: ["qwen/*"]`, where the same values under `Assisted-by` were refused (found by the
 * session's policy red team). Every other model the value names counts too.
 */
const MODEL_VALUES: Case[] = [
  ['glued after an @\n\nAI-Model: anthropic/claude-opus-4.6@qwen3-coder\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/unknown']],
  ['a date after an @ is the same model\n\nAI-Model: claude-opus-4-1@20250805\n', ['unknown:anthropic/claude-opus-4.1']],
  ['one model\n\nAI-Model: gpt-5.1-codex-max\n', ['unknown:openai/gpt-5.1-codex-max']],
  ['a routed id\n\nAI-Model: openrouter/qwen/qwen3-coder:free\n', ['unknown:qwen/qwen3-coder']],
];

describe('row 261: a model key\'s value with a second model glued on', () => {
  it('log reads every model the value names; a date after an @ stays one model', () => {
    expectLog(MODEL_VALUES);
  });

  it('check and pre-receive refuse Qwen glued after Claude under deny: ["qwen/*"]', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachRefused(remote, work, { at: 'feat: a\n\nAI-Model: anthropic/claude-opus-4.6@qwen3-coder\n', glued: 'feat: b\n\nAI-Model: anthropic/claude-opus-4.6qwen3-coder\n' }, (found, name) => expect(found.join(' '), name).toMatch(/qwen\//));
  });
});

/**
 * Row 262: more AI review bots' committed suggestions (row 202's Copilot review, Greptile, cubic and
 * Windsurf were read). Sourcery's suggestion committed from the pull request page, as
 * supabase-community/postgrest-py's changelog shows it ("feat: add or filter along with tests (#355)",
 * `Co-authored-by: sourcery-ai[bot] <58596630+sourcery-ai[bot]@users.noreply.github.com>`), and
 * Korbit's, Qodo's, Bito's and CodeAnt's accounts (public registries of AI review bot logins) read as
 * people's commits.
 */
const REVIEW_BOTS: Case[] = [
  ['feat: add or filter along with tests (#355)\n\nCo-authored-by: sourcery-ai[bot] <58596630+sourcery-ai[bot]@users.noreply.github.com>\n', ['sourcery:unknown']],
  ['Apply suggestion from code review\n\nCo-authored-by: korbit-ai[bot] <131444098+korbit-ai[bot]@users.noreply.github.com>\n', ['korbit:unknown']],
  ['Apply suggestion from @qodo-merge-pro[bot]\n\nCo-authored-by: qodo-merge-pro[bot] <151058649+qodo-merge-pro[bot]@users.noreply.github.com>\n', ['qodo:unknown']],
  ['Apply suggestions\n\nCo-authored-by: bito-code-review[bot] <bito-code-review[bot]@users.noreply.github.com>\nCo-authored-by: codeant-ai[bot] <codeant-ai[bot]@users.noreply.github.com>\n', ['bito:unknown', 'codeant:unknown']],
  // A person whose login is the bot's name without [bot], and the words in prose, stay people's.
  ['Thanks to sourcery for the idea\n\nCo-authored-by: sourcery <sourcery@example.com>\n', []],
];

describe('row 262: more AI review bots as co-authors', () => {
  it('log reads Sourcery\'s, Korbit\'s, Qodo\'s, Bito\'s and CodeAnt\'s bot accounts as those reviewers; a person named so stays a person', () => {
    expectLog(REVIEW_BOTS);
  });
});
