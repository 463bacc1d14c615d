// Session 54 helper e (row 1130): the twin search (rows 1056, 1079, 1082) ran `git log -p | git patch-id` twice, once for
// the refused commits and once for EVERY commit of the range no global rule refuses, even those changing no path a refused
// commit changed (found reading src/enforce/laundered-twins.ts; a range of large person commits paid their whole patches at
// every push). Now the walk lists the paths the refused commits change, only the range's commits whose asked path one of them
// changed are read, and both sides go through one `git log -p` and one `git patch-id`. Replayed with the built CLI's `check`,
// git traced (GIT_TRACE), and a real bare server with pre-receive.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { gitCommands, traceFile } from '../helpers/git-trace.js';
import { deniedAfterRevert, PARSE } from '../helpers/laundered-twins.js';

describe('the twin search reads each patch once, and only what can twin (row 1130)', () => {
  it('row 1130: one `git log -p` and one `git patch-id`, without the commits no refused commit shares a path with; a pick of Q is still refused, naming Q', () => {
    const server = deniedAfterRevert();
    const { work, qwen } = server;
    expect(commitWith(work, 'feat: other\n', { 'src/other.ts': 'export const other = 1;\n' }, { noVerify: true }).code).toBe(0);
    const other = work.git(['rev-parse', 'HEAD']);
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse again']).code).toBe(0);
    const pick = work.git(['rev-parse', 'HEAD']);
    expect(commitWith(work, 'feat: more\n', { 'src/more.ts': 'export const more = 2;\n' }, { noVerify: true }).code).toBe(0);
    const trace = traceFile('check.trace');
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { env: { GIT_TRACE: trace }, timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain(`the same change (git patch-id) as ${qwen.slice(0, 12)}`);
    const commands = gitCommands(trace);
    const patches = commands.filter((command) => command.startsWith('log -p '));
    expect(patches, commands.join('\n')).toHaveLength(1);
    expect(commands.filter((command) => command.startsWith('patch-id '))).toHaveLength(1);
    expect(patches[0]).toContain(qwen);
    expect(patches[0]).toContain(pick);
    expect(patches[0]).not.toContain(other);
    // The server refuses the same push.
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(pushed.code, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toContain(qwen.slice(0, 12));
    // A range none of whose paths a refused commit changed reads no patch at all.
    work.git(['reset', '-q', '--hard', 'origin/main']);
    expect(commitWith(work, 'feat: own\n', { 'src/own.ts': PARSE.replace('parse', 'own') }, { noVerify: true }).code).toBe(0);
    const quiet = traceFile('quiet.trace');
    const passed = aitrail(work.dir, ['check', 'origin/main..HEAD'], { env: { GIT_TRACE: quiet }, timeout: 120_000 });
    expect(passed.code, passed.stdout + passed.stderr).toBe(0);
    expect(gitCommands(quiet).filter((command) => command.startsWith('log -p ') || command.startsWith('patch-id '))).toHaveLength(0);
  });
});
