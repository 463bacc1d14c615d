// Red team: an agent of an allowed vendor routed to a denied model (Claude Code at DashScope,
// Zhipu, Moonshot, DeepSeek; aider at OpenRouter), committed for real through the installed
// hooks with the agent's own environment, and pushed to a real server running pre-receive.
// Every test here failed before its fix.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail as cli } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';

/** Claude Code writes this co-author line whatever model it runs (anthropics/claude-code#54886). */
const CLAUDE_LINE = 'Co-Authored-By: Claude Opus 4.7 <noreply@anthropic.com>';

/** A repository with the hooks installed and `config` committed (made once per file and config, and copied: test/helpers/hooked-repo.ts). */
function hooked(config: string): TestRepo {
  return copiedRepo(`record-routed-models ${config}`, () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': config });
    const init = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    return repo;
  });
}

/** `git commit` as the agent runs it (its environment), with a staged change; the hook's verdict and the stored message. */
function agentCommit(repo: TestRepo, env: NodeJS.ProcessEnv, message = `feat: parser\n\n${CLAUDE_LINE}\n`) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const result = gitRun(repo.dir, ['commit', '-q', '-F', '-'], env, message);
  return { ...result, message: result.status === 0 ? messageOf(repo.dir) : '' };
}

describe('a vendor written as the company is called', () => {
  it('deny: ["zhipu/*"], ["moonshot/*"], ["alibaba"] deny GLM, Kimi and Qwen at commit, at pre-receive and in check', () => {
    const glm = agentCommit(hooked('policy:\n  deny: ["zhipu/*"]\n'), { CLAUDECODE: '1', ANTHROPIC_MODEL: 'glm-4.6' });
    expect(glm.status, glm.message).toBe(1);
    expect(glm.stderr).toMatch(/z-ai\/glm-4\.6.*denied by policy\.deny pattern "zhipu\/\*"/);
    const kimi = agentCommit(hooked('policy:\n  deny: ["moonshot/*"]\n'), { CLAUDECODE: '1', ANTHROPIC_MODEL: 'kimi-k2-0905-preview' });
    expect(kimi.status, kimi.message).toBe(1);
    // A brace list of vendors is a list of literal names: each is its canonical vendor too.
    const listed = hooked('policy:\n  deny: ["{qwen,zhipu}/*", "{deepseek-ai,moonshot}"]\n');
    for (const model of ['glm-4.6', 'kimi-k2-0905-preview', 'qwen3-coder-plus']) {
      const refused = agentCommit(listed, { CLAUDECODE: '1', ANTHROPIC_MODEL: model });
      expect(refused.status, `${model}: ${refused.message}`).toBe(1);
    }
    expect(agentCommit(listed, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-7' }).status).toBe(0);
    for (const [config, trailer] of [
      ['policy:\n  deny: ["alibaba"]\n', 'Assisted-by: claude-code:qwen/qwen3-coder-plus'],
      ['policy:\n  deny: ["zai-org/*", "deepseek-ai/*"]\n', 'Assisted-by: claude-code:z-ai/glm-4.6'],
    ] as const) {
      const { work, base } = policyServer(config);
      work.commit(`feat: parser\n\n${trailer}\n`, { 'src/parser.ts': 'x\n' });
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
      expect(push.code, push.stderr).not.toBe(0);
      const check = cli(work.dir, ['check', `${base}..main`, '--format', 'json']);
      expect(check.code, check.stderr).toBe(1);
      expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ rule: 'model-denied' }));
    }
    // allow: the same names allow the vendor's models, and nobody else's.
    const allowed = hooked('policy:\n  allow: ["zhipu/*"]\n');
    expect(agentCommit(allowed, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'glm-4.6' }, 'feat: glm\n').status).toBe(0);
    expect(agentCommit(allowed, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'qwen3-coder-plus' }, 'feat: qwen\n').status).toBe(1);
  });
});

/** Alibaba Model Studio's Claude Code setup: every alias mapped to Qwen at the Anthropic-compatible endpoint. */
const DASHSCOPE = {
  CLAUDECODE: '1',
  CLAUDE_CODE_ENTRYPOINT: 'cli',
  ANTHROPIC_BASE_URL: 'https://dashscope-intl.aliyuncs.com/apps/anthropic',
  ANTHROPIC_AUTH_TOKEN: 'sk-test',
  ANTHROPIC_DEFAULT_OPUS_MODEL: 'qwen3-coder-plus',
  ANTHROPIC_DEFAULT_SONNET_MODEL: 'qwen3-coder-plus',
  ANTHROPIC_DEFAULT_HAIKU_MODEL: 'qwen-flash',
};

describe('Claude Code with its model aliases mapped to another vendor', () => {
  const QWEN_DENIED = 'policy:\n  deny: ["qwen/*"]\n';

  it('ANTHROPIC_DEFAULT_{OPUS,SONNET}_MODEL=qwen3-coder-plus (no ANTHROPIC_MODEL): Qwen, not the Claude of the co-author line', () => {
    const repo = hooked(QWEN_DENIED);
    const refused = agentCommit(repo, DASHSCOPE);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/model qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
    const recorded = gitRun(repo.dir, ['commit', '-q', '--no-verify', '-F', '-'], DASHSCOPE, `feat: parser\n\n${CLAUDE_LINE}\n`);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(messageOf(repo.dir)).toContain('Assisted-by: claude-code:qwen/qwen3-coder-plus\n');
    expect(messageOf(repo.dir)).not.toContain('qwen-flash');
  });

  it('ANTHROPIC_MODEL=sonnet (or opusplan) is what ANTHROPIC_DEFAULT_SONNET_MODEL names, not anthropic/claude-sonnet', () => {
    const repo = hooked(QWEN_DENIED);
    for (const alias of ['sonnet', 'sonnet[1m]', 'opusplan']) {
      const env = { CLAUDECODE: '1', ANTHROPIC_MODEL: alias, ANTHROPIC_DEFAULT_SONNET_MODEL: 'qwen3-coder-plus' };
      const result = agentCommit(repo, env, 'feat: parser\n');
      expect(result.status, `${alias}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
      expect(result.stderr).not.toMatch(/claude-sonnet/);
    }
    // haiku is the background model: it names no model of the session unless chosen.
    const haiku = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'haiku', ANTHROPIC_SMALL_FAST_MODEL: 'qwen3-coder-flash' }, 'feat: parser\n');
    expect(haiku.status, haiku.stderr).toBe(1);
  });

  it('CLAUDE_CODE_SUBAGENT_MODEL=qwen3-coder-plus: the subagents that write code are Qwen', () => {
    const repo = hooked(QWEN_DENIED);
    const result = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-7', CLAUDE_CODE_SUBAGENT_MODEL: 'qwen3-coder-plus' });
    expect(result.status, result.message).toBe(1);
    expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
  });

  it('what held: a background-only Haiku mapping, and a person whose shell keeps the variables with no agent running', () => {
    const repo = hooked(QWEN_DENIED);
    const background = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-7', ANTHROPIC_DEFAULT_HAIKU_MODEL: 'qwen-flash', ANTHROPIC_SMALL_FAST_MODEL: 'qwen-flash' }, 'feat: parser\n');
    expect(background.status, background.stderr).toBe(0);
    expect(background.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.7\n');
    const { CLAUDECODE: _marker, CLAUDE_CODE_ENTRYPOINT: _entry, ...shell } = DASHSCOPE;
    const person = agentCommit(repo, { ...shell, ANTHROPIC_MODEL: 'qwen3-coder-plus', CLAUDE_CODE_SUBAGENT_MODEL: 'qwen3-coder-plus' }, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});

describe('a model variable naming a model the catalog does not know yet', () => {
  it("ANTHROPIC_MODEL=qwen-flash is that vendor's unknown model, kimi-for-coding (Kimi Code's model, a catalog id since row 727) Moonshot's, not only the co-author line's Claude", () => {
    const qwen = agentCommit(hooked('policy:\n  deny: ["qwen/*"]\n'), { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://dashscope-intl.aliyuncs.com/apps/anthropic', ANTHROPIC_MODEL: 'qwen-flash' });
    expect(qwen.status, qwen.message).toBe(1);
    expect(qwen.stderr).toMatch(/model qwen\/unknown \(via claude-code\) is denied/);
    const repo = hooked('policy:\n  deny: ["moonshot/*"]\n');
    const kimi = { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://api.kimi.com/coding/', ANTHROPIC_MODEL: 'kimi-for-coding' };
    expect(agentCommit(repo, kimi).status).toBe(1);
    const recorded = gitRun(repo.dir, ['commit', '-q', '--no-verify', '-F', '-'], kimi, `feat: parser\n\n${CLAUDE_LINE}\n`);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(messageOf(repo.dir)).toContain('Assisted-by: claude-code:moonshotai/kimi-for-coding\n');
    // A name that says no vendor stays the agent's unknown model (a warning, as before).
    const plain = agentCommit(hooked('policy:\n  deny: ["qwen/*"]\n'), { CLAUDECODE: '1', ANTHROPIC_MODEL: 'my-gateway-model' }, 'feat: parser\n');
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toBe('feat: parser\n\nAssisted-by: claude-code:unknown\n');
  });
});

describe("Claude Code at a vendor's own endpoint with no model variable", () => {
  it("ANTHROPIC_BASE_URL at Zhipu (their documented setup: the endpoint serves GLM for Claude's names) or Kimi Code is that vendor's model", () => {
    const repo = hooked('policy:\n  deny: ["zhipu/*", "moonshot/*"]\n');
    const zhipu = { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://open.bigmodel.cn/api/anthropic', ANTHROPIC_AUTH_TOKEN: 'sk-test' };
    const refused = agentCommit(repo, zhipu);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/model z-ai\/unknown \(via claude-code\) is denied/);
    expect(gitRun(repo.dir, ['commit', '-q', '--no-verify', '-F', '-'], zhipu, `feat: parser\n\n${CLAUDE_LINE}\n`).status).toBe(0);
    expect(messageOf(repo.dir)).toContain('Assisted-by: claude-code:z-ai/unknown\n');
    // A Claude name sent there is served by the vendor's model too; its own model names stay.
    const named = agentCommit(repo, { ...zhipu, ANTHROPIC_MODEL: 'claude-sonnet-4-5-20250929' });
    expect(named.status).toBe(1);
    const kimi = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://api.kimi.com/coding/' });
    expect(kimi.status, kimi.message).toBe(1);
    expect(kimi.stderr).toMatch(/moonshotai\/unknown/);
  });

  it('what held: a gateway that names no vendor (a corporate proxy, OpenRouter) keeps the model the variables name', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const proxy = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://llm-gateway.corp.example/anthropic', ANTHROPIC_MODEL: 'claude-opus-4-7' }, 'feat: parser\n');
    expect(proxy.status, proxy.stderr).toBe(0);
    expect(proxy.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.7\n');
    const openrouter = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://openrouter.ai/api', ANTHROPIC_MODEL: 'qwen/qwen3-coder' }, 'feat: parser\n');
    expect(openrouter.status).toBe(1);
    // A lookalike host is no vendor's endpoint.
    const lookalike = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://open.bigmodel.cn.example.com/api', ANTHROPIC_MODEL: 'claude-opus-4-7' }, 'feat: parser\n');
    expect(lookalike.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.7\n');
  });
});

describe("a line-level note naming a model the catalog does not know yet", () => {
  it("Claude Code's transcript says qwen-flash: its checkpointed lines, committed by hand, are that vendor's in check and at pre-receive", () => {
    const { work, base } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const init = aitrail(work.dir, ['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, `${JSON.stringify({ type: 'assistant', message: { model: 'qwen-flash', role: 'assistant' } })}\n`);
    const file = join(work.dir, 'src/parser.ts');
    const payload = (event: string, content: string) => ({ session_id: 's1', transcript_path: transcript, cwd: work.dir, hook_event_name: event, tool_name: 'Write', tool_input: { file_path: file, content } });
    expect(checkpoint(work.dir, 'claude-code', payload('PreToolUse', 'export const n = 1;\n')).stderr).toBe('');
    work.write('src/parser.ts', 'export const n = 1;\n');
    expect(checkpoint(work.dir, 'claude-code', payload('PostToolUse', 'export const n = 1;\n')).stderr).toBe('');
    // Committed by hand: no agent variable, no trailer; post-commit writes the note from the checkpoint.
    work.git(['add', 'src/parser.ts']);
    const made = gitRun(work.dir, ['commit', '-q', '-m', 'feat: parser']);
    expect(made.status, made.stderr).toBe(0);
    expect(work.git(['notes', '--ref=refs/notes/ai', 'show', 'HEAD'])).toContain('"model": "qwen-flash"');
    const check = cli(work.dir, ['check', `${base}..main`, '--format', 'json']);
    expect(check.code, check.stdout).toBe(1);
    expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ rule: 'model-denied', model: 'qwen/unknown' }));
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', 'refs/notes/ai']);
    expect(push.code, push.stderr).not.toBe(0);
  });
});
