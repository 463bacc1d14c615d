import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectAtCommitTime } from '../../src/core/detect.js';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { makeRepo } from '../helpers/gitdir.js';
import { quietFunction, stampedRepo } from '../helpers/shim-fast-path.js';

const HOOKS = join(import.meta.dirname, '..', '..', 'hooks');

type Author = { name: string; email: string };

/** Row 257: authors named exactly as a model (a wrapper's `git commit --author=…`), at addresses no agent's signature knows. */
const MODEL_AUTHORS: [Author, string][] = [
  [{ name: 'Qwen3-Coder', email: 'qwen3-coder@example.com' }, 'qwen/qwen3-coder'],
  [{ name: 'DeepSeek-V3', email: 'bot@corp.example' }, 'deepseek/deepseek-v3'],
  [{ name: 'GPT-5', email: 'gpt5@internal.example' }, 'openai/gpt-5'],
  [{ name: 'Claude Opus 4.5', email: 'ai@company.example' }, 'anthropic/claude-opus-4.5'],
  [{ name: 'Gemini 2.5 Pro', email: 'gemini@team.example' }, 'google/gemini-2.5-pro'],
];

/** People whose names hold a model's or a vendor's word: they stay people everywhere. */
const PEOPLE: Author[] = [
  { name: 'Gemini Smith', email: 'gemini.smith@example.com' },
  { name: 'Claude Martin', email: 'claude.martin@example.fr' },
  { name: 'grok42', email: '4242+grok42@users.noreply.github.com' },
  { name: 'Opus Team', email: 'opus@example.com' },
  { name: 'Sonnet', email: 'poet@example.com' },
  { name: 'jdoe42', email: 'jdoe42@example.com' },
  { name: 'Jane Doe', email: 'jane@example.com' },
];

const env = (author: Author) => ({ GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email });

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}

describe('row 257: a commit authored as a model\'s own name', () => {
  it('log and blame read each as that model, as its co-author line is read; people named with models\' words stay people', () => {
    const repo = makeRepo();
    const authored = MODEL_AUTHORS.map(([author], at) => repo.commit(`feat: part ${at}\n`, { [`m${at}.txt`]: 'one\ntwo\n' }, env(author)));
    const people = PEOPLE.map((person, at) => repo.commit(`fix: part ${at}\n`, { [`p${at}.txt`]: 'three\nfour\nfive\n' }, env(person)));
    // The same identities on a co-author line of a person's commit: read the same.
    const coAuthored = MODEL_AUTHORS.map(([author], at) => repo.commit(`docs: note ${at}\n\nCo-authored-by: ${author.name} <${author.email}>\n`, {}, env(PEOPLE[6]!)));

    const log = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    const bySha = new Map((JSON.parse(log.stdout) as LogJson[]).map((entry) => [entry.sha, entry]));
    MODEL_AUTHORS.forEach(([author, model], at) => {
      expect({ author: author.name, got: bySha.get(authored[at]!)!.attributions.map((a) => `${a.agent}:${a.model}`) }).toEqual({ author: author.name, got: [`unknown:${model}`] });
      expect(bySha.get(coAuthored[at]!)!.attributions.map((a) => `${a.agent}:${a.model}`), `co-author ${author.name}`).toEqual([`unknown:${model}`]);
    });
    PEOPLE.forEach((person, at) => expect({ person: person.name, ai: bySha.get(people[at]!)!.ai }).toEqual({ person: person.name, ai: false }));

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    const totals = (JSON.parse(blame.stdout) as { totals: { ai: number; human: number; byModel: Record<string, number> } }).totals;
    expect(totals.ai).toBe(2 * MODEL_AUTHORS.length);
    expect(totals.human).toBe(3 * PEOPLE.length);
    expect(totals.byModel).toEqual(Object.fromEntries(MODEL_AUTHORS.map(([, model]) => [model, 2])));
  });

  it('a real pre-receive refuses a push of a commit authored as Qwen3-Coder under deny qwen/*, and takes a person\'s named Gemini Smith', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    work.git(['checkout', '-q', '-b', 'qwen', 'main']);
    const sha = work.commit('feat: parser\n', { 'src/parser.ts': 'export const p = 1;\n' }, env(MODEL_AUTHORS[0]![0]));
    const refused = tryGit(work.dir, ['push', '--no-verify', 'origin', 'qwen']);
    expect(refused.code, refused.stderr).not.toBe(0);
    expect(refused.stderr).toContain(`error   ${sha.slice(0, 12)} `);
    expect(refused.stderr).toContain('qwen/qwen3-coder');
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/qwen');

    work.git(['checkout', '-q', '-b', 'person', 'main']);
    work.commit('feat: lexer\n', { 'src/lexer.ts': 'export const l = 1;\n' }, env(PEOPLE[0]!));
    const taken = tryGit(work.dir, ['push', '--no-verify', 'origin', 'person']);
    expect(taken.code, taken.stderr).toBe(0);
  });

  it('the commit hooks\' shell fast path starts node for each model author and still skips it for the people', () => {
    // The stamp the real node hook leaves after a person's commit.
    const repo = stampedRepo();
    const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
    const authors = [...MODEL_AUTHORS.map(([author]) => author), ...PEOPLE];
    const lines = [quietFunction(readFileSync(join(HOOKS, 'commit-msg'), 'utf8'))];
    authors.forEach((author, at) => {
      lines.push(`GIT_AUTHOR_NAME=${quote(author.name)} GIT_AUTHOR_EMAIL=${quote(author.email)}; export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL; aitrail_quiet .git/COMMIT_EDITMSG || echo ${at}`);
    });
    writeFileSync(join(repo.dir, 'driver.sh'), `${lines.join('\n')}\n`);
    const run = spawnSync('env', ['-i', 'PATH=/usr/bin:/bin', 'sh', 'driver.sh'], { cwd: repo.dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const started = new Set(run.stdout.split('\n').filter(Boolean).map(Number));
    // `Claude Martin`, `Opus Team` and `Sonnet` already started node (`claude`, `opus`, `sonnet` are texts of agents'
    // identity signatures), and `grok42` may be a model's name by its letters and digit (node reads it as no model the
    // catalog knows); a name with a model's word and no digit, or a digit and no model's word, still skips it.
    const cheap = new Set(['Gemini Smith', 'jdoe42', 'Jane Doe']);
    authors.forEach((author, at) => {
      const model = at < MODEL_AUTHORS.length;
      const acts = detectAtCommitTime('Plain\n', { env: {}, author }, { detect: {}, trailerKey: 'Assisted-by' }).length > 0;
      expect({ author: author.name, acts }).toEqual({ author: author.name, acts: model });
      if (model || cheap.has(author.name)) expect({ author: author.name, started: started.has(at) }).toEqual({ author: author.name, started: model });
    });
  });

  it('with the real shims installed, `git commit --author="Qwen3-Coder <…>"` starts node and records the model; `--author="Gemini Smith <…>"` does not start it', () => {
    const { repo, env, started } = hookedRepo();
    const starts = () => readFileSync(started, 'utf8').split('\n').filter(Boolean).length;
    const before = starts();
    repo.write('p.txt', 'person\n');
    repo.git(['add', '-A']);
    expect(tryGit(repo.dir, ['commit', '-q', '--author=Gemini Smith <gemini.smith@example.com>', '-m', 'fix: person'], { env }).code).toBe(0);
    expect(starts()).toBe(before);
    repo.write('m.txt', 'model\n');
    repo.git(['add', '-A']);
    const made = tryGit(repo.dir, ['commit', '-q', '--author=Qwen3-Coder <qwen3-coder@example.com>', '-m', 'feat: model'], { env });
    expect(made.code, made.stderr).toBe(0);
    expect(starts()).toBeGreaterThan(before);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('qwen/qwen3-coder');
  });
});
