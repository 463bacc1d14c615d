import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { checkout, origin, prEvent, pullRequest, repository, runAction } from '../helpers/github-action.js';

/**
 * What a CI runner runs as a command in a log line, as actions/runner's ActionCommandManager reads
 * one: `::name …::` after leading blanks (ActionCommand.TryParseV2 trims them), else the older
 * `##[name …]` ANYWHERE in the line (ActionCommand.TryParse uses IndexOf); Azure's `##vso[` likewise.
 */
const REGISTERED = ['add-mask', 'stop-commands', 'error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'echo', 'add-matcher', 'set-output', 'save-state'];
function runnerCommands(log: string): string[] {
  const found: string[] = [];
  for (const line of log.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^[\s\u0085]+/, '');
    const v2 = /^::([^ :]+)[^]*?::/.exec(trimmed);
    if (v2 && REGISTERED.includes(v2[1]!)) {
      found.push(`::${v2[1]}`);
      continue;
    }
    const v1 = /##\[([^ \];]+)[^\]]*\]/.exec(line);
    if (v1 && REGISTERED.includes(v1[1]!)) found.push(`##[${v1[1]}] in: ${line}`);
    if (/##vso\[/i.test(line)) found.push(`##vso in: ${line}`);
  }
  return found;
}

const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const OPUS = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

/** A history whose subjects, file names, author names and trailers hold the older runner commands mid-line. */
function hostileRepo() {
  const repo = makeRepo();
  repo.commit('initial\n', { '.aitrailrc.json': '{ "policy": { "deny": ["qwen/*"] } }\n', 'app.js': 'a\n' });
  repo.git(['tag', 'v1']);
  repo.commit(`feat: ##[stop-commands]tok1\n\n${QWEN}\n`, { 'src/##[error]forged-by-path.js': 'q\n', 'src/x ##vso[task.setvariable variable=A]b.js': 'v\n' });
  repo.commit(`feat: opus\n\n${OPUS}\n`, { 'src/o.js': 'o\n' }, { GIT_AUTHOR_NAME: 'Mallory ##[warning]forged-by-author' });
  repo.commit('feat: aider\n\nAssisted-by: aider:##[error]by-trailer\n', { 'src/n.js': 'n\n' });
  repo.git(['tag', 'v2']);
  return repo;
}

describe('text a CI runner would run as a command, printed by aitrail into a CI log', () => {
  it('check, log, blame and trend in every format show `##[` and `##vso[` in hostile names escaped; JSON reads back the same', () => {
    const repo = hostileRepo();
    const runs: string[][] = [
      ['check', 'v1..v2'], ['check', 'v1..v2', '--format', 'json'],
      ['log', 'v1..v2'], ['log', 'v1..v2', '--format', 'json'],
      ['blame'], ['blame', '--by', 'author'], ['blame', '--by', 'dir'], ['blame', '--format', 'csv'], ['blame', '--by', 'author', '--format', 'csv'], ['blame', '--format', 'json'], ['blame', '--by', 'author', '--format', 'json'],
      ['trend', 'v1', 'v2'], ['trend', 'v1', 'v2', '--format', 'csv'], ['trend', 'v1', 'v2', '--format', 'json'],
    ];
    for (const args of runs) {
      const result = aitrail(repo.dir, args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBeLessThan(2);
      expect(runnerCommands(result.stdout + result.stderr), args.join(' ')).toEqual([]);
    }
    expect(aitrail(repo.dir, ['blame']).stdout).toContain('src/##\\x5berror]forged-by-path.js');
    const log = JSON.parse(aitrail(repo.dir, ['log', 'v1..v2', '--format', 'json']).stdout) as { subject: string; author: { name: string } }[];
    expect(log.map((commit) => commit.subject)).toContain('feat: ##[stop-commands]tok1');
    expect(log.map((commit) => commit.author.name)).toContain('Mallory ##[warning]forged-by-author');
    const blame = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json']).stdout) as { files: { path: string }[] };
    expect(blame.files.map((file) => file.path)).toContain('src/##[error]forged-by-path.js');
  });

  it('check --format github keeps the annotation exact (the runner reads the line as `::error`, never as `##[`)', () => {
    const repo = hostileRepo();
    const result = aitrail(repo.dir, ['check', 'v1..v2', '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error file=src/##[error]forged-by-path.js,title=aitrail model-denied%3A qwen/qwen3-coder');
    expect(runnerCommands(result.stdout + result.stderr).filter((command) => !/^::(error|warning)$/.test(command))).toEqual([]);
  });

  it('an error quoting an argument with a line break starts no line with `::`', () => {
    const repo = hostileRepo();
    for (const args of [['blame', '--', 'x\n  ::add-mask::path'], ['blame', '--rev', 'HEAD\n::stop-commands::tok']]) {
      const result = aitrail(repo.dir, args);
      expect(result.code).toBe(2);
      expect(runnerCommands(result.stdout + result.stderr), args.join(' ')).toEqual([]);
      expect(result.stderr).toMatch(/\\x3a:(add-mask|stop-commands)::/);
    }
  });

  it('the Action on a hostile pull request: the log holds only its own annotations', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [
      { message: `feat: ##[stop-commands]tok1\n\n${QWEN}\n`, files: { 'src/##[error]forged-by-path.js': 'q\n' } },
      { message: 'feat: aider\n\nAssisted-by: aider:##[error]by-trailer\n', files: { 'src/n.js': 'n\n' } },
    ]);
    const result = runAction(checkout(world, 'pull/1/merge', merge), prEvent(head, merge));
    expect(result.status, result.stderr).toBe(1);
    expect(runnerCommands(result.stdout + result.stderr).sort()).toEqual(['::error', '::warning']);
    expect(result.summary).not.toContain('##[');
  });

  it('the Action with an origin URL holding a CR (a reused workspace): its error starts no runner command, its summary line is one code span', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [{ message: 'feat: x\n', files: { 'src/x.js': 'x\n' } }]);
    const runner = checkout(world, 'pull/1/merge', merge);
    runner.git(['config', 'remote.origin.url', `${world.origin.dir}\r::add-mask::qwen3-coder <img src=x> @octocat`]);
    const result = runAction(runner, prEvent(head, merge), repository(world.origin.dir));
    expect(result.status).toBe(3);
    expect(runnerCommands(result.stdout + result.stderr)).toEqual(['::error']);
    expect(result.stdout).toContain('%0D::add-mask::qwen3-coder');
    expect(result.summary).toMatch(/^:x: `origin is [^`\n]*::add-mask::qwen3-coder <img src=x> @octocat, not [^`\n]*`$/m);
  });

  it('the Action on a pull request into a branch whose name holds a backtick: the range stays one code span in the summary', () => {
    const world = origin();
    const base = 'rel`<b>x</b>`@octocat';
    world.dev.git(['push', '-q', 'origin', `${world.main}:refs/heads/${base}`]);
    const { head, merge } = pullRequest(world, [{ message: 'feat: x\n', files: { 'src/x.js': 'x\n' } }]);
    const event = prEvent(head, merge);
    const into = { ...event, baseRef: base, payload: { ...event.payload, pull_request: { ...event.payload.pull_request, base: { ref: base } } } };
    const result = runAction(checkout(world, 'pull/1/merge', merge), into);
    expect(result.status, result.stderr).toBe(0);
    expect(result.summary).toContain(`:white_check_mark: \`\` refs/remotes/origin/${base}..${head} \`\`: 1 commit checked`);
  });
});
