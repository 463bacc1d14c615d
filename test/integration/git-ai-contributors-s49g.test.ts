// row 914: a git-ai note whose `contributors` stats (git-ai's `AuthorshipMetadata.contributors:
// Option<BTreeMap<String, ContributorStats>>`, git-ai-project/git-ai `src/authorship/authorship_log.rs`
// and `authorship_log_serialization.rs` at 48d4062d39b3242b17a384332a1ce157c60a0cd3) hold a field of
// the wrong type: serde_json refuses the whole metadata, so git-ai's blame reads no line of it, where
// aitrail's blame gave the lines to the note's model. Real repository, note written with
// `git notes --ref ai add`, the real CLI. Verdicts replayed with serde_json (unit test of the same name).
import { describe, expect, it } from 'vitest';
import { addNote } from '../helpers/git-ai-notes.js';
import { blameOf, expectBlameRefusesCheckDenies, silentCommit } from '../helpers/git-ai-refusal.js';

/**
 * A note as git-ai 1.x writes it today: lines 2-3 of `app.ts` to an opencode session with
 * qwen3-coder, line 4 to a known human (`h_`), a legacy prompt record with `messages_url` and its
 * counts, and the `contributors` stats given.
 */
function note(contributors: string): string {
  return `app.ts
  s_5a5a5a5a5a5a5a::t_9f8e7d6c5b4a32 2-3
  h_31dce776f88375 4
---
{
  "schema_version": "authorship/3.0.0",
  "git_ai_version": "1.3.2",
  "base_commit_sha": "${'0'.repeat(40)}",
  "prompts": {
    "abcd1234abcd1234": {
      "agent_id": {"tool": "cursor", "id": "c2", "model": "gpt-5"},
      "human_author": "Test Human <human@example.com>",
      "messages_url": "https://usegitai.com/cas/abc",
      "total_additions": 3,
      "total_deletions": 0,
      "accepted_lines": 2,
      "overriden_lines": 1
    }
  },
  "humans": {"h_31dce776f88375": {"author": "Test Human <human@example.com>"}},
  "sessions": {"s_5a5a5a5a5a5a5a": {"agent_id": {"tool": "opencode", "id": "c3", "model": "qwen3-coder"}, "human_author": null}},
  "contributors": ${contributors}
}
`;
}

const HONEST = '{"human@example.com": {"name": "Test Human", "human_additions": 1, "ai_additions": 2, "ai_accepted": 2, "mixed_additions": 0, "ai_acceptance_rate": 100.0, "tool_model_breakdown": {"opencode::qwen3-coder": {"ai_additions": 2, "ai_accepted": 2, "mixed_additions": 0, "ai_acceptance_rate": 100.0}}}}';

describe('a git-ai note whose contributors stats git-ai refuses (914)', () => {
  it('the note as git-ai writes it is read line by line: the session’s lines, the known human’s line', () => {
    const { repo, sha } = silentCommit('a\nb\nc\nd\n');
    addNote(repo, sha, note(HONEST));
    const blame = blameOf(repo);
    expect(blame.totals).toMatchObject({ lines: 4, ai: 2, human: 2, byModel: { 'qwen/qwen3-coder': 2 }, lineLevel: 3 });
    expect(blame.stderr).not.toContain('reads none of it');
  });

  it.each([
    ['a negative count', '{"human@example.com": {"ai_additions": -1}}', 'a value of ai_additions that is not a whole number'],
    ['a count written 2.0', '{"human@example.com": {"ai_accepted": 2.0}}', 'ai_accepted 2.0'],
    ['a name that is null', '{"human@example.com": {"name": null}}', 'a name that is not a string'],
    ['a list for the map', '[]', 'contributors is not an object'],
    ['a tool::model breakdown entry that is null', '{"human@example.com": {"tool_model_breakdown": {"opencode::qwen3-coder": null}}}', 'an entry that is not an object'],
  ])('%s: blame reads none of it, as git-ai; check still refuses the Qwen lines', (_name, contributors, why) => {
    const { repo, sha } = silentCommit('a\nb\nc\nd\n');
    addNote(repo, sha, note(contributors));
    expectBlameRefusesCheckDenies(repo, sha, why);
  });
});
