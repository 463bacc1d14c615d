import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { agentEdit } from '../helpers/agent-edits.js';
import { installHooks, QWEN } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { laterThanNow, makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { aitrail, gitRun } from '../helpers/hooks.js';

/**
 * A SHA-256 repository (`git init --object-format=sha256`: 64-hex ids, 64 zeros for a deleted
 * ref, another empty tree) through every hook and command, and a SHA-256 bare server with
 * aitrail's pre-receive: each verdict as in a SHA-1 repository, and blame, trend and log figures
 * equal to the same history built in a SHA-1 one (rows 295-297).
 */

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  paths:\n    - files: ["src/crypto/**"]\n      allow: []\n';
const CLAUDE = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6' };

/** The same recorded history in either object format: a model set for a commit, an agent's edits (one of a CRLF file), a git-ai note naming qwen, a revert. */
function history(format: 'sha1' | 'sha256', options: { bare?: TestRepo } = {}): TestRepo {
  const repo = makeRepo({ objectFormat: format });
  repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY, 'a.ts': 'a\r\nb\r\nc\r\n', 'l.ts': 'x\ny\nz\n' });
  if (options.bare) {
    repo.git(['remote', 'add', 'origin', options.bare.dir]);
    repo.git(['push', '-q', '-u', 'origin', 'main']);
    repo.git(['remote', 'set-head', 'origin', 'main']);
    installHooks(join(options.bare.dir, 'hooks'), ['pre-receive']);
  }
  expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
  repo.git(['tag', 'v1']);
  repo.write('m.ts', 'm1\nm2\nm3\n');
  repo.git(['add', 'm.ts']);
  const model = gitRun(repo.dir, ['commit', '-q', '-m', 'feat: m'], CLAUDE);
  expect(model.status, model.stderr).toBe(0);
  // The agent writes three lines after a person took one out, and one of them (`b`, `y`) is a line
  // the parent holds: the note gives it only the two the commit adds, in either line ending (row 297).
  repo.write('a.ts', 'a\r\nc\r\n');
  agentEdit(repo, 'a.ts', 'a\r\n', 'a\r\nb\r\nai\r\n');
  repo.write('l.ts', 'x\nz\n');
  agentEdit(repo, 'l.ts', 'x\n', 'x\ny\nw\n');
  const agent = gitRun(repo.dir, ['commit', '-q', '-am', 'feat: agent work']);
  expect(agent.status, agent.stderr).toBe(0);
  repo.git(['tag', 'v2']);
  // Past the agent commit's second: the same author in the same second is an amend of it to the shims, which start node (not on this PATH).
  repo.commit('docs: by hand\n', { 'n.ts': 'n1\nn2\nn3\nn4\n' }, { GIT_AUTHOR_DATE: laterThanNow() });
  expect(gitRun(repo.dir, ['revert', '--no-edit', 'HEAD~2']).status).toBe(0);
  return repo;
}

/** A report with object ids (full or cut) and git-ai trace ids (random) made comparable. */
const comparable = (text: string) => text.replace(/\b[0-9a-f]{64}\b|\b[0-9a-f]{40}\b/g, '<id>').replace(/\b[0-9a-f]{7,12}\b/g, '<short>').replace(/::t_[0-9a-f]{14}/g, '::t_<trace>');

function figures(repo: TestRepo): Record<string, string> {
  const run = (args: string[]) => {
    const result = aitrail(repo.dir, args);
    expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    return comparable(result.stdout);
  };
  return {
    blame: run(['blame', '--format', 'json', '--no-cache']),
    byModel: run(['blame', '--by', 'model', '--format', 'json']),
    trend: run(['trend', 'v1', 'v2', 'HEAD', '--format', 'json']),
    log: run(['log', '--format', 'json']),
    notes: comparable(repo.git(['log', '--notes=ai', '--format=%s%n%N', 'v1..HEAD'])),
  };
}

describe('a SHA-256 repository and server', () => {
  let server: TestRepo;
  let work: TestRepo;
  let base: string;
  beforeAll(() => {
    server = makeRepo({ bare: true, objectFormat: 'sha256' });
    work = history('sha256', { bare: server });
    base = work.git(['rev-parse', 'origin/main']);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    // The history above goes to the server through pre-push (notes too) and pre-receive: allowed.
    const push = gitRun(work.dir, ['push', '-q', 'origin', 'main']);
    expect(push.status, push.stderr).toBe(0);
    expect(server.git(['rev-parse', 'main', 'refs/notes/ai'])).toBe(`${work.git(['rev-parse', 'main'])}\n${work.git(['rev-parse', 'refs/notes/ai'])}`);
  }, 120_000);

  it('commit-msg refuses a denied model and a model in a path no model may touch; the hooks record the model and the agent lines', () => {
    const head = work.git(['rev-parse', 'HEAD']);
    work.write('q.ts', 'q\n');
    work.git(['add', 'q.ts']);
    const denied = gitRun(work.dir, ['commit', '-q', '-m', `feat: q\n\n${QWEN}`]);
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('model-denied (policy.deny)');
    work.git(['rm', '-q', '--cached', 'q.ts']);
    work.write('src/crypto/k.ts', 'k\n');
    work.git(['add', 'src/crypto/k.ts']);
    const path = gitRun(work.dir, ['commit', '-q', '-m', 'feat: k'], CLAUDE);
    expect(path.status).not.toBe(0);
    expect(path.stderr).toContain('path-model-not-allowed');
    expect(path.stderr).toContain('src/crypto/k.ts');
    work.git(['rm', '-q', '--cached', 'src/crypto/k.ts']);
    expect(work.git(['rev-parse', 'HEAD'])).toBe(head);
    // Recorded at commit: the model's trailer, and the git-ai note of the agent's commit under its 64-hex id.
    expect(work.git(['log', '-1', '--format=%B', 'HEAD~3'])).toMatch(/^Assisted-by: unknown:anthropic\/claude-opus-4\.6$/m);
    expect(work.git(['notes', '--ref=ai', 'list', 'HEAD~2'])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('pre-push and pre-receive refuse a denied commit on an update and a new branch, and let a deletion (64 zeros) through', () => {
    work.git(['checkout', '-q', '-b', 'bad', 'main']);
    work.write('q.ts', 'q\n');
    work.git(['add', 'q.ts']);
    work.git(['commit', '-q', '--no-verify', '-m', `feat: q\n\n${QWEN}`]);
    const bad = work.git(['rev-parse', 'HEAD']);
    work.git(['checkout', '-q', 'main']);
    for (const target of ['bad', 'bad:main']) {
      const push = gitRun(work.dir, ['push', 'origin', target]);
      expect(push.status, target).not.toBe(0);
      expect(push.stderr).toContain('push to origin refused');
    }
    const server_ = gitRun(work.dir, ['push', '--no-verify', 'origin', 'bad', 'bad:main']);
    expect(server_.status).not.toBe(0);
    expect(server_.stderr).toContain(`error   ${bad.slice(0, 12)} `);
    expect(server.git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/'])).toBe(`refs/heads/main ${work.git(['rev-parse', 'main'])}`);
    const check = aitrail(work.dir, ['check', 'origin/main..bad', '--format', 'json']);
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).violations.filter((violation: { severity: string }) => violation.severity === 'error')).toMatchObject([{ sha: bad, rule: 'model-denied', model: 'qwen/qwen3-coder' }]);
    // An allowed side branch comes and goes: pre-push and pre-receive read the deletion's 64 zeros.
    expect(gitRun(work.dir, ['push', '-q', 'origin', 'main:refs/heads/side']).status).toBe(0);
    const deletion = gitRun(work.dir, ['push', 'origin', ':refs/heads/side']);
    expect(deletion.status, deletion.stderr).toBe(0);
    expect(server.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
  });

  it('pre-receive refuses a git-ai note that gives lines of a commit on the server to a denied model', () => {
    const before = server.git(['rev-parse', 'refs/notes/ai']);
    addNote(work, 'HEAD~1', gitAiNote({ 'n.ts': [session(NOTE_KEYS.qwen, '2-3')] }));
    const push = gitRun(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(server.git(['rev-parse', 'refs/notes/ai'])).toBe(before);
  });

  it('check refuses a 40-hex base that a tag spells (no object id here: git reads the tag) instead of judging from the tag (row 295)', () => {
    const tag = base.slice(0, 40);
    work.git(['tag', tag, 'bad']);
    try {
      const check = aitrail(work.dir, ['check', `${tag}..bad`]);
      expect(check.status, check.stderr).toBe(2);
      expect(check.stderr).toContain(`git would read it as refs/tags/${tag}, and it may be an abbreviated object id too`);
      const policy = aitrail(work.dir, ['check', 'bad', '--policy-from', tag]);
      expect(policy.status, policy.stderr).toBe(2);
      // The whole id is the commit, whatever refs are named.
      expect(aitrail(work.dir, ['check', `${base}..bad`]).status).toBe(1);
    } finally {
      work.git(['tag', '-d', tag]);
    }
  });

  it('blame, trend, log and the notes the hooks wrote say what the same history says in a SHA-1 repository (rows 296, 297)', () => {
    // The qwen note above is the SHA-1 twin's too; the figures are read before `bad` exists on main.
    const twin = history('sha1');
    addNote(twin, 'HEAD~1', gitAiNote({ 'n.ts': [session(NOTE_KEYS.qwen, '2-3')] }));
    const sha256 = figures(work);
    expect(sha256).toEqual(figures(twin));
    expect(JSON.parse(aitrail(work.dir, ['blame', '--format', 'json']).stdout).totals).toMatchObject({ byModel: { 'anthropic/claude-opus-4.6': 4, 'qwen/qwen3-coder': 2 }, lineLevel: 8 });
    // Not the parent's line `b` of the CRLF file (a SHA-1 repository noted it, 2-4, when the commit held the checkpoint's very blob).
    expect(sha256.notes).toContain('a.ts\n  s_29ae16ba6cfe5b::t_<trace> 3-4\nl.ts\n  s_29ae16ba6cfe5b::t_<trace> 3-4');
    // git >= 2.43 reads attr.tree: blame's text test names this repository's empty tree, not the SHA-1 one (a name git would look up as a ref here, row 296).
    const trace = join(tempDir('aitrail-trace-'), 'trace');
    expect(aitrail(work.dir, ['blame', '--format', 'json', '--no-cache'], { GIT_TRACE2_EVENT: trace, GIT_TRACE2_CONFIG_PARAMS: 'attr.tree' }).status).toBe(0);
    const given = readFileSync(trace, 'utf8').split('\n').flatMap((line) => (line.includes('"param":"attr.tree"') ? [JSON.parse(line).value as string] : []));
    expect(given).toEqual([work.git(['hash-object', '-t', 'tree', '--stdin'])]);
    expect(given[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});
