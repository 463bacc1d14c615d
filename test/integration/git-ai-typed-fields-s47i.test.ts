// row 824: a git-ai note whose record holds a field of the wrong type for git-ai's structs
// (`PromptRecord` counts as `u32`, `messages_url` as a string, `custom_attributes` as strings; git-ai's
// `src/authorship/authorship_log.rs`): serde_json refuses the whole metadata, so git-ai's blame reads
// no line of it, where aitrail's blame gave the lines to the record's model. Real repository, note
// written with `git notes --ref ai add`, the real CLI. Verdicts replayed with serde_json (unit test).
import { describe, expect, it } from 'vitest';
import { addNote } from '../helpers/git-ai-notes.js';
import { blameOf, expectBlameRefusesCheckDenies, silentCommit } from '../helpers/git-ai-refusal.js';

/** A git-ai note giving lines 2-3 of `app.ts` to a legacy prompt record of opencode with qwen3-coder, `extra` added to the record. */
function promptNote(extra: string): string {
  return `app.ts\n  abcd1234abcd1234 2-3\n---\n{\n  "schema_version": "authorship/3.0.0",\n  "git_ai_version": "1.4.5",\n  "base_commit_sha": "${'0'.repeat(40)}",\n  "prompts": {\n    "abcd1234abcd1234": {\n      "agent_id": {"tool": "opencode", "id": "c3", "model": "qwen3-coder"},\n      "human_author": null${extra}\n    }\n  }\n}\n`;
}

/** A git-ai note giving lines 2-3 of `app.ts` to a Claude session, `extra` added to its record. */
function sessionNote(extra: string): string {
  return `app.ts\n  s_0c9883b05a2487::t_9f8e7d6c5b4a32 2-3\n---\n{\n  "schema_version": "authorship/3.0.0",\n  "base_commit_sha": "${'0'.repeat(40)}",\n  "prompts": {},\n  "sessions": {\n    "s_0c9883b05a2487": {"agent_id": {"tool": "claude", "id": "c1", "model": "claude-opus-4-6"}${extra}}\n  }\n}\n`;
}

describe('a git-ai note git-ai refuses for a typed field (824)', () => {
  it.each([
    ['a count written 3.0', ',\n      "total_additions": 3.0', 'total_additions 3.0'],
    ['a count of -1', ',\n      "accepted_lines": -1', 'accepted_lines that is not a whole number'],
    ['a count of null', ',\n      "overriden_lines": null', 'overriden_lines that is not a whole number'],
    ['a messages_url that is a number', ',\n      "messages_url": 5', 'messages_url that is not a string'],
    ['custom attributes that are not strings', ',\n      "custom_attributes": {"team": 7}', 'custom_attributes that are not an object of strings'],
  ])('%s: blame reads none of it, as git-ai; check still refuses the Qwen lines', (_name, extra, why) => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, promptNote(extra));
    expectBlameRefusesCheckDenies(repo, sha, why);
  });

  it('the fields as git-ai writes them read as before; a session record’s fields git-ai ignores are read whatever they hold', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, promptNote(',\n      "total_additions": 2,\n      "total_deletions": 0,\n      "accepted_lines": 2,\n      "overriden_lines": 0,\n      "messages_url": "https://example.com/cas/1",\n      "custom_attributes": {"team": "core"}'));
    expect(blameOf(repo).totals).toMatchObject({ ai: 2, byModel: { 'qwen/qwen3-coder': 2 } });
    // serde_json skips a session's `messages_url` and counts unchecked (no such fields in SessionRecord): read.
    addNote(repo, sha, sessionNote(', "messages_url": "\\ud800", "total_additions": 1.5, "custom_attributes": {"team": "core"}'));
    const read = blameOf(repo);
    expect(read.totals).toMatchObject({ ai: 2, byModel: { 'anthropic/claude-opus-4.6': 2 } });
    expect(read.stderr).not.toContain('reads none of it');
  });
});
