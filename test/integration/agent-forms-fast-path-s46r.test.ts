// Review of 780 (session 46): each co-author form it added is one an agent writes at commit
// time, so the hook shims' fast path must start node for it (and write the agent's `Assisted-by:`),
// while a person's plain commit still starts none. Held when reviewed; kept as a guard. 798: a
// person at an @manus.im address started node at each commit (the fast path's text for Manus's
// no-reply signature was `@manus.im`); it is `reply@manus.im` now, which the no-reply text covers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { laterThanNow } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const FORMS: [string, string][] = [
  ['Co-authored-by: Kiro <kiro@amazon.com>', 'kiro:unknown'],
  ['Co-authored-by: Kiro AI Assistant', 'kiro:unknown'],
  ['Co-authored-by: Kirodex <274876363+kirodex@users.noreply.github.com>', 'kiro:unknown'],
  ['Co-authored-by: Droid AI', 'factory-droid:unknown'],
  ['Co-authored-by: v0 <it+v0agent@vercel.com>', 'vercel-v0:unknown'],
  ['Co-authored-by: Manus <noreply@manus.im>', 'manus:unknown'],
];

describe("the shims' fast path and 780's agent forms", () => {
  it("starts node for each form at commit time and records its agent; a person's commit starts none", () => {
    const { repo, env, started } = hookedRepo();
    const starts = () => readFileSync(started, 'utf8').split('\n').filter(Boolean).length;
    // Dated later than the hooked repository's own commit: not read as an amend of it.
    const dated = { ...env, GIT_AUTHOR_DATE: laterThanNow(), GIT_COMMITTER_DATE: laterThanNow() };
    const commit = (name: string, args: string[]) => {
      const before = starts();
      repo.write(`${name}.txt`, `${name}\n`);
      repo.git(['add', '-A']);
      const made = tryGit(repo.dir, ['commit', '-q', ...args], { env: dated });
      expect(made.code, made.stderr).toBe(0);
      return { started: starts() > before, declared: repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim() };
    };
    expect(commit('plain', ['-m', 'fix: plain'])).toEqual({ started: false, declared: '' });
    FORMS.forEach(([line, agent], index) => {
      expect({ line, ...commit(`form${index}`, ['-m', `feat: form ${index}`, '-m', line]) }).toEqual({ line, started: true, declared: agent });
    });
    expect(commit('plain-after', ['-m', 'fix: plain again'])).toEqual({ started: false, declared: '' });
    // Manus's staff commit by hand: no node (798), and the agent's address as the author still does.
    expect(commit('manus-staff', ['--author=Jane Roe <jane@manus.im>', '-m', 'fix: by hand'])).toEqual({ started: false, declared: '' });
    expect(commit('manus-author', ['--author=Manus <noreply@manus.im>', '-m', 'fix: by the agent'])).toEqual({ started: true, declared: 'manus:unknown' });
  });
});
