// Disclosures as 2026 public histories write them (ChatGPT's `Auto`, Z.ai's letter before GLM, Kimi at
// kimi.moonshot.cn, Perplexity's agent, two agents committing as `Claude <claude@localhost>` and
// `Gemini <gemini@localhost>`), on real commits: `aitrail log`, `aitrail check` and the hooks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

/**
 * `GPT-5.6 Auto` (ChatGPT's router; Copilot Studio's `GPT-5 Auto`) read as `openai/gpt-5.6-auto`, an id
 * no vendor published, past `deny: ["openai/gpt-5.6"]`; `Z-GLM-4 <noreply@z.ai>` (a team's Z.ai agent)
 * read as no one's.
 */
const NAMES: Case[] = [
  ['feat: the resolvent\n\nCo-authored-by: GPT-5.6 Auto <noreply@openai.com>\n', ['codex:openai/gpt-5.6']],
  ['feat: the resolvent\n\nAssisted-by: GPT-5 Auto\n', ['unknown:openai/gpt-5']],
  ['refactor(db): extraer el repositorio\n\nCo-authored-by: Z-GLM-4 <noreply@z.ai>\n', ['unknown:z-ai/glm-4']],
  ['refactor(db): extraer el repositorio\n\nAssisted-by: Z GLM-4.6\n', ['unknown:z-ai/glm-4.6']],
];

/** Kimi at kimi.moonshot.cn (a project's commit-msg hook asks for it), Perplexity's agent at perplexity.ai. */
const AGENTS: Case[] = [
  ['fix: the tokenizer cache\n\nAssisted-by: Kimi <kimi@kimi.moonshot.cn>\n', ['unknown:moonshotai/unknown']],
  ['fix: the tokenizer cache\n\nCo-authored-by: Kimi K2.6 <kimi@kimi.moonshot.cn>\n', ['unknown:moonshotai/kimi-k2.6']],
  ['feat: the flywheel bridge\n\nSigned-off-by: Yachay <yachay@example.dev>\nCo-Authored-By: Perplexity Computer Agent <agent@perplexity.ai>\n', ['perplexity:unknown']],
  ['feat: master identity\n\nCo-Authored-By: Perplexity AI (Sonnet 4.6) <noreply@perplexity.ai>\n', ['perplexity:anthropic/claude-sonnet-4.6']],
  ['feat: the flywheel bridge\n\nCo-Authored-By: Perplexity Computer Agent\n', ['perplexity:unknown']],
  ['docs: record the verification\n\nCo-authored-by: Claude <claude@localhost>\n', ['claude-code:unknown']],
  ['docs: record the verification\n\nCo-authored-by: Gemini <gemini@localhost>\n', ['gemini-cli:unknown']],
];

/** People, and a release bot, named like agents or at their vendors' domains. */
const PEOPLE: Case[] = [
  ['fix: the tokenizer cache\n\nCo-authored-by: Kimi Li <kimi@kimi.moonshot.cn>\n', []],
  ['fix: ranking\n\nCo-authored-by: Denis Yarats <denis@perplexity.ai>\n', []],
  ['eval: report perplexity on the held-out set\n\nCo-authored-by: Marta Perplexity <marta@uni.example>\n', []],
  ['fix: palette\n\nCo-authored-by: Claude Monet <claude@localhost>\n', []],
  ['fix: palette\n\nCo-authored-by: Claude <claude@example.org>\n', []],
  ['fix: palette\n\nCo-authored-by: Jane <jane@localhost>\n', []],
  ['fix: i18n\n\nCo-authored-by: Zhang Wei <zhang.wei@z.ai>\n', []],
  ['Fix thing (#1234)\n\nCo-authored-by: Zed Zippy <234243425+zed-zippy[bot]@users.noreply.github.com>\n', []],
];

describe('model names and agents of 2026 public histories', () => {
  it('log reads the model a picker or a team names, and the agent at its own address', () => {
    expectLog([...NAMES, ...AGENTS]);
  });

  it('log keeps people as people', () => {
    expectLog(PEOPLE);
  });

  it('check refuses GPT-5.6 Auto under a deny of openai/gpt-5.6 and Z-GLM-4 under z-ai/*, and passes the people', () => {
    const denied = refusedBy('policy:\n  deny: ["openai/gpt-5.6", "z-ai/*"]\n', NAMES.slice(0, 3).map(([message]) => message));
    expect(denied.refused).toEqual([denied.shas[0], denied.shas[2]].sort());
    expect(refusedBy('policy:\n  deny: ["anthropic/*"]\n  unknownModel: deny\n', PEOPLE.map(([message]) => message)).refused).toEqual([]);
  });
});

describe('an agent committing under its own name at localhost', () => {
  it('log reads `Claude <claude@localhost>` and `Gemini <gemini@localhost>` as authors, not `Claude Monet` or `Jane` there', () => {
    const repo = makeRepo();
    const authors = [
      ['Claude', 'claude@localhost', ['claude-code:unknown']],
      ['Gemini', 'gemini@localhost', ['gemini-cli:unknown']],
      ['Claude Code', 'claude-code@localhost', ['claude-code:unknown']],
      ['Claude Monet', 'claude@localhost', []],
      ['Jane', 'jane@localhost', []],
      ['Claude', 'claude@example.org', []],
    ] as const;
    const shas = authors.map(([name, email], index) => repo.commit(`docs: step ${index}\n`, { [`f${index}.txt`]: `${index}\n` }, { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email }));
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const bySha = new Map((JSON.parse(result.stdout) as { sha: string; attributions: { agent: string; model: string }[] }[]).map((entry) => [entry.sha, entry]));
    authors.forEach(([name, email, expected], index) => {
      expect({ name, email, got: bySha.get(shas[index]!)!.attributions.map((a) => `${a.agent}:${a.model}`) }).toEqual({ name, email, got: expected });
    });
  });

  it('with the real shims installed, `git commit --author="Gemini <gemini@localhost>"` starts node and records the agent', () => {
    const { repo, env, started } = hookedRepo();
    const starts = () => readFileSync(started, 'utf8').split('\n').filter(Boolean).length;
    const before = starts();
    repo.write('m.txt', 'agent\n');
    repo.git(['add', '-A']);
    // Nothing else in it is an agent's text the shims look for (`claude` is, `gemini` only beside a digit): `@localhost` starts node.
    const made = tryGit(repo.dir, ['commit', '-q', '--author=Gemini <gemini@localhost>', '-m', 'fix: check the session expiry'], { env });
    expect(made.code, made.stderr).toBe(0);
    expect(starts()).toBeGreaterThan(before);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('gemini-cli');
  });
});
