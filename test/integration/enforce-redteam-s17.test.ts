// Red team, session 17: today's fast readings (src/core/detect/fixed-values.ts; the part of a long
// message pastLimits reads) against the policy's own configuration and the spellings the readers take.
// One real bare server running the pre-receive hook (real pushes, --no-verify) and `aitrail check`.
// Every test here failed before its fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import type { Project } from '../helpers/enforce-repos.js';

// A gateway serving Qwen and GLM under Claude's names (row 56's setups), told to aitrail as the gateway's config writes them.
const POLICY = 'policy:\n  deny: ["qwen/*", "z-ai/*"]\n  unknownModel: deny\ndetect:\n  aliases:\n    claude-opus-4-6-20260115: qwen/qwen3-coder\n    claude-latest: z-ai/glm-4.6\n';
let server: Project | undefined;
const shared = (): Project => (server ??= policyServer(POLICY));

/** A commit's message, and its author when not the repository's user. */
type Made = string | { message: string; author: { name: string; email: string } };

/** Commits of `messages` (hooks skipped) on a new branch `name` from main: check's verdict, then the push's result. */
function pushBranch(name: string, messages: Made[]): { check: ReturnType<typeof aitrail>; push: ReturnType<typeof tryGit>; models: string[] } {
  const { work } = shared();
  work.git(['checkout', '-q', '-b', name, 'main']);
  messages.forEach((made, at) => {
    const file = { [`src/${name}${at}.ts`]: `export const v = ${at};\n` };
    if (typeof made === 'string') {
      const done = commitWith(work, made, file, { noVerify: true });
      expect(done.code, done.stderr).toBe(0);
      return;
    }
    for (const [path, content] of Object.entries(file)) work.write(path, content);
    work.git(['add', '-A']);
    const done = tryGit(work.dir, ['commit', '-q', '--no-verify', '-F', '-'], { input: made.message, env: { GIT_AUTHOR_NAME: made.author.name, GIT_AUTHOR_EMAIL: made.author.email } });
    expect(done.code, done.stderr).toBe(0);
  });
  const check = aitrail(work.dir, ['check', `main..${name}`, '--format', 'json'], { timeout: 60_000 });
  const push = tryGit(work.dir, ['push', '--no-verify', 'origin', name]);
  work.git(['checkout', '-q', 'main']);
  const models = check.code === 1 ? (JSON.parse(check.stdout) as { violations: { model: string; rule: string }[] }).violations.map((violation) => `${violation.rule} ${violation.model}`) : [];
  return { check, push, models };
}

const onServer = (name: string): boolean => shared().remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/']).includes(`refs/heads/${name}`);

describe('an alias of the policy spelled otherwise than the value it reads', () => {
  it('Claude\'s dated id (or `claude-latest`) aliased to a denied model: aitrail\'s own `claude-code:anthropic/claude-opus-4.6` and Claude\'s own co-author line name it, refused by check and at pre-receive', () => {
    const { check, push, models } = pushBranch('gateway', [
      'feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n',
      'feat: b\n\nCo-authored-by: Claude <noreply@anthropic.com>\n',
      // A model key's value read whole (canonicalModel): the same alias.
      'feat: c\n\nAI-Model: anthropic/claude-opus-4.6\n',
    ]);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(models).toEqual(expect.arrayContaining([expect.stringContaining('qwen/qwen3-coder'), expect.stringContaining('z-ai/glm-4.6')]));
    expect(models.filter((model) => model === 'model-denied qwen/qwen3-coder')).toHaveLength(2);
    expect(push.code, push.stderr).not.toBe(0);
    expect(onServer('gateway')).toBe(false);
  });
});

describe('a declaration past the line limits in a spelling the readers take', () => {
  it('`Assisted_by:` split by a colour sequence after 20,000 lines: refused (unread-declarations) by check and at pre-receive', () => {
    const prose = Array.from({ length: 20_010 }, (_, at) => `Step ${at}: the parser reads one more token.`).join('\n');
    const { check, push, models } = pushBranch('long', [
      `feat: a\n\n${prose}\nAssis\x1b[0mted_by: qwen-code:qwen/qwen3-coder\n\nThanks.\n`,
    ]);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(models.filter((model) => model.startsWith('unread-declarations'))).toHaveLength(1);
    expect(push.code, push.stderr).not.toBe(0);
    expect(onServer('long')).toBe(false);
  });
});

describe('a signature behind characters reading drops', () => {
  it('Qwen Code\'s footer behind 4,100 zero-width characters, a ticked `Qwen Code` behind colour sequences, or a ticked model below a comment of several lines: refused by check and at pre-receive', () => {
    const { check, push, models } = pushBranch('hidden', [
      `feat: a\n\nNotes.\n${'\u200b'.repeat(4100)}Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)\n\nThanks.\n`,
      `feat: b\n\n## AI assistance\n\n- [x] ${'\x1b[0m'.repeat(1100)}Qwen Code\n`,
      // A template's instructions in an HTML comment of several lines between the question and the list.
      'feat: c\n\n## AI assistance\n<!--\nTick the tools you used.\n-->\n- [x] Qwen3-Coder\n',
    ]);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    // The footer names Qwen (denied); so does the ticked item: Qwen Code named alone is Qwen's unknown model (row 864).
    expect(models).toEqual(expect.arrayContaining(['model-denied qwen/unknown', 'model-denied qwen/qwen3-coder']));
    expect(models.filter((m) => m === 'model-denied qwen/unknown')).toHaveLength(2);
    expect(push.code, push.stderr).not.toBe(0);
    expect(onServer('hidden')).toBe(false);
  });
});

describe('the commit author read as a co-author line is', () => {
  it('Qwen Code\'s address behind 5,000 zero-width characters, or Claude\'s own identity whose name goes on to `qwen3-coder`: refused by check and at pre-receive', () => {
    const { check, push, models } = pushBranch('author', [
      { message: 'feat: a\n', author: { name: 'Pat Doe', email: `${'\u200b'.repeat(5000)}qwen-coder@alibabacloud.com` } },
      { message: 'feat: b\n', author: { name: 'Claude Opus 4.6, qwen3-coder', email: 'noreply@anthropic.com' } },
    ]);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(models).toEqual(expect.arrayContaining(['model-denied qwen/unknown', 'model-denied qwen/qwen3-coder']));
    expect(push.code, push.stderr).not.toBe(0);
    expect(onServer('author')).toBe(false);
  });
});

describe('a signature after a break only a screen shows', () => {
  it('Qwen Code\'s footer after a carriage return (a terminal shows it over the line), a ticked model after a vertical tab: refused by check and at pre-receive', () => {
    const { check, push, models } = pushBranch('screen', [
      'feat: a\n\nNotes\r🤖 Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)\n\nThanks\n',
      'feat: b\n\n## AI assistance\v- [x] Qwen3-Coder\n',
    ]);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(models).toEqual(expect.arrayContaining(['model-denied qwen/unknown', 'model-denied qwen/qwen3-coder']));
    expect(push.code, push.stderr).not.toBe(0);
    expect(onServer('screen')).toBe(false);
  });
});
