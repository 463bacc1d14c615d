// Row 925: a person's commit changing more than 2,000,000 files (a vendored import), no path rule (no config at
// all, too), was refused by `aitrail check`, pre-push and pre-receive (row 857's bound: "split it"), though a commit
// naming no AI passes every rule whatever its files. Now such a commit is judged without listing its files; one
// naming an AI in its message or in a git-ai note, or any under a path rule, is refused as before.
import { describe, expect, it } from 'vitest';
import { policyServer, project, tryGit, CLAUDE_DECLARED, QWEN, type Project } from '../helpers/enforce-repos.js';
import { aitrailCpu } from '../helpers/cpu-timed.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { treeAddingFolder, vendoredCommit as vendored } from '../helpers/tree-bomb.js';

const POLICY = 'policy:\n  undeclared: deny\n  deny: ["qwen/*"]\n';
const PATHS = `${POLICY}  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n`;
const REFUSED = /^aitrail: cannot judge commit ([0-9a-f]{40}): it changes more than 2000000 files, more than are read; split it into smaller commits\.$/m;
/** A commit on `parent` changing `src/<name>.ts` with `message` (hooks not run). */
function small(work: Project['work'], parent: string, name: string, message: string): string {
  const blob = work.git(['hash-object', '-w', '--stdin'], { input: `export const ${name} = 1;\n` });
  const src = work.git(['mktree'], { input: `100644 blob ${blob}\t${name}.ts\n` });
  const tree = treeAddingFolder(work, parent, 'src', src);
  return work.git(['commit-tree', tree, '-p', parent, '-F', '-'], { input: message });
}

/** `aitrail check main..<tip>` spawned: its result and the CPU it and its git processes used (never wall time, which a loaded machine stretches). */
function check(work: Project['work'], tip: string): { code: number; stdout: string; stderr: string; cpu: number } {
  work.git(['branch', '-f', 'big', tip]);
  const run = aitrailCpu(work.dir, ['check', 'main..big']);
  return { ...run, code: run.status };
}

describe("a person's commit of more than 2,000,000 files (row 925)", () => {
  for (const [config, label] of [['', 'no config'], [POLICY, 'a policy without path rules']] as const) {
    it(`passes check, pre-push and pre-receive, quickly (${label})`, () => {
      const server = policyServer(config);
      const commit = vendored(server.work, server.base, 'vendor: import the SDK\n');
      const run = check(server.work, commit);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(REFUSED);
      expect(run.cpu).toBeLessThan(10_000);
      const push = tryGit(server.work.dir, ['push', '--no-verify', 'origin', `${commit}:refs/heads/vendor`]);
      expect(push.code, push.stderr).toBe(0);
      expect(server.remote.git(['rev-parse', 'refs/heads/vendor'])).toBe(commit);
    });
  }

  it('a range around it: the AI commits before and after it are still judged, with their files', () => {
    const work = project(POLICY);
    const before = small(work.work, work.base, 'before', `feat: before\n\n${QWEN}\n`);
    const huge = vendored(work.work, before, 'vendor: import the SDK\n');
    const after = small(work.work, huge, 'after', `feat: after\n\n${QWEN}\n`);
    const run = check(work.work, after);
    expect(run.code, run.stderr).toBe(1);
    const out = `${run.stdout}${run.stderr}`;
    expect(out).toContain(before.slice(0, 12));
    expect(out).toContain(after.slice(0, 12));
    expect(out).toMatch(/files: src\/before\.ts/);
    expect(out).toMatch(/files: src\/after\.ts/);
    expect(out).not.toContain(huge.slice(0, 12));
    expect(out).not.toMatch(REFUSED);
    // The pre-push hook judges the same range.
    work.work.git(['branch', '-f', 'range', after]);
    const push = tryGit(work.work.dir, ['push', 'origin', 'range']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(after.slice(0, 12));
    expect(tryGit(work.remote.dir, ['rev-parse', '--verify', '-q', 'refs/heads/range']).code).not.toBe(0);
  });

  it('refused as before: declared by an AI, named by a git-ai note only, or under a path rule', () => {
    const server = policyServer(POLICY);
    const declared = vendored(server.work, server.base, `vendor: import\n\n${CLAUDE_DECLARED}\n`);
    const noted = vendored(server.work, server.base, 'vendor: import, by hand\n');
    addNote(server.work, noted, gitAiNote({ 'vendor/e0/e0/e0': [session(NOTE_KEYS.qwen, '1')] }));
    for (const commit of [declared, noted]) {
      const run = check(server.work, commit);
      expect(run.code, run.stderr).toBe(3);
      expect(REFUSED.exec(run.stderr)?.[1]).toBe(commit);
    }
    const push = tryGit(server.work.dir, ['push', '--no-verify', 'origin', `${declared}:refs/heads/declared`]);
    expect(push.code).not.toBe(0);
    expect(REFUSED.exec(push.stderr.replace(/^remote: /gm, '').replace(/ +$/gm, ''))?.[1]).toBe(declared);
    const withNote = tryGit(server.work.dir, ['push', '--no-verify', 'origin', `${noted}:refs/heads/noted`, 'refs/notes/ai:refs/notes/ai']);
    expect(withNote.code).not.toBe(0);
    expect(tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', 'refs/heads/noted']).code).not.toBe(0);

    const ruled = policyServer(PATHS);
    const person = vendored(ruled.work, ruled.base, 'vendor: import the SDK\n');
    const run = check(ruled.work, person);
    expect(run.code, run.stderr).toBe(3);
    expect(REFUSED.exec(run.stderr)?.[1]).toBe(person);
  });
});
