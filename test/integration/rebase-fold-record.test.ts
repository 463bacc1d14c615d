// An interactive rebase that folds an agent's commit into a person's (`fixup`, `squash`,
// `fixup -C`, `git commit --fixup` + `--autosquash`) replays it, so prepare-commit-msg recorded
// nothing: a fixup drops the folded commit's message (its trailers with it), a squash leaves them
// mid-message (no trailers to git), `fixup -C` drops HEAD's, and a bot author is lost. The result
// read as a person's commit in `log`, `blame` and `check`, with the agent's lines in it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const CLAUDE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const COPILOT_AUTHOR = { GIT_AUTHOR_NAME: 'Copilot', GIT_AUTHOR_EMAIL: '198982749+Copilot@users.noreply.github.com' };

/** A repository with aitrail's hooks (init --mode git) and an `aitrail` on PATH that notes each start in `started`. */
const setup = hookedRepo;

/** Commit `line` appended to a.txt through the hooks, with `env` added (an agent's variables, an author). */
function commitLine(repo: TestRepo, env: NodeJS.ProcessEnv, message: string, line: string, extra: NodeJS.ProcessEnv = {}): void {
  writeFileSync(join(repo.dir, 'a.txt'), `${readFileSync(join(repo.dir, 'a.txt'), 'utf8')}${line}\n`);
  const made = tryGit(repo.dir, ['commit', '-q', '-am', message], { env: { ...env, ...extra } });
  expect(made.code, made.stderr).toBe(0);
}

/** `git rebase -i <base>` with the todo list edited by `sed` and the editor accepting every message as it is. */
function rebase(repo: TestRepo, env: NodeJS.ProcessEnv, base: string, sed: string, args: string[] = []): void {
  const result = tryGit(repo.dir, ['rebase', '-q', '-i', ...args, base], { env: { ...env, GIT_SEQUENCE_EDITOR: `sed -i -e '${sed}'`, GIT_EDITOR: 'true' } });
  expect(result.code, result.stderr).toBe(0);
  expect(existsSync(join(repo.dir, '.git', 'rebase-merge'))).toBe(false);
}

const trailers = (repo: TestRepo, rev = 'HEAD') => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly,separator=%x2C)', rev]).split(',').filter(Boolean);

describe('a rebase that folds an agent\'s commit into another keeps its models', () => {
  it('fixup: the person\'s commit names every model folded into it (trailers, an agent\'s variables, a bot author), and log and check read them', () => {
    const { repo, env } = setup();
    commitLine(repo, env, 'Person work', 'p');
    commitLine(repo, env, `Agent fix\n\n${CLAUDE}`, 'c');
    commitLine(repo, env, 'Agent fix 2', 'q', { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' });
    commitLine(repo, env, 'Copilot fix', 'k', COPILOT_AUTHOR);
    rebase(repo, env, 'HEAD~4', '2,4s/^pick/fixup/');
    expect(repo.git(['log', '-1', '--format=%an|%s'])).toBe('Test Human|Person work');
    expect(repo.git(['log', '-1', '--format=%B'])).toBe(`Person work\n\n${CLAUDE}\nAssisted-by: qwen-code:qwen/qwen3-coder\nAssisted-by: copilot:unknown`);
    const log = JSON.parse(aitrail(repo.dir, ['log', 'HEAD~1..HEAD', '--format', 'json'], { env }).stdout) as Array<{ ai: boolean; attributions: Array<{ model: string }> }>;
    expect(log[0]?.ai).toBe(true);
    expect(log[0]?.attributions.map((a) => a.model).sort()).toEqual(['anthropic/claude-opus-4.6', 'qwen/qwen3-coder', 'unknown']);
    writeFileSync(join(repo.dir, 'policy.yml'), 'policy:\n  deny: ["qwen/*"]\n');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--config', 'policy.yml', '--format', 'json'], { env });
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toContain('qwen/qwen3-coder');
  });

  it('squash: the first commit\'s trailers, left mid-message by git, are written in the trailer block too', () => {
    const { repo, env } = setup();
    commitLine(repo, env, `Agent work\n\n${CLAUDE}`, 'c');
    commitLine(repo, env, 'Person polish', 'p');
    rebase(repo, env, 'HEAD~2', '2s/^pick/squash/');
    const message = repo.git(['log', '-1', '--format=%B']);
    expect(message).toMatch(/^Agent work\n\nAssisted-by: claude-code:anthropic\/claude-opus-4.6\n\nPerson polish\n\n/);
    expect(trailers(repo)).toEqual(['claude-code:anthropic/claude-opus-4.6']);
  });

  it('git commit --fixup=amend: and --fixup + rebase --autosquash: the person\'s message replaces the agent\'s, the agent\'s models stay', () => {
    const { repo, env } = setup();
    commitLine(repo, env, `Agent work\n\n${QWEN}`, 'q');
    const agent = repo.git(['rev-parse', 'HEAD']);
    // `fixup -C`: the person rewords the agent's commit with a change and a message of their own (the editor writes it).
    writeFileSync(join(repo.dir, 'a.txt'), `${readFileSync(join(repo.dir, 'a.txt'), 'utf8')}p\n`);
    const reword = `printf 'amend! Agent work\\n\\nParser, as reviewed\\n' >`;
    expect(tryGit(repo.dir, ['commit', '-q', '-a', `--fixup=amend:${agent}`], { env: { ...env, GIT_EDITOR: reword } }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('amend! Agent work\n\nParser, as reviewed');
    // A plain `--fixup` of the same commit, made by an agent.
    writeFileSync(join(repo.dir, 'a.txt'), `${readFileSync(join(repo.dir, 'a.txt'), 'utf8')}c\n`);
    expect(tryGit(repo.dir, ['commit', '-q', '-a', `--fixup=${agent}`], { env: { ...env, CLAUDECODE: '1' } }).code).toBe(0);
    rebase(repo, env, 'HEAD~3', 's/^$//', ['--autosquash']);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('Parser, as reviewed');
    expect(trailers(repo).sort()).toEqual(['claude-code:unknown', 'qwen-code:qwen/qwen3-coder']);
  });

  it('a person\'s rebase that folds only people\'s commits starts no node and changes no message', () => {
    const { repo, env, started } = setup();
    commitLine(repo, env, 'One', '1');
    commitLine(repo, env, 'Two', '2');
    commitLine(repo, env, 'Three', '3');
    commitLine(repo, env, 'Four', '4');
    rmSync(started, { force: true });
    rebase(repo, env, 'HEAD~4', '2s/^pick/fixup/;4s/^pick/squash/');
    expect(existsSync(started) ? readFileSync(started, 'utf8') : '').toBe('');
    expect(repo.git(['log', '--format=%B', '-2'])).toBe('Three\n\nFour\n\nOne');
    // An agent's commit among them does start it.
    commitLine(repo, env, `Agent\n\n${CLAUDE}`, 'c');
    rebase(repo, env, 'HEAD~2', '2s/^pick/fixup/');
    expect(readFileSync(started, 'utf8')).toContain('hook prepare-commit-msg');
    expect(trailers(repo)).toEqual(['claude-code:anthropic/claude-opus-4.6']);
  });
  it('a person folding their own commits writes no trailer: a subject naming a model, co-authors and sign-offs of people, a fixup chain, amend!', () => {
    const { repo, env } = setup();
    commitLine(repo, env, 'ai-model: add gpt-5 to list\n\nSigned-off-by: Test Human <human@example.com>', 'p');
    commitLine(repo, env, 'fixup! ai-model: add gpt-5 to list\n\nCo-authored-by: Claude Monet <claude@monet.fr>\nSigned-off-by: Test Human <human@example.com>', 'f1');
    commitLine(repo, env, 'fixup! ai-model: add gpt-5 to list\n\nCo-authored-by: Boris <boris@anthropic.com>', 'f2');
    commitLine(repo, env, 'amend! ai-model: add gpt-5 to list\n\nMade-with: Cursor support\n\nSigned-off-by: Test Human <human@example.com>', 'f3');
    rebase(repo, env, 'HEAD~4', '', ['--autosquash']);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('Made-with: Cursor support\n\nSigned-off-by: Test Human <human@example.com>');
    const log = JSON.parse(aitrail(repo.dir, ['log', 'HEAD~1..HEAD', '--format', 'json'], { env }).stdout) as Array<{ ai: boolean }>;
    expect(log[0]?.ai).toBe(false);
  });
  it('git commit --fixup=amend: of a person\'s commit whose subject looks like a trailer records nothing: git quotes the subject as the next paragraph\'s first line', () => {
    const { repo, env } = setup();
    commitLine(repo, env, 'ai-model: add gpt-5 to list', 'p');
    writeFileSync(join(repo.dir, 'a.txt'), `${readFileSync(join(repo.dir, 'a.txt'), 'utf8')}q\n`);
    expect(tryGit(repo.dir, ['commit', '-q', '-a', '--fixup=amend:HEAD'], { env: { ...env, GIT_EDITOR: 'true' } }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('amend! ai-model: add gpt-5 to list\n\nai-model: add gpt-5 to list');
    rebase(repo, env, 'HEAD~2', '', ['--autosquash']);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('ai-model: add gpt-5 to list');
  });
});
