import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// task s52h: `aitrail check` with no range in a repository that has no remote at all exits 3 (the
// command's help says so: "no range and no remote default branch"; kept, DESIGN.md's codes are never
// renamed), and its fix now names what such a repository has: a range from its own branches, or a
// remote to add. It told the person to name `origin/main..HEAD` and run `git fetch origin main`,
// neither of which exists without a remote.
describe('check with no remote names a fix the repository can take (task s52h)', () => {
  it('text, json and github: exit 3, one message naming a local range or a remote to add', () => {
    const repo = makeRepo();
    repo.commit('docs: one\n', { 'one.md': '1\n' });
    const text = aitrail(repo.dir, ['check']);
    expect(text.code).toBe(3);
    expect(text.stdout).toBe('');
    const said = text.stderr.trimEnd().split('\n');
    expect(said).toHaveLength(2);
    expect(said[0]).toBe('aitrail: no range given and no remote default branch to compare HEAD with (this repository has no remote).');
    // HEAD is on main, its only branch: main..HEAD would judge nothing (row 1077), a placeholder.
    expect(said[1]).toContain('aitrail check <branch or commit>..HEAD');
    expect(said[1]).toContain('git remote add origin <url> && git fetch origin');
    expect(text.stderr).not.toContain('git fetch origin main');

    const json = aitrail(repo.dir, ['check', '--format', 'json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toEqual({ error: { exitCode: 3, kind: 'git', message: text.stderr.trimEnd().replace(/^aitrail: /, '') } });

    const github = aitrail(repo.dir, ['check', '--format', 'github']);
    expect(github.code).toBe(3);
    expect(github.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^::error title=aitrail::no range given .*%0A.*git remote add origin <url>/)]);
  });
});
