import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { makeRepo } from '../helpers/gitdir.js';
import { aitrail } from '../helpers/cli.js';

const QWEN = 'feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('a hostile repository: config files', () => {
  it('refuses a JSON config whose duplicated key hides behind text YAML cannot read (a reviewer reads the first "policy", JSON.parse keeps the last)', async () => {
    // js-yaml stops at 100 levels of nesting: the old duplicate check gave up there, silently.
    const deep = `${'['.repeat(101)}${']'.repeat(101)}`;
    const config = `{\n  "policy": { "deny": ["qwen/*"] },\n  "blame": { "exclude": ${deep}, "exclude": ["dist/**"] },\n  "policy": {}\n}\n`;
    const repo = makeRepo();
    repo.commit('config', { '.aitrailrc.json': config });
    repo.commit(QWEN, { 'src/a.ts': 'x\n' });
    const checked = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('.aitrailrc.json: found a duplicated key "exclude" at line 3');
    const error = await loadConfig(repo.dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('duplicated key');
    // The same in package.json's "aitrail" key, and a key spelled with an escape ("\u0070olicy").
    const spelled = makeRepo();
    spelled.write('package.json', `{"name": "x", "config": {"matrix": ${deep}}, "aitrail": {"policy": {"deny": ["qwen/*"]}, "\\u0070olicy": {}}}`);
    expect(((await loadConfig(spelled.dir).catch((caught: unknown) => caught)) as ConfigError).message).toContain('duplicated key "policy"');
  });
});

describe('a hostile repository: detect.rules that cost more than they say', () => {
  // 456 characters (under the 500 allowed) that RE2 expands to 323,990 instructions: 1.5 s and
  // 130 MB to compile each; 500 of them (the schema's limit) took 12 minutes or the heap, in every
  // command and every hook, before reading a single commit.
  const group = '(?:abcdefghijklmnopqrstuvwxyz){1,1000}';
  const huge = group.repeat(12);
  const rules = (patterns: string[]) => `detect:\n  rules:\n${patterns.map((pattern) => `    - { field: body, pattern: "${pattern}", agent: acme-bot }\n`).join('')}`;

  it('refuses a pattern that compiles to a huge program before compiling it, and rules that do together', { timeout: 120_000 }, () => {
    const repo = makeRepo();
    repo.commit('config', { '.aitrailrc.yml': rules(Array.from({ length: 40 }, (_, index) => `${huge}${index}`)) });
    const started = treeCpuClock();
    const status = aitrail(repo.dir, ['status'], { timeout: 30_000 });
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/detect\.rules\[0\]\.pattern: found .* expected a regular expression that runs in linear time \(RE2 syntax\): .*instructions/);
    expect(treeCpuClock() - started).toBeLessThan(20_000);

    // Each small enough, together not: x{1,400}y is 802 instructions, linear but 800 steps a character.
    repo.commit('config', { '.aitrailrc.yml': rules(Array.from({ length: 20 }, (_, index) => `x{1,400}y${index}`)) });
    const check = aitrail(repo.dir, ['log', '-n', '1'], { timeout: 30_000 });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('detect.rules[12].pattern');
    expect(check.stderr).toContain('together');
  });
});

describe('a hostile repository: detect.rules against a huge trailer block', () => {
  it('reads a trailer rule over at most 64 KB of a commit (as a body rule), and all rules over 1 MB together, however many trailers repeat its key: what they leave is unread', { timeout: 120_000 }, () => {
    // 498 one-character-cheap rules (x*y, 5 instructions each: within every limit) on key X, and one
    // commit of 40,000 X trailers (1.8 MB): each rule read every trailer, 500 × 1.8 MB per run.
    const rules = Array.from({ length: 498 }, (_, index) => `    - { field: trailer, key: X, pattern: "x*y${index}", agent: acme-bot }\n`).join('');
    const repo = makeRepo();
    // The last rule matches only an empty text: a rule left nothing to read (past the 1 MB all rules read) must not match.
    repo.commit('config', { '.aitrailrc.yml': `detect:\n  rules:\n${rules}    - { field: trailer, key: X, pattern: "^acme-ai$", agent: acme-ai }\n    - { field: trailer, key: X, pattern: "^$", agent: empty-bot }\n` });
    const trailers = Array.from({ length: 40_000 }, () => `X: ${'x'.repeat(40)}\n`).join('');
    repo.commit(`feat: a lot of X\n\n${trailers}`);
    repo.commit('feat: by the bot\n\nX: acme-ai\n');
    const log = aitrail(repo.dir, ['log', '-n', '2', '--format', 'json'], { timeout: 30_000 });
    expect(log.code).toBe(0);
    const commits = JSON.parse(log.stdout) as { ai: boolean; attributions: { agent: string; model: string; unread?: boolean }[] }[];
    expect(commits.map((commit) => commit.ai)).toEqual([true, true]);
    expect(commits[0]!.attributions.map((attribution) => attribution.agent)).toEqual(['acme-ai']);
    // 1.8 MB of X trailers is more than the rules read: what they left may hold what they look for (unread, refused by check).
    expect(commits[1]!.attributions).toEqual([expect.objectContaining({ agent: 'unknown', model: 'unknown', evidence: [expect.stringContaining('past what the rules read')] })]);
    expect(aitrail(repo.dir, ['check', 'HEAD~2..HEAD~1', '--format', 'json'], { timeout: 30_000 }).stdout).toContain('unread-declarations');
  });
});
