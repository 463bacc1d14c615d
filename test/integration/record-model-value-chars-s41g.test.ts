// Red team (session 41, helper g): a model variable or settings value holding a character the
// catalog refuses (a CRLF `.env`'s carriage return, a zero-width or format character, a fullwidth
// letter) was read as `unknown`, so an agent's commit on a denied model recorded
// `Assisted-by: claude-code:unknown` and passed commit-msg under `deny: ["qwen/*"]`; the same text
// in a trailer reads as Qwen (row 24). Committed for real through the installed hooks with the
// agent's own environment. Failed before the fix in src/core/detect/env-findings.ts (modelOrUnknown).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';

function hooked(): TestRepo {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
  const init = aitrail(repo.dir, ['init', '--mode', 'git']);
  expect(init.status, init.stderr).toBe(0);
  return repo;
}

/** `git commit` as the agent runs it, with a staged change: the hook's verdict and the stored message. */
function agentCommit(repo: TestRepo, env: NodeJS.ProcessEnv) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const result = gitRun(repo.dir, ['commit', '-q', '-F', '-'], env, 'feat: parser\n');
  return { ...result, message: result.status === 0 ? messageOf(repo.dir) : '' };
}

describe('a model value holding a character the catalog refuses', () => {
  it('is read as detection reads a trailer, so a denied model is refused at commit time', () => {
    const repo = hooked();
    const qwen: Record<string, NodeJS.ProcessEnv> = {
      'a CRLF .env exported by a shell': { CLAUDECODE: '1', ANTHROPIC_MODEL: 'qwen3-coder-plus\r' },
      'a zero-width space': { CLAUDECODE: '1', ANTHROPIC_MODEL: 'qwen\u200b3-coder' },
      'a soft hyphen': { CLAUDECODE: '1', ANTHROPIC_MODEL: 'qwen3\u00adcoder' },
      'a fullwidth letter': { CLAUDECODE: '1', ANTHROPIC_MODEL: '\uff51wen3-coder' },
      'a byte order mark': { CLAUDECODE: '1', ANTHROPIC_MODEL: '\ufeffqwen3-coder-plus' },
      "goose's model with a carriage return": { GOOSE_TERMINAL: '1', GOOSE_MODEL: 'qwen/qwen3-coder\r' },
      'AITRAIL_MODEL with a zero-width joiner': { AITRAIL_MODEL: 'qwen3\u200d-coder' },
    };
    for (const [name, env] of Object.entries(qwen)) {
      const made = agentCommit(repo, env);
      expect(made.status, `${name}: ${made.message}`).toBe(1);
      expect(made.stderr, name).toMatch(/qwen\/qwen3-coder[^\n]*is denied by policy\.deny pattern "qwen\/\*"/);
    }
    // A repository's Claude Code settings, the character written as a JSON escape a reviewer reads past.
    mkdirSync(join(repo.dir, '.claude'));
    writeFileSync(join(repo.dir, '.claude', 'settings.json'), '{"model": "qwen3\\u00adcoder-plus"}\n');
    const settings = agentCommit(repo, { CLAUDECODE: '1' });
    expect(settings.status, settings.message).toBe(1);
    expect(settings.stderr).toMatch(/qwen\/qwen3-coder-plus[^\n]*is denied/);
  });

  it('an allowed model so written is still its own model, and a vendor word its vendor', () => {
    const repo = hooked();
    const claude = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6\u200b' });
    expect(claude.status, claude.stderr).toBe(0);
    expect(claude.message).toContain('Assisted-by: claude-code:anthropic/claude-opus-4.6');
    const kimi = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'kimi\u200b-team-gateway\r' });
    expect(kimi.status, kimi.stderr).toBe(0);
    expect(kimi.message).toContain('Assisted-by: claude-code:moonshotai/unknown');
  });
});
