// Row 499: Qwen Code's own names at Qwen's and Alibaba's no-reply addresses. Qwen Code's line
// `Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>` reads `qwen-code:qwen/unknown`, so
// `deny: ["qwen/*"]` refuses it; the same name at a no-reply address (`Qwen-Coder
// <noreply@alibabacloud.com>`, what the @ai-coding-workshop/commit-msg hook adds as Co-developed-by
// under Qwen Code; `Qwen Code <noreply@alibaba.com>`, `<noreply@qwen.com>` in projects' rules)
// was read as an agent named at a no-reply address, `qwen-code:unknown`: a warning under
// policy.unknownModel, so the commit passed the hooks, `check` and pre-receive. This test failed
// before its fix. People and other names at those addresses stay as they were.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { aitrail } from '../helpers/cli.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { hookEnv } from '../helpers/hooks.js';
import { readFileSync } from 'node:fs';
import { tryGit } from '../helpers/enforce-repos.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';

describe("Qwen Code's names at Qwen's and Alibaba's no-reply addresses (row 499)", () => {
  it('are refused under deny qwen/* by check and pre-receive', () => {
    const { remote, work } = policyServer(DENY);
    expectEachRefused(remote, work, {
      hook: 'feat: a\n\nCo-developed-by: Qwen-Coder <noreply@alibabacloud.com>\n',
      qwenAi: 'feat: b\n\nCo-authored-by: Qwen-Coder <noreply@qwen.ai>\n',
      alibaba: 'feat: c\n\nCo-Authored-By: Qwen Code <noreply@alibaba.com>\n',
      qwenCom: 'feat: d\n\nCo-Authored-By: Qwen Code <noreply@qwen.com>\n',
    }, (found, name) => expect(found, name).toContain('qwen/unknown'));
    // A person at a no-reply address, and a person at Alibaba: no AI.
    expectEachPasses(work, [
      'feat: e\n\nCo-authored-by: Wei Zhang <noreply@alibabacloud.com>\n',
      'feat: f\n\nCo-authored-by: Qwen Li <qwen.li@alibaba-inc.com>\n',
    ]);
  }, 120_000);

  it('is refused at commit by the installed hooks', () => {
    const repo = hooked(DENY);
    const refused = agentCommit(repo, hookEnv({}), 'feat: parser\n\nCo-developed-by: Qwen-Coder <noreply@alibabacloud.com>\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/unknown/);
  });

  it('log reads them as Qwen Code with the vendor, as Qwen Code\'s own line; the name alone elsewhere is unchanged', () => {
    const repo = makeRepo();
    const cases = [
      ['Jane Doe', 'jane@example.com', 'a\n\nCo-authored-by: Qwen-Coder <noreply@qwen.ai>\n', 'qwen-code:qwen/unknown'],
      ['Qwen Code', 'noreply@alibaba.com', 'b\n', 'qwen-code:qwen/unknown'],
      ['Jane Doe', 'jane@example.com', 'c\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', 'qwen-code:qwen/unknown'],
      // Not the agent's name: a person at the address, and Alibaba's own mail.
      ['Wei Zhang', 'noreply@alibabacloud.com', 'd\n', ''],
      ['Alibaba Cloud', 'noreply@alibabacloud.com', 'e\n', ''],
    ] as const;
    cases.forEach(([name, email, message], at) => repo.commit(message, { [`f${at}`]: 'x\n' }, { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email }));
    const log = aitrail(repo.dir, ['log', '--format', 'json', '--no-notes']);
    expect(log.code, log.stderr).toBe(0);
    const read = (JSON.parse(log.stdout) as { attributions: { agent: string; model: string }[] }[]).reverse();
    cases.forEach(([, , message, expected], at) => {
      expect(read[at].attributions.map((found) => `${found.agent}:${found.model}`).join(','), message).toBe(expected);
    });
  });

  it("costs Alibaba's people no node start: the shims look for the no-reply address, not the domain", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const made = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'fix: parser'], { env: { ...env, GIT_AUTHOR_NAME: 'Wei Li', GIT_AUTHOR_EMAIL: 'wei.li@alibaba-inc.com', GIT_COMMITTER_NAME: 'Wei Li', GIT_COMMITTER_EMAIL: 'wei.li@alibaba-inc.com' } });
    expect(made.code, made.stderr).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
