// Session 54 helper j (row 1146): a body line holding many carriage returns (a pasted terminal log whose
// progress bar redraws with `\r`, ~150,000 of them in 300 KB) made detection throw "Maximum call stack size
// exceeded": each part after a screen's break was spread as the arguments of one `push` (keyLineTexts, and
// fromText's hits for a footer repeated after each `\r`). Found profiling detection on large messages. Before:
// init's commit-msg hook refused the person's commit ("internal error"), and `log` died (exit 3) on any
// history holding such a commit. Now the parts are pushed one at a time: the commit is made, `log` reads it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { detectCommit } from '../../src/core/detect/commit.js';
import { commitSignals } from '../../src/core/commit-signals.js';

const human = { name: 'Pat', email: 'pat@example.com' };

describe('a line of many screen breaks is read, not thrown on (row 1146)', () => {
  it("init's hooks commit a person's pasted progress log; log reads it as human", () => {
    const { repo, env } = hookedRepo();
    const file = join(repo.dir, '..', 'progress-msg.txt');
    writeFileSync(file, `chore: log of the failing build\n\n${'downloading 42%\r'.repeat(150_000)}\n`);
    writeFileSync(join(repo.dir, 'b.txt'), 'b\n');
    repo.git(['add', 'b.txt']);
    const commit = tryGit(repo.dir, ['commit', '-q', '-F', file], { env });
    expect(commit.stderr).not.toContain('internal error');
    expect(commit.code, commit.stderr.slice(0, 500)).toBe(0);
    expect(repo.git(['log', '-1', '--format=%s']).trim()).toBe('chore: log of the failing build');
    const log = aitrail(repo.dir, ['log', '-n', '1'], { env });
    expect(log.code, log.stderr.slice(0, 500)).toBe(0);
    expect(log.stdout).toContain('human');
  }, 180_000);

  it("an agent's footer after each of 200,000 carriage returns is still that agent, as one was", () => {
    const footer = '🤖 Generated with [Claude Code](https://claude.com/claude-code)';
    const once = detectCommit(commitSignals({ message: `feat: x\n\nwork\r${footer}\n`, author: human, committer: human }));
    const many = detectCommit(commitSignals({ message: `feat: x\n\n${`${footer}\r`.repeat(2_000)}${'x\r'.repeat(200_000)}\n`, author: human, committer: human }));
    expect(once.map((a) => a.agent)).toEqual(['claude-code']);
    expect(many.map((a) => a.agent)).toEqual(['claude-code']);
  }, 120_000);
});
