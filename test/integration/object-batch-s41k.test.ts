import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { check, log } from '../../src/index.js';
import { closeObjectBatches, objectContents, objectInfoLines } from '../../src/git/object-batch.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

/** This process's `git cat-file` children still alive: [pid, command line]. */
function catFileProcesses(): [string, string][] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out.split('\n').filter((line) => /\bgit cat-file\b/.test(line)).map((line) => {
    const [pid = '', ...args] = line.trim().split(/\s+/);
    return [pid, args.join(' ')];
  });
}

/** Those a file run earlier in the same shared (`isolate: false`) worker left: not this file's to count. */
const EARLIER = new Set(catFileProcesses().map(([pid]) => pid));

/** This file's `git cat-file` children still alive. */
function catFileChildren(): string[] {
  return catFileProcesses().filter(([pid]) => !EARLIER.has(pid)).map(([, args]) => args);
}

/** catFileChildren once those told to end have ended (they answer what they were asked, then exit). */
async function settledCatFiles(most: number): Promise<string[]> {
  for (let tries = 0; tries < 100 && catFileChildren().length > most; tries += 1) await new Promise((done) => setTimeout(done, 50));
  return catFileChildren();
}

function aiRepo(): TestRepo {
  const repo = makeRepo();
  repo.git(['commit', '-q', '--allow-empty', '-m', 'feat: x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6']);
  return repo;
}

/** A commit of `a.ts` with Claude's git-ai note, and the models `log` (the API) reads for it, checked once. */
async function claudeNoted(): Promise<{ repo: TestRepo; sha: string; models: () => Promise<string[]> }> {
  const repo = makeRepo();
  repo.write('a.ts', 'one\n');
  repo.git(['add', 'a.ts']);
  repo.git(['commit', '-q', '-m', 'feat: a']);
  const sha = repo.git(['rev-parse', 'HEAD']);
  addNote(repo, sha, gitAiNote({ 'a.ts': [session(NOTE_KEYS.claude, '1')] }));
  const models = async () => (await log({ cwd: repo.dir }))[0]!.attributions.map((attribution) => attribution.model);
  // The first call reads the note through a shared process (the one-shots asked first), the one a call could leave behind.
  await pastOneShots(repo.dir);
  expect(await models()).toEqual(['anthropic/claude-opus-4.6']);
  return { repo, sha, models };
}

/**
 * Two questions of each kind (mode and object view) asked of `dir` first: object-batch.ts asks the first two
 * of a kind of a process of their own (ONE_SHOTS_FIRST), so the questions that follow go to the shared
 * process these tests are about (at 6d09af1 they asked one or two and met no shared process at all).
 */
async function pastOneShots(dir: string): Promise<void> {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  for (const view of [{}, { asStored: true }]) {
    for (let asked = 0; asked < 2; asked += 1) {
      // Two names: a found answer is kept for the run and never asked again (row 1182).
      expect(await objectInfoLines(dir, [asked === 0 ? head : `${head}^{tree}`], view)).toEqual([expect.stringMatching(/ (commit|tree) \d+$/)]);
      expect((await objectContents(dir, [head], view))[0]!.header).toMatch(/ commit \d+$/);
    }
  }
}

describe('the shared cat-file processes of a program using the API (src/index.ts)', () => {
  it('end with each call: a program judging many repositories keeps none alive', async () => {
    await closeObjectBatches();
    for (const repo of Array.from({ length: 10 }, aiRepo)) {
      await pastOneShots(repo.dir);
      expect((await check({ cwd: repo.dir, range: 'HEAD' })).violations).toEqual([]);
    }
    // At 3718f3b: 10 `git cat-file --batch-check` alive, one per repository ever judged, until the program ended.
    expect(await settledCatFiles(0)).toEqual([]);
  });

  it('are never more than 8 at once: the least recently asked ends; a repository asked again gets a new one', async () => {
    await closeObjectBatches();
    const repos = Array.from({ length: 12 }, aiRepo);
    for (const repo of repos) {
      await pastOneShots(repo.dir);
      // Not a name pastOneShots asked (its answer is kept: row 1182), so the shared process answers it.
      expect(await objectInfoLines(repo.dir, [`${repo.git(['rev-parse', 'HEAD'])}^{commit}`])).toEqual([expect.stringMatching(/ commit \d+$/)]);
    }
    expect((await settledCatFiles(8)).length).toBeLessThanOrEqual(8);
    const head = repos[0]!.git(['rev-parse', 'HEAD']);
    expect(await objectInfoLines(repos[0]!.dir, [head, `${head}^{tree}`])).toEqual([expect.stringMatching(new RegExp(`^${head} commit \\d+$`)), expect.stringMatching(/^[0-9a-f]{40} tree \d+$/)]);
    await closeObjectBatches();
    expect(await settledCatFiles(0)).toEqual([]);
  });

  it('log called again after `git replace` of a note reads the note as git now shows it, as `aitrail log` does', async () => {
    const { repo, sha, models } = await claudeNoted();
    const note = repo.git(['rev-parse', `refs/notes/ai:${sha}`]);
    const qwen = repo.git(['hash-object', '-w', '--stdin'], { input: gitAiNote({ 'a.ts': [session(NOTE_KEYS.qwen, '1')] }) });
    repo.git(['replace', note, qwen]);
    // At 3718f3b: still Claude, read by the process the first call left (git read the replace refs once).
    expect(await models()).toEqual(await models());
    expect((await models())[0]).toMatch(/qwen/);
  });
});

describe('the notes trees a run listed (notes.ts listNotes), in a program using the API', () => {
  it('log called again after `git replace` of the notes commit lists the notes git now shows', async () => {
    const { repo, sha, models } = await claudeNoted();
    const tip = repo.git(['rev-parse', 'refs/notes/ai']);
    addNote(repo, sha, gitAiNote({ 'a.ts': [session(NOTE_KEYS.qwen, '1')] }), 'other');
    repo.git(['replace', tip, repo.git(['rev-parse', 'refs/notes/other'])]);
    // At 3718f3b: still Claude, the listing of the first call kept (the tip did not move, git's answer did).
    expect((await models())[0]).toMatch(/qwen/);
  });
});
