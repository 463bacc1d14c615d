// Review of row 782's note, as a maintainer reviewing a contributor's fork (rows 709, 720's
// attacker): `git remote add alice <fork>`, the pull request's branch checked out from alice/feat.
// Alice's fork's `main` allows every model and holds her Qwen commit: `check` refuses it (origin's
// policy) and the note told the maintainer to name alice the project (`remote.alice.gh-resolved
// base`), after which `check` passed, judged by alice's own policy. Still said (nothing tells the
// project remote safely: the by-hand fork clone looks the same), now with when not to follow it.
import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { project, QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

describe("the note on a refused commit another remote's default branch holds, to a maintainer reviewing a fork", () => {
  it("says not to name a fork fetched for review the project (following it passes the fork's commits by its own policy)", () => {
    const { remote: projectServer, work: maintainer } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: [] });
    const alice = makeRepo();
    alice.git(['pull', '-q', projectServer.dir, 'main']);
    alice.commit('chore: allow every model\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
    const qwen = alice.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
    const fork = makeRepo({ bare: true });
    alice.git(['push', '-q', fork.dir, 'HEAD:main', 'HEAD:feat']);
    maintainer.git(['remote', 'add', 'alice', fork.dir]);
    maintainer.git(['fetch', '-q', 'alice']);
    maintainer.git(['switch', '-q', '-c', 'review', 'alice/feat']);
    const run = aitrail(maintainer.dir, ['check']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const said = run.stderr.replace(/\s+/g, ' ');
    expect(said).toContain(`refused commit ${qwen.slice(0, 12)} is on alice/main`);
    expect(said).toContain("If alice is someone's fork you fetched to review, do neither: its own default branch's policy would then judge the commits it brings.");
    // What following it does (why the caution): alice's policy alone, exit 0.
    maintainer.git(['config', 'remote.alice.gh-resolved', 'base']);
    expect(aitrail(maintainer.dir, ['check']).code).toBe(0);
  });
});
