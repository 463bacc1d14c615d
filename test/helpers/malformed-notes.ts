import { makeRepo, type TestRepo } from './gitdir.js';

/** The session key of the malformed notes of rows 1158 and 1185 (opencode, Qwen). */
export const QWEN_SESSION = 's_5a5a5a5a5a5a5a';

/** Metadata (authorship/3.0.0, pretty-printed as git-ai writes it) naming one session's `tool` and `model`. */
export const sessionMeta = (sha: string, model: string, tool = 'opencode') =>
  JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: sha, prompts: {}, sessions: { [QWEN_SESSION]: { agent_id: { tool, id: 'c3', model } } } }, null, 2);

/** A repository denying qwen/*, and a silent commit of q.ts on `feature`: its sha. */
export function silentCommit(): { repo: TestRepo; sha: string } {
  const repo = makeRepo();
  repo.commit('policy', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  const sha = repo.commit('feat: q', { 'q.ts': 'q1\nq2\n' });
  return { repo, sha };
}

/** A silent commit of q.ts in `work` made with hooks skipped: its sha. */
export function unhookedCommit(work: TestRepo): string {
  work.write('q.ts', 'q1\nq2\n');
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'feat: q']);
  return work.git(['rev-parse', 'HEAD']);
}
