// OpenCode 1.2+ keeps its sessions in SQLite (`~/.local/share/opencode/opencode.db`, WAL mode) and no
// longer writes the JSON message files aitrail read: a `/models` switch to qwen and back before the
// commit was seen by nothing but the TUI's last pick. The running session's messages are now read from
// the database (aitrail's own reader) and weighed with the same window as the JSON ones.
import { appendFileSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opencodeSessionModels } from '../../src/agent-settings/opencode-session.js';
import { opencodeDb, opencodeTurn, placeFixture, type OpencodeRow } from '../helpers/opencode-db.js';

const MINUTE = 60_000;
const DB = 'home/.local/share/opencode/opencode.db';

const fixture = () => placeFixture('aitrail-opencode-db-s32d-');

/** A session that ran qwen after the previous commit (20 minutes ago), then claude (10 minutes ago). */
function switchedBack(root: string, session = 'ses_7a1b2c3d4e5f'): OpencodeRow[] {
  const now = Date.now();
  return [...opencodeTurn(session, 1, root, 'anthropic/claude-sonnet-4-5', now - 50 * MINUTE), ...opencodeTurn(session, 2, root, 'qwen/qwen3-coder', now - 20 * MINUTE), ...opencodeTurn(session, 3, root, 'anthropic/claude-sonnet-4-5', now - 10 * MINUTE)];
}

describe("OpenCode 1.2+'s SQLite sessions (anomalyco/opencode session/session.sql.ts: message.data)", () => {
  it('every model of the running session since the previous commit, from rows still in the WAL, with evidence', () => {
    const { base, root, at } = fixture();
    opencodeDb(join(base, DB), switchedBack(root), { filler: 2000, inWal: 3, worktree: root });
    const found = opencodeSessionModels(at(Date.now() - 30 * MINUTE), true);
    expect(found.map((entry) => entry.model)).toEqual(['anthropic/claude-sonnet-4-5', 'qwen/qwen3-coder']);
    expect(found[1]!.evidence).toMatch(/^session ~\/\.local\/share\/opencode\/opencode\.db message msg_9a0b1c2d00021 model="qwen\/qwen3-coder" used at 20\d\d-/);
    // Without a window, the last model only; with qwen before the window, qwen is the previous commit's.
    expect(opencodeSessionModels(at(), true).map((entry) => entry.model)).toEqual(['anthropic/claude-sonnet-4-5']);
    expect(opencodeSessionModels(at(Date.now() - 15 * MINUTE), true).map((entry) => entry.model)).toEqual(['anthropic/claude-sonnet-4-5']);
  });

  it("another work tree's session, or one whose last answer is older than an hour, is not read; OPENCODE_SESSION_ID's is", () => {
    const { base, root, at } = fixture();
    const old = switchedBack(root).map((row) => ({ ...row, data: { ...row.data, time: { created: 1_000_000 } } }));
    opencodeDb(join(base, DB), [...switchedBack('/elsewhere', 'ses_elsewhere'), ...old.map((row) => ({ ...row, id: `${row.id}o`, session: 'ses_old' }))], { worktree: root });
    expect(opencodeSessionModels(at(null), true)).toEqual([]);
    expect(opencodeSessionModels(at(null, { OPENCODE_SESSION_ID: 'ses_elsewhere' }), true).map((entry) => entry.model)).toEqual(['anthropic/claude-sonnet-4-5', 'qwen/qwen3-coder']);
    expect(opencodeSessionModels(at(null, { OPENCODE_SESSION_ID: '../ses_elsewhere' }), true)).toEqual([]);
  });

  it('the database OPENCODE_DB names (absolute or in the data directory) is read too; a link is not followed', () => {
    const { base, root, at } = fixture();
    opencodeDb(join(base, 'home/.local/share/opencode/custom.db'), switchedBack(root), { worktree: root });
    expect(opencodeSessionModels(at(null), true)).toEqual([]);
    expect(opencodeSessionModels(at(null, { OPENCODE_DB: 'custom.db' }), true).map((entry) => entry.model)).toEqual(['anthropic/claude-sonnet-4-5', 'qwen/qwen3-coder']);
    expect(opencodeSessionModels(at(null, { OPENCODE_DB: join(base, 'home/.local/share/opencode/custom.db') }), true)).toHaveLength(2);
    symlinkSync(join(base, 'home/.local/share/opencode/custom.db'), join(base, DB));
    expect(opencodeSessionModels(at(null), true)).toEqual([]);
  });

  it('a corrupt or hostile database names no model and never throws; ids that are no ids are not read', () => {
    const { base, root, at } = fixture();
    opencodeDb(join(base, DB), switchedBack(root), { worktree: root, filler: 300 });
    const good = readFileSync(join(base, DB));
    expect(opencodeSessionModels(at(null), true)).toHaveLength(2);
    for (let round = 0; round < 40; round++) {
      const bytes = Buffer.from(good);
      for (let flip = 0; flip < 8; flip++) bytes[(round * 7919 + flip * 104729) % bytes.length] ^= 0xff;
      writeFileSync(join(base, DB), bytes);
      expect(() => opencodeSessionModels(at(null), true)).not.toThrow();
    }
    writeFileSync(join(base, DB), 'not a database');
    expect(opencodeSessionModels(at(null), true)).toEqual([]);
    appendFileSync(join(base, `${DB}-wal`), Buffer.alloc(100_000, 7));
    expect(opencodeSessionModels(at(null), true)).toEqual([]);
    const odd = fixture();
    opencodeDb(join(odd.base, DB), switchedBack(odd.root, 'ses_7a1b\nx').map((row) => ({ ...row, id: `${row.id}\u001b[31m` })), { worktree: odd.root });
    expect(opencodeSessionModels(odd.at(null, { OPENCODE_SESSION_ID: 'ses_7a1b' }), true)).toEqual([]);
    expect(opencodeSessionModels(odd.at(null), true)).toEqual([]);
  });
});
