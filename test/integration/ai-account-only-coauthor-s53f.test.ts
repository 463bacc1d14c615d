// Session 53 helper f (row 1086): a co-author named by an AI account's words alone, `AI` in capitals among
// them (`Co-authored-by: AI Agent <agent@ai.local>`, a public AGENTS.md's identity for agents it names no
// identity for, stored file 58277023641; `AI Assistant <…>`), named no agent, vendor or model and was read as a
// person's: the commit passed init's hooks, `check` and pre-receive under `unknownModel: deny` as no AI at all,
// where `Assisted-by: AI Agent` (a declared value) is AI. It is now AI of an unknown agent and model.
// `Ai Tanaka`, `Ai Agent` (Ai, a given name) and `AI` alone stay people. The refusal failed before the fix
// (declared-value.ts readCoAuthor; mentions.ts aiAccountOnly).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe("an AI account's words alone as a co-author (row 1086)", () => {
  it('is refused under unknownModel: deny by check and pre-receive; people named Ai are not', () => {
    const { remote, work } = policyServer('policy:\n  unknownModel: deny\n');
    expectEachRefused(remote, work, {
      agent: 'fix: keep the cache key stable\n\nCo-authored-by: AI Agent <agent@ai.local>\n',
      assistant: 'fix: b\n\nCo-authored-by: AI Assistant <ai@example.com>\n',
      bare: 'fix: c\n\nCo-authored-by: AI Agent\n',
    }, (found, name) => expect([...new Set(found)], name).toEqual(['unknown']));
    expectEachPasses(work, [
      'fix: d\n\nCo-authored-by: Ai Tanaka <ai@example.com>\n',
      'fix: e\n\nCo-authored-by: Ai Agent <ai.agent@example.jp>\n',
      'fix: f\n\nCo-authored-by: AI <ai@example.com>\n',
    ]);
  }, 180_000);
});
