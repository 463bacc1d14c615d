import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { policyServer, tryGit, type Project } from '../helpers/enforce-repos.js';

// A message that starts with blank lines (`git commit --cleanup=verbatim`, `commit.cleanup=verbatim`,
// `git commit-tree`): git's reading of the stored commit (`%s`, `%(trailers)`) skips them, so its
// first paragraph is the subject, never a trailer block. The trailer the hooks write, and every
// layer's reading of the subject and the trailers, must be git's.

const ZERO = '0'.repeat(40);
const HOOK_ENV = envWithAitrailOnPath();
const CLAUDE = { ...HOOK_ENV, CLAUDECODE: '1' };

/** The server with `policy`, and a developer's clone with `aitrail init --mode git`'s hooks (a copy of the pair made once per file and policy). */
function hooked(policy: string): Project {
  return policyServer(policy, '', { initEnv: HOOK_ENV });
}

function git(dir: string, args: string[], env: NodeJS.ProcessEnv = HOOK_ENV, input = ''): string {
  const result = tryGit(dir, args, { env, input });
  expect(result.code, `git ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** What git itself reads in HEAD's stored message, and what aitrail's three stored-commit layers say of it. */
function layers(project: Project, branch: string): { subject: string; trailers: string; parsed: string; check: number; prePush: number; push: number; logSubject: string; checkText: string } {
  const work = project.work.dir;
  const tip = git(work, ['rev-parse', 'HEAD']).trim();
  const check = aitrail(work, ['check', `main..${branch}`], { env: HOOK_ENV });
  const prePush = aitrail(work, ['hook', 'pre-push', 'origin', project.remote.dir], { env: HOOK_ENV, input: `refs/heads/${branch} ${tip} refs/heads/${branch} ${ZERO}\n` });
  const push = tryGit(work, ['push', '--no-verify', 'origin', branch]);
  const log = JSON.parse(aitrail(work, ['log', '-1', '--format', 'json'], { env: HOOK_ENV }).stdout) as { subject: string }[];
  return {
    subject: git(work, ['log', '-1', '--format=%s']).trimEnd(),
    trailers: git(work, ['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim(),
    parsed: git(work, ['interpret-trailers', '--parse'], HOOK_ENV, git(work, ['log', '-1', '--format=%B'])).trim(),
    check: check.code,
    prePush: prePush.code,
    push: push.code,
    logSubject: log[0]?.subject ?? '?',
    checkText: check.stdout + check.stderr + prePush.stderr + push.stderr,
  };
}

describe('an agent commit whose message starts with blank lines (undeclared: deny)', () => {
  const forms: { name: string; message: string; args: string[] }[] = [
    { name: '--cleanup=verbatim -m', message: '\n\nfeat: add a\n', args: ['--cleanup=verbatim'] },
    { name: '-c commit.cleanup=verbatim -m', message: '\n\nfeat: add a\n', args: [] },
    { name: 'whitespace-only lines (spaces, tab, CR)', message: ' \n\t\r\n\nfeat: add a\n', args: ['--cleanup=verbatim'] },
    { name: 'CRLF line ends', message: '\r\n\r\nfeat: add a\r\n', args: ['--cleanup=verbatim'] },
    { name: 'a body after the subject', message: '\n\nfeat: add a\nmore of the subject\n\nIt was missing.\n', args: ['--cleanup=verbatim'] },
  ];
  it.each(forms)('$name: the trailer commit-msg writes is the one git reads stored, and every layer passes it', ({ name, message, args }) => {
    const project = hooked('policy:\n  undeclared: deny\n');
    const work = project.work.dir;
    git(work, ['checkout', '-q', '-b', 'f']);
    writeFileSync(join(work, 'a.ts'), 'export const a = 1;\n');
    git(work, ['add', 'a.ts']);
    const config = name.startsWith('-c') ? ['-c', 'commit.cleanup=verbatim'] : [];
    writeFileSync(join(work, '.git', 'message'), message);
    git(work, [...config, 'commit', '-q', ...args, '-F', join(work, '.git', 'message')], CLAUDE);
    const read = layers(project, 'f');
    expect(read.trailers).toBe('claude-code:unknown');
    expect(read.parsed).toBe('Assisted-by: claude-code:unknown');
    expect(read.subject.startsWith('feat: add a')).toBe(true);
    expect(read.logSubject).toBe(read.subject);
    expect({ check: read.check, prePush: read.prePush, push: read.push }, read.checkText).toEqual({ check: 0, prePush: 0, push: 0 });
    expect(read.checkText).not.toContain('""');
    // git commit --amend of it (git's default cleanup, and verbatim): one trailer, still git's.
    git(work, ['commit', '-q', '--amend', '--no-edit'], CLAUDE);
    expect(git(work, ['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('claude-code:unknown');
    git(work, ['commit', '-q', '--amend', '--no-edit', '--cleanup=verbatim'], CLAUDE);
    expect(git(work, ['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('claude-code:unknown');
    expect(aitrail(work, ['check', 'main..f'], { env: HOOK_ENV }).code).toBe(0);
  });

  it('-m with the subject and a trailer-looking body line (`$\'\\n\\nfeat: add a\\nCo-authored-by: …\'`): commit-msg reads no trailer where git reads none, and records its own', () => {
    const project = hooked('policy:\n  undeclared: deny\n');
    const work = project.work.dir;
    git(work, ['checkout', '-q', '-b', 'g']);
    writeFileSync(join(work, 'g.ts'), 'export const g = 1;\n');
    git(work, ['add', 'g.ts']);
    git(work, ['commit', '-q', '--cleanup=verbatim', '-m', '\n\nfeat: add g\nCo-authored-by: Claude Opus 4.6 <noreply@anthropic.com>\n'], HOOK_ENV);
    const read = layers(project, 'g');
    expect(read.trailers).toBe('claude-code:anthropic/claude-opus-4.6');
    expect({ check: read.check, prePush: read.prePush, push: read.push }, read.checkText).toEqual({ check: 0, prePush: 0, push: 0 });
  });
});

describe('a subject after leading blank lines is read where git reads it', () => {
  it("`git commit-tree` of $'\\n \\naider: add util' by a person: aider's at every layer, with git's subject; a `subject:` rule matches it", () => {
    const policy = 'detect:\n  rules:\n    - { field: subject, pattern: "^wip-bot: ", agent: wip-bot, model: "acme/wip-2" }\npolicy:\n  deny: ["acme/*"]\n  undeclared: deny\n';
    const project = hooked(policy);
    const work = project.work.dir;
    git(work, ['checkout', '-q', '-b', 'h']);
    writeFileSync(join(work, 'u.py'), 'x = 1\n');
    git(work, ['add', 'u.py']);
    const tree = git(work, ['write-tree']).trim();
    const aider = git(work, ['commit-tree', tree, '-p', 'HEAD'], HOOK_ENV, '\n \naider: add util\n').trim();
    git(work, ['reset', '-q', '--soft', aider]);
    const log = JSON.parse(aitrail(work, ['log', '-1', '--format', 'json'], { env: HOOK_ENV }).stdout) as { subject: string; attributions: { agent: string }[] }[];
    expect(log[0]?.subject).toBe(git(work, ['log', '-1', '--format=%s']).trimEnd());
    expect(log[0]?.attributions.map((attribution) => attribution.agent)).toEqual(['aider']);
    const read = layers(project, 'h');
    // Undeclared aider at every stored-commit layer, named by git's subject.
    expect({ check: read.check, prePush: read.prePush }).toEqual({ check: 1, prePush: 1 });
    expect(read.push).not.toBe(0);
    expect(read.checkText).toContain('"aider: add util"');
    // A user rule on the subject, through the hooks (--cleanup=verbatim): commit-msg refuses what check refuses.
    git(work, ['checkout', '-q', '-b', 'w', 'main']);
    writeFileSync(join(work, 'w.ts'), 'export const w = 1;\n');
    git(work, ['add', 'w.ts']);
    const made = tryGit(work, ['commit', '-q', '--cleanup=verbatim', '-m', '\n\nwip-bot: add w\n'], { env: HOOK_ENV });
    expect(made.code, made.stderr).toBe(1);
    expect(made.stderr).toContain('acme/wip-2');
    git(work, ['commit', '-q', '--no-verify', '--cleanup=verbatim', '-m', '\n\nwip-bot: add w\n']);
    const check = aitrail(work, ['check', 'main..w'], { env: HOOK_ENV });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('acme/wip-2');
    expect(check.stdout).toContain('"wip-bot: add w"');
  });
});
