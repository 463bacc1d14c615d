// Policy semantics as a confused admin writes them and an insider reads them: globs, aliases and
// detection rules that judged otherwise than they read. Real repositories, real pushes to a bare
// server running the pre-receive hook, `aitrail check`. Every test here failed before its fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, policyServer, tryGit } from '../helpers/enforce-repos.js';

type Found = { sha: string; rule: string; model: string; path: string | null };

/** `check main..<branch>` of the work repo: exit code and violations. */
function check(dir: string, branch: string): { code: number; violations: Found[]; stderr: string } {
  const run = aitrail(dir, ['check', `main..${branch}`, '--format', 'json']);
  return { code: run.code, violations: run.code <= 1 ? (JSON.parse(run.stdout) as { violations: Found[] }).violations : [], stderr: run.stderr };
}

describe('model globs written as people name models (row 278)', () => {
  it('deny: ["kimi", "glm"] (family words) refuses Kimi and GLM at pre-receive and in check; allow: ["anthropic/claude-opus-4-6"] (Anthropic\'s own id) passes Claude Opus 4.6', () => {
    const { work } = policyServer('policy:\n  allow: ["anthropic/claude-opus-4-6", "kimi", "glm", "qwen/Qwen3-Coder-480B-A35B-Instruct"]\n  deny: ["kimi", "glm", "qwen/Qwen3-Coder-480B-A35B-Instruct"]\n');
    work.git(['checkout', '-q', '-b', 'feature']);
    const claude = commitCase(work, 'claude', 'feat: claude\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'feature']).code).toBe(0);
    const kimi = commitCase(work, 'kimi', 'feat: kimi\n\nAssisted-by: claude-code:moonshotai/kimi-k2\n');
    const glm = commitCase(work, 'glm', 'feat: glm\n\nAssisted-by: claude-code:z-ai/glm-4.6\n');
    const qwen = commitCase(work, 'qwen', 'feat: qwen\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n');
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'feature']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*moonshotai\/kimi-k2/);
    const judged = check(work.dir, 'feature');
    expect(judged.code, judged.stderr).toBe(1);
    expect(judged.violations.filter((v) => v.sha === claude)).toEqual([]);
    expect(judged.violations.map((v) => [v.sha, v.rule, v.model])).toEqual(
      expect.arrayContaining([
        [kimi, 'model-denied', 'moonshotai/kimi-k2'],
        [glm, 'model-denied', 'z-ai/glm-4.6'],
        [qwen, 'model-denied', 'qwen/qwen3-coder'],
      ]),
    );
    expect(judged.violations).toHaveLength(3);
  });
});

describe('a model glob that can match no model id (row 282)', () => {
  it('a model glob that can match no id (a router for a vendor, an empty segment, an agent\'s name, ":free" on a wildcard, a comma list) is exit 2 naming each', () => {
    const { work } = policyServer('policy:\n  deny: ["openrouter/qwen/*", "qwen/", "claude-code", "qwen/*:free", "qwen/*,deepseek/*"]\n  paths:\n    - files: ["src/**"]\n      allow: ["ollama/*"]\n');
    work.git(['checkout', '-q', '-b', 'feature']);
    commitCase(work, 'qwen', 'feat: qwen\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n');
    const run = aitrail(work.dir, ['check', 'main..feature']);
    expect(run.code, run.stdout).toBe(2);
    for (const path of ['policy.deny[0]', 'policy.deny[1]', 'policy.deny[2]', 'policy.deny[3]', 'policy.deny[4]', 'policy.paths[0].allow[0]']) expect(run.stderr).toContain(path);
    expect(run.stderr).toMatch(/"openrouter".*where a model runs/);
    expect(run.stderr).toMatch(/an agent's name, "claude-code"/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('an alias to a vendor written as the company is called (row 279)', () => {
  it('detect.aliases { internal-llm: zhipu/glm-4.6-internal } under deny: ["zhipu/*"] refuses the alias\'s commits in check and at pre-receive', () => {
    const { work } = policyServer('policy:\n  deny: ["zhipu/*"]\ndetect:\n  aliases:\n    internal-llm: zhipu/glm-4.6-internal\n');
    work.git(['checkout', '-q', '-b', 'feature']);
    const sha = commitCase(work, 'gateway', 'feat: gateway\n\nAssisted-by: claude-code:internal-llm\n');
    const judged = check(work.dir, 'feature');
    expect(judged.code, judged.stderr).toBe(1);
    expect(judged.violations).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'z-ai/glm-4.6-internal' })]);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'feature']).code).not.toBe(0);
  });
});

describe('a detect rule\'s $1 read as one whole name (row 280)', () => {
  it('a team\'s rule model: "$1" over a gateway trailer reads the committer\'s text as a declared value is read: Qwen glued to Claude, an extra slash, a list', () => {
    const { work } = policyServer('policy:\n  deny: ["qwen/*"]\ndetect:\n  rules:\n    - { field: trailer, key: X-Gateway-Model, pattern: "^(.+)$", agent: gateway, model: "$1" }\n');
    work.git(['checkout', '-q', '-b', 'feature']);
    const cases = {
      glued: commitCase(work, 'glued', 'feat: a\n\nX-Gateway-Model: anthropic/claude-opus-4.6@qwen3-coder\n'),
      slashes: commitCase(work, 'slashes', 'feat: b\n\nX-Gateway-Model: Qwen//qwen3-coder\n'),
      list: commitCase(work, 'list', 'feat: c\n\nX-Gateway-Model: claude-opus-4.6, qwen3-coder\n'),
      claude: commitCase(work, 'claude', 'feat: d\n\nX-Gateway-Model: anthropic/claude-opus-4.6\n'),
    };
    const judged = check(work.dir, 'feature');
    expect(judged.code, judged.stderr).toBe(1);
    const denied = (sha: string) => judged.violations.filter((v) => v.sha === sha && v.rule === 'model-denied').map((v) => v.model);
    expect(denied(cases.glued)).toEqual(['qwen/unknown']);
    // `Qwen//qwen3-coder` is read as a path whose last segment names the model since rows 918/928: still denied, and now named.
    expect(denied(cases.slashes)).toEqual(['qwen/qwen3-coder']);
    expect(denied(cases.list)).toEqual(['qwen/qwen3-coder']);
    expect(denied(cases.claude)).toEqual([]);
  });
});

describe('a path rule over a directory named with parentheses (row 281)', () => {
  it('files: ["app/(admin)/**"] (a Next.js route group) protects app/(admin)/ in check and at pre-receive; app/admin/ stays protected too', () => {
    const { work } = policyServer('policy:\n  paths:\n    - files: ["app/(admin)/**"]\n      deny: ["qwen/*"]\n');
    work.git(['checkout', '-q', '-b', 'feature']);
    const sha = commitCase(work, 'page', 'feat: admin page\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', 'app/(admin)/users/page.tsx');
    const judged = check(work.dir, 'feature');
    expect(judged.code, judged.stderr).toBe(1);
    expect(judged.violations).toEqual([expect.objectContaining({ sha, rule: 'path-model-denied', path: 'app/(admin)/users/page.tsx' })]);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'feature']).code).not.toBe(0);
    work.git(['checkout', '-q', '-b', 'plain', 'main']);
    commitCase(work, 'plain', 'feat: admin page\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', 'app/admin/page.tsx');
    expect(check(work.dir, 'plain').code).toBe(1);
  });
});
