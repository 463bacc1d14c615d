// Session 55 helper h (row 1158): a git-ai note its parser refuses (a range `1-2x`, a tab between key
// and ranges, its `---` line lost, git-ai's pre-1.0 `authorship/2.0.0` log, one JSON object) was read by
// no layer: `check`, pre-push and pre-receive passed a silent commit whose note's metadata names Qwen,
// with a warning that the commit "keeps its commit-level attribution" (none), although the README says
// enforcement reads "a note of any version and whatever metadata they can". Found replaying hostile and
// legacy notes with the built CLI. Now enforcement and `log` read the agents and models such a note's
// metadata names for every line of its commit (notes only add); `blame` still reads none of it, as
// git-ai's blame does.
import { describe, expect, it } from 'vitest';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { aitrail as runAitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { addNote } from '../helpers/git-ai-notes.js';
import { QWEN_SESSION, sessionMeta as meta, silentCommit, unhookedCommit } from '../helpers/malformed-notes.js';
import { initServer } from '../helpers/receive-server.js';

/** Notes git-ai's parser (and aitrail's) refuse whole, each naming `model` in readable metadata. */
const MALFORMED: Record<string, (sha: string, model: string) => string> = {
  'a range with a letter': (sha, model) => `q.ts\n  ${QWEN_SESSION}::t_1 1-2x\n---\n${meta(sha, model)}\n`,
  'a tab between key and ranges': (sha, model) => `q.ts\n  ${QWEN_SESSION}::t_1\t1-2\n---\n${meta(sha, model)}\n`,
  'its --- line lost': (sha, model) => `q.ts\n  ${QWEN_SESSION}::t_1 1-2\n${meta(sha, model)}\n`,
  "git-ai's pre-1.0 authorship/2.0.0 log (one JSON object)": (sha, model) =>
    JSON.stringify({
      files: { 'q.ts': [[[[1, 2]], 'a1b2c3d4', 'uuid-1', 0]] },
      authors: { a1b2c3d4: { username: 'opencode', email: '' } },
      prompts: { 'uuid-1': { agent_id: { tool: 'opencode', id: 'uuid-1', model }, messages: [] } },
      schema_version: 'authorship/2.0.0',
      base_commit_sha: sha,
    }),
};

describe('a malformed git-ai note naming a denied model (row 1158)', () => {
  for (const [name, note] of Object.entries(MALFORMED)) {
    it(`check refuses the commit, log names Qwen, blame still reads none of it: ${name}`, () => {
      const { repo, sha } = silentCommit();
      addNote(repo, sha, note(sha, 'qwen3-coder'));
      const check = runAitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
      // Before: exit 0, no violation, "keeps its commit-level attribution".
      expect(check.code, check.stderr).toBe(1);
      const violations = (JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string; model: string; message: string }> }).violations;
      expect(violations).toContainEqual(expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder' }));
      expect(check.stderr).toContain('the agents and models its metadata names are read for every line');
      const log = runAitrail(repo.dir, ['log', '-n', '1', '--format', 'json']);
      expect(log.code, log.stderr).toBe(0);
      expect(log.stdout).toContain('qwen/qwen3-coder');
      expect(log.stdout).toContain('its lines cannot be read (malformed): read for every line of this one');
      expect(log.stdout).not.toContain('no line in this commit');
      // blame counts as git-ai's blame does: a note it refuses is no note.
      const blame = runAitrail(repo.dir, ['blame', '--format', 'json']);
      expect(blame.code, blame.stderr).toBe(0);
      expect((JSON.parse(blame.stdout) as { totals: { ai: number } }).totals.ai).toBe(0);
    });
  }

  it('an honest malformed note naming an allowed model passes check, as before', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, MALFORMED['a range with a letter']!(sha, 'claude-opus-4-6').replace('"opencode"', '"claude"'));
    const check = runAitrail(repo.dir, ['check', 'main..feature']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('pre-receive (aitrail init on a real bare server) refuses it, with its commit and pushed after it', () => {
    const server = initServer();
    const sha = unhookedCommit(server.work);
    addNote(server.work, sha, MALFORMED['a tab between key and ranges']!(sha, 'qwen3-coder'));
    const both = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'main', 'refs/notes/ai'], { env: server.env });
    expect(both.code, both.stderr).not.toBe(0);
    expect(both.stderr).toContain('qwen/qwen3-coder');
    // The commit lands alone (no note), then the note follows: judged again, refused.
    const commit = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'main'], { env: server.env });
    expect(commit.code, commit.stderr).toBe(0);
    const note = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai'], { env: server.env });
    expect(note.code, note.stderr).not.toBe(0);
    expect(note.stderr).toContain('qwen/qwen3-coder');
    expect(tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', 'refs/notes/ai']).code).not.toBe(0);
  });
});

describe('pre-push (aitrail init in the clone) and a malformed note (row 1158)', () => {
  it('refuses the push of a silent commit whose malformed note names Qwen', () => {
    const env = envWithAitrailOnPath();
    const { work, remote } = policyServer('policy:\n  deny: ["qwen/*"]\n', '', { initEnv: env });
    const sha = unhookedCommit(work);
    addNote(work, sha, MALFORMED['a range with a letter']!(sha, 'qwen3-coder'));
    // The server's pre-receive is the fixture's; here the clone's pre-push decides first.
    const push = tryGit(work.dir, ['push', 'origin', 'main'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('model-denied');
    expect(tryGit(remote.dir, ['rev-parse', 'refs/heads/main']).stdout.trim()).not.toBe(sha);
  });
});

describe('a malformed note pushed after its commit\'s lines moved into a protected path (row 1158)', () => {
  it('pre-receive judges where the lines sit now: refused', () => {
    const server = policyServer('policy:\n  deny: []\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n');
    const env = envWithAitrailOnPath();
    expect(runAitrail(server.remote.dir, ['init'], { env }).code).toBe(0);
    const work = server.work;
    work.write('lib/k.ts', 'k1\nk2\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: k']);
    const sha = work.git(['rev-parse', 'HEAD']);
    work.write('src/crypto/k.ts', 'k1\nk2\n');
    work.git(['rm', '-q', 'lib/k.ts']);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: move k']);
    const branch = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main'], { env });
    expect(branch.code, branch.stderr).toBe(0);
    addNote(work, sha, MALFORMED['a tab between key and ranges']!(sha, 'qwen3-coder').replace('q.ts', 'lib/k.ts'));
    const note = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai'], { env });
    // Before: the note landed (attestingNotes read a note it could not parse as none).
    expect(note.code, note.stderr).not.toBe(0);
    expect(note.stderr).toContain('now sit in src/crypto/k.ts');
    expect(tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', 'refs/notes/ai']).code).not.toBe(0);
  });
});
