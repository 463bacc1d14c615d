// row 860: a git-ai note giving a prompt record id twice, the earlier occurrence with a field of
// the wrong type for git-ai (`"total_additions": null`): serde_json reads every entry of the map and
// refuses the whole note, so git-ai's blame reads none of it; JSON.parse kept only the last
// occurrence, so aitrail's blame gave the lines to Qwen. Real repository, `git notes --ref ai add`,
// the real CLI; `check` still refuses the Qwen lines (enforcement reads every occurrence).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const QWEN = '"agent_id": {"tool": "opencode", "id": "c3", "model": "qwen3-coder"}, "human_author": null';
const note = (first: string) =>
  `app.ts\n  abcd1234abcd1234 2-3\n---\n{\n  "schema_version": "authorship/3.0.0",\n  "base_commit_sha": "${'0'.repeat(40)}",\n  "prompts": {\n    "abcd1234abcd1234": {${QWEN}${first}},\n    "abcd1234abcd1234": {${QWEN}, "total_additions": 2}\n  }\n}\n`;

describe('a repeated prompt id whose earlier occurrence git-ai refuses (860)', () => {
  it.each([
    ['total_additions null', ', "total_additions": null', 'total_additions that is not a whole number'],
    ['messages_url a number', ', "messages_url": 5', 'messages_url that is not a string'],
  ])('earlier %s: blame reads none of the note, as git-ai; check still refuses Qwen', (_name, first, why) => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n', 'app.ts': 'a\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('work', { 'app.ts': 'a\nb\nc\n' });
    addNote(repo, sha, note(first));
    const blame = aitrail(repo.dir, ['blame', 'app.ts', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(JSON.parse(blame.stdout).totals).toMatchObject({ lines: 3, ai: 0, lineLevel: 0 });
    expect(blame.stderr).toContain(`the prompts record "abcd1234abcd1234" has a ${why}`);
    expect(blame.stderr).toContain("so git-ai's blame reads none of it");
    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder' })]);
  });
});
