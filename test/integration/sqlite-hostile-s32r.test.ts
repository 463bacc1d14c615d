// A hostile repository commits `.crush/crush.db` (Crush's project database, read by the hooks for
// every Crush commit), crafted for work the reader repeats:
// - one 64 KiB page of 4,000 cell pointers all at one cell, a record of 50,000 NULL serial types: each
//   pointer decoded the record again, 200 million varints (the commit took 53 s, measured);
// - 560 rows of ~1 MB (7 to a leaf page) whose overflow chains are all one chain of 15 pages: each row
//   read and decoded the same megabyte until the page budget (8,192) ran out (the commit 4.9 s, a 6 MB file);
// - its `messages` table's SQL ending `) WITHOUT ROWID`, 200,000 spaces and an `x`: the reader's test
//   for `WITHOUT ROWID` (`\s*;?\s*$`) backtracked quadratically over the spaces (the commit 42 s).
// Committed for real by Crush's environment through the installed hooks: fast, the config's model recorded.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';
import { overlappingCells, sharedChains, spacedSchema } from '../helpers/hostile-sqlite.js';

const CRUSH_JSON = { 'crush.json': '{"models": {"large": {"model": "claude-sonnet-4-5-20250929", "provider": "anthropic"}}}\n' };
const CRUSH_ENV = { XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, CRUSH_GLOBAL_CONFIG: undefined, CRUSH_GLOBAL_DATA: undefined, CRUSH: '1', AGENT: 'crush', AI_AGENT: 'crush' };

/** A Crush commit in a hooked repository that committed the database `craft` writes: it records the config's model within `withinMs`. */
function commitsFast(craft: (path: string) => void, withinMs: number): void {
  const repo = hooked('policy: {}\n', CRUSH_JSON);
  craft(join(repo.dir, '.crush/crush.db'));
  repo.commit('chore: their database\n', {}, { AITRAIL: '0' });
  const started = treeCpuClock();
  const recorded = commit(repo, hookEnv({ HOME: homeWith({}), ...CRUSH_ENV }));
  const took = treeCpuClock() - started;
  expect(recorded.status, recorded.stderr).toBe(0);
  expect(recorded.message).toBe('feat: parser\n\nAssisted-by: crush:anthropic/claude-sonnet-4.5\n');
  expect(took).toBeLessThan(withinMs);
}

describe("a committed .crush/crush.db crafted for repeated work (Crush's commit)", () => {
  it('one page of 4,000 pointers at one 50,000-NULL record: the commit takes seconds at most and records the config model', () => {
    commitsFast((path) => overlappingCells(path, 4_000, 50_000), 10_000);
  });

  it('a messages table whose SQL ends in 200,000 spaces and an x: the commit takes seconds at most and records the config model', () => {
    commitsFast((path) => spacedSchema(path, 200_000), 10_000);
  });

  it('560 rows of ~1 MB sharing one overflow chain: the commit takes seconds at most and records the config model', () => {
    commitsFast(sharedChains, 3_000);
  });
});
