// row 1078: under a /bin/sh that knows no POSIX character classes (posh), each shim re-runs itself under the first
// shell found at a fixed system path (row 1070), /bin/dash first. Where /bin/dash is posh too (a link or a
// dpkg-divert to it, as some minimal images make every sh), the shim exec'd /bin/dash, which failed the same guard and
// exec'd /bin/dash again, for good: `git commit` hung (the replay below ran until its timeout). Each shell is now asked
// first whether it knows the classes, and only one that does is run. Replayed for real: the hooks from `aitrail init`
// run by posh, real commits inside a user and mount namespace (`unshare -rm`) where posh is bound over /bin/dash and
// /usr/bin/dash, so no file of the machine is changed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookedWithOrigin } from '../helpers/hooked-repo.js';
import { shellAsSh } from '../helpers/bash-as-sh.js';

const POSH = spawnSync('sh', ['-c', 'command -v posh'], { encoding: 'utf8' }).stdout.trim();
/** Whether this machine lets a user make a user and mount namespace and bind a file in it. */
const NAMESPACES = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount --bind /dev/null /dev/null'], { encoding: 'utf8' }).status === 0;
// Binds posh over every dash at a fixed path, then runs the command given, in the namespace.
const POSH_AS_DASH = 'posh=$1; shift; for d in /bin/dash /usr/bin/dash; do [ -e "$d" ] && { mount --bind "$posh" "$d" || exit 97; }; done; exec "$@"';

/** `git <args>` in `dir` where every dash is posh; ends it after `seconds` (a hung hook). */
function gitWherePoshIsDash(dir: string, args: string[], env: NodeJS.ProcessEnv, seconds = 30) {
  return spawnSync('unshare', ['-rm', 'sh', '-c', POSH_AS_DASH, 'sh', POSH, 'git', ...args], { cwd: dir, env, encoding: 'utf8', timeout: seconds * 1000, killSignal: 'SIGKILL' });
}

describe.skipIf(POSH === '' || !NAMESPACES)('row 1078: the shims where /bin/dash is posh too', () => {
  it('the premise: in the namespace /bin/dash is posh (no [[:space:]])', () => {
    const run = spawnSync('unshare', ['-rm', 'sh', '-c', POSH_AS_DASH, 'sh', POSH, '/bin/dash', '-c', "case ' ' in [[:space:]]) echo y ;; *) echo n ;; esac"], { encoding: 'utf8' });
    expect(run.stdout).toBe('n\n');
  });

  it('a Qwen commit is refused and a Claude one recorded, neither hung (before the fix: the hook exec-looped until killed)', () => {
    const { repo, env } = hookedWithOrigin();
    expect(shellAsSh(join(repo.dir, '.git', 'hooks'), POSH)).toBeGreaterThan(3);
    repo.write('a.txt', 'qwen\n');
    repo.git(['add', 'a.txt']);
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const refused = gitWherePoshIsDash(repo.dir, ['commit', '-q', '-m', 'feat: qwen change'], { ...env, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' });
    expect(refused.signal, 'the hook hung').toBeNull();
    expect(refused.status, refused.stderr).not.toBe(0);
    expect(refused.stderr).toContain('qwen');
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(head);

    repo.write('a.txt', 'claude\n');
    repo.git(['add', 'a.txt']);
    const made = gitWherePoshIsDash(repo.dir, ['commit', '-q', '-m', 'feat: claude change'], { ...env, CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6' });
    expect(made.signal, 'the hook hung').toBeNull();
    expect(made.status, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('Assisted-by: claude-code:anthropic/claude-opus-4.6');
  });
});
