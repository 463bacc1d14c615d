import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n';

/**
 * A server whose main already holds a commit declaring Qwen (accepted before the deny, here by
 * pushing it while the pre-receive hook is set aside), cloned by `work`.
 */
function serverWithOldQwenCommit() {
  const project = policyServer(DENY_QWEN);
  const hook = join(project.remote.dir, 'hooks', 'pre-receive');
  expect(commitWith(project.work, 'feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder-plus\n', { 'src/parse.ts': 'export const parse = 1;\n' }, { noVerify: true }).code).toBe(0);
  renameSync(hook, `${hook}.off`);
  const old = tryGit(project.work.dir, ['push', '--no-verify', 'origin', 'main']);
  renameSync(`${hook}.off`, hook);
  expect(old.code, old.stderr).toBe(0);
  return { ...project, sha: project.work.git(['rev-parse', 'HEAD']) };
}

describe('a push of refs/notes/ai-attribution re-judges only commits a Qwen Code note attributes', () => {
  it("another tool's note (kiro-metrics) on a commit the server accepted before the deny is pushed", () => {
    const { work, remote, sha } = serverWithOldQwenCommit();
    work.git(['notes', '--ref=refs/notes/ai-attribution', 'add', '-f', '-m', '{"attribution_state":"measured","ai_lines":3,"human_lines":0,"total_lines":3}', sha]);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai-attribution']);
    expect(push.code, push.stderr).toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)'])).toContain('refs/notes/ai-attribution');
  });

  it("Qwen Code's own note naming Qwen on that commit is still judged (refused), and a hostile note of Qwen's shape on a silent commit too", () => {
    const { work, sha } = serverWithOldQwenCommit();
    work.git(['notes', '--ref=refs/notes/ai-attribution', 'add', '-f', '-m', '{"version":1,"generator":"Qwen-Coder","files":{},"summary":{}}', sha]);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai-attribution']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/');
  });
});
