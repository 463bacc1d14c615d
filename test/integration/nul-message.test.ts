// A NUL byte in a stored commit message (`git commit` refuses one: "a NUL byte in commit log
// message not allowed", after the hooks ran; `git hash-object -t commit` or fast-import writes it,
// and a push takes it: fsck's nulInCommit is a warning). git reads a message up to its first NUL
// (`%B`, `%(trailers)`, `interpret-trailers`), so a trailer after one is no trailer to git, and a
// paragraph after one cannot hide the trailer before it. The reports read it as git does; the
// enforcement layers (check, pre-receive) also read the stored bytes without their NULs (row 87 of
// the README's threat model: `git cat-file -p` shows a trailer past the NUL), so they refuse both.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';

const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/** [message bytes, whether git reads the trailer]. */
const MESSAGES: [string, boolean][] = [
  [`subject\n\nbody\0\n\n${QWEN}\n`, false],
  [`subject\0\n\n${QWEN}\n`, false],
  [`subject\n\n${QWEN}\0\n\nA paragraph git never reads.\n`, true],
  [`subject\n\n${QWEN}\n\0`, true],
];

describe('a message with a NUL byte: reports read it as git does, enforcement refuses a declaration on either side of the NUL', () => {
  it.each(MESSAGES.map(([message, seen], index) => [index, message, seen] as const))('message %i: log agrees with git, check and pre-receive refuse', (index, message, seen) => {
    const { work, base } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const tree = work.git(['rev-parse', 'HEAD^{tree}']);
    const raw = `tree ${tree}\nparent ${base}\nauthor Test Human <human@example.com> 1796000000 +0000\ncommitter Test Human <human@example.com> 1796000000 +0000\n\n${message}`;
    const file = join(work.dir, '..', `commit-${index}`);
    writeFileSync(file, raw);
    const sha = work.git(['hash-object', '-t', 'commit', '-w', file]);
    const gitTrailers = work.git(['log', '-1', '--format=%(trailers:only,unfold)', sha]);
    expect(gitTrailers).toBe(seen ? QWEN : '');
    const log = JSON.parse(aitrail(work.dir, ['log', `${base}..${sha}`, '--format', 'json']).stdout) as Array<{ ai: boolean; trailers: { key: string; value: string }[] }>;
    expect(log[0]?.trailers.map((t) => `${t.key}: ${t.value}`)).toEqual(seen ? [QWEN] : []);
    expect(log[0]?.ai).toBe(seen);
    expect(aitrail(work.dir, ['check', `${base}..${sha}`, '--policy-from', base]).code).toBe(1);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `${sha}:refs/heads/topic`]);
    expect(push.code, push.stderr).toBe(1);
  });
});
