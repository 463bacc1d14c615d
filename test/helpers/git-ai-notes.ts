import type { TestRepo } from './gitdir.js';

/** Session and prompt keys of the notes written by `gitAiNote`, with the agent each stands for. */
export const NOTE_KEYS = {
  claude: 's_0c9883b05a2487',
  cursor: 's_e7f2a90b31cc48',
  qwen: 's_5a5a5a5a5a5a5a',
  codex: 'abcd1234abcd1234',
  human: 'h_31dce776f88375',
} as const;

/** An attestation entry line for a session: `s_…::t_… <ranges>`. */
export const session = (key: string, ranges: string) => `${key}::t_9f8e7d6c5b4a32 ${ranges}`;

/**
 * A git-ai Authorship Log (schema authorship/3.0.0) as git-ai writes it: `files` maps a path to
 * its entry lines (`key ranges`). The metadata holds the records its entries use (as git-ai
 * keeps them), plus those of `keep` (kept with no line, as after a rebase): sessions claude
 * (Claude Code, Opus 4.6), cursor (composer-1), qwen (opencode with qwen3-coder), a legacy
 * prompt codex (gpt-5.3-codex) and a known human.
 */
export function gitAiNote(files: Record<string, string[]>, keep: string[] = []): string {
  const attestations = Object.entries(files)
    .map(([path, entries]) => `${/\s/.test(path) ? `"${path}"` : path}\n${entries.map((entry) => `  ${entry}`).join('\n')}`)
    .join('\n');
  const metadata = {
    schema_version: 'authorship/3.0.0',
    git_ai_version: '1.4.5',
    base_commit_sha: '0'.repeat(40),
    prompts: { [NOTE_KEYS.codex]: { agent_id: { tool: 'codex', id: 'conv-1', model: 'gpt-5.3-codex' }, total_additions: 2, total_deletions: 0, accepted_lines: 2, overriden_lines: 0 } },
    humans: { [NOTE_KEYS.human]: { author: 'Test Human <human@example.com>' } },
    sessions: {
      [NOTE_KEYS.claude]: { agent_id: { tool: 'claude', id: 'c1', model: 'claude-opus-4-6' } },
      [NOTE_KEYS.cursor]: { agent_id: { tool: 'cursor', id: 'c2', model: 'composer-1' } },
      [NOTE_KEYS.qwen]: { agent_id: { tool: 'opencode', id: 'c3', model: 'qwen3-coder' } },
    },
  };
  const used = new Set([...Object.values(files).flat().map((entry) => entry.split(' ')[0]!.split('::')[0]!), ...keep]);
  const only = <T>(records: Record<string, T>) => Object.fromEntries(Object.entries(records).filter(([key]) => used.has(key)));
  const kept = { ...metadata, prompts: only(metadata.prompts), humans: only(metadata.humans), sessions: only(metadata.sessions) };
  return `${attestations}${attestations ? '\n' : ''}---\n${JSON.stringify(kept, null, 2)}\n`;
}

/** The placeholder `base_commit_sha` gitAiNote (and notes built like it) write, which addNote replaces. */
const PLACEHOLDER_BASE = /"base_commit_sha":( ?)"0{40}"/;

/**
 * `git notes --ref <ref> add -f -F -` on `sha`. A note from gitAiNote gets `sha`'s full id as its
 * `base_commit_sha`, as git-ai and aitrail write it (a note naming another commit is read as one
 * copied there by an unhooked amend or rebase: commit-wide).
 */
export function addNote(repo: TestRepo, sha: string, text: string, ref = 'ai'): void {
  const written = PLACEHOLDER_BASE.test(text) ? forCommit(text, repo.git(['rev-parse', '--verify', '--end-of-options', `${sha}^{commit}`])) : text;
  repo.git(['notes', '--ref', ref, 'add', '-f', '-F', '-', sha], { input: written });
}

/** `text` (a note from gitAiNote, or built like it) with the full id `sha` as its `base_commit_sha`: a note written for that commit. */
export function forCommit(text: string, sha: string): string {
  return text.replace(PLACEHOLDER_BASE, (_, space: string) => `"base_commit_sha":${space}"${sha}"`);
}
