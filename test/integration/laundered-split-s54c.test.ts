// Session 54 helper c (row 1124): under a global deny, Qwen's reverted commit Q (two files) picked again as two
// person-read commits of one push, one file each, passed check and pre-receive: the twin search (rows 1056, 1122)
// matched one commit's changes against Q's, and neither commit holds all of Q's. Found by replaying the attacker's
// playbook with a real bare server's pre-receive. Now the range's person-read commits are also matched together: when
// they hold every file change of a refused commit between them, each one holding part of it is refused, naming Q.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

const UTIL = 'export function words(input: string): string[] {\n  return input.split(/\\s+/).filter(Boolean);\n}\n';

describe("a refused commit's files picked again in separate commits of one push (row 1124)", () => {
  it('each part is refused by check and pre-receive, naming Qwen\'s commit; one part alone passes', () => {
    const server = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    const { work } = server;
    expect(commitWith(work, 'feat: parse\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/parse.ts': PARSE, 'src/words.ts': UTIL }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    work.git(['revert', '--no-edit', 'HEAD']);
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    const before = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(before.code, before.stderr).toBe(0);
    expect(commitWith(work, 'feat: parse\n', { 'src/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    const first = work.git(['rev-parse', 'HEAD']);
    expect(commitWith(work, 'feat: words\n', { 'src/words.ts': UTIL }, { noVerify: true }).code).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD', '--format', 'json'], { timeout: 120_000 });
    const refused = (JSON.parse(check.stdout) as { violations: { sha: string }[] }).violations.map((violation) => violation.sha);
    expect(refused).toContain(first);
    expectLaunderRefused({ ...server, qwen });
    // One part alone (the other never pushed) is no whole change of Q's: it passes, as before.
    work.git(['reset', '-q', '--hard', first]);
    const part = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(part.code, part.stderr).toBe(0);
  });
});
