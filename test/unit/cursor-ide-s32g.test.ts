// The Cursor editor's agent (CURSOR_AGENT=1, no CLI launcher) keeps the model picked in its agent
// panel in the editor's SQLite state (`state.vscdb`), not in any file aitrail read: its commits
// carried no model. Real SQLite builds every database here.
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cursorIdeModels } from '../../src/agent-settings/cursor-ide.js';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { cursorStateDb, cursorUserData } from '../helpers/cursor-state.js';
import { tempDir } from '../helpers/gitdir.js';
import { python } from '../helpers/sqlite-python.js';

const MINUTE = 60_000;
const ID = '3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d';

function setup(): { home: string; root: string; place: (windowMinutes?: number, env?: Record<string, string>) => SettingsPlace } {
  const home = tempDir('aitrail-cursor-home-');
  const root = realpathSync(tempDir('aitrail-cursor-tree-'));
  mkdirSync(join(root, '.git'));
  const place = (windowMinutes = 30, env: Record<string, string> = {}) => ({
    ...settingsPlace(root, join(root, '.git'), { HOME: home, CURSOR_AGENT: '1', ...env }),
    windowStart: () => Date.now() - windowMinutes * MINUTE,
  });
  return { home, root, place };
}

describe("the Cursor editor's agent: its composers' models in its state.vscdb", () => {
  it("reads the composer's picked model and its messages' models since the previous commit, past 3,000 rows, overflow pages and the WAL", () => {
    const { home, root, place } = setup();
    const now = Date.now();
    cursorUserData(home, root, [{ id: ID, updated: now - 2 * MINUTE, model: 'claude-4.5-sonnet', big: 300_000, messages: [['b-old', 'grok-code-fast-1', now - 50 * MINUTE], ['b-1', 'deepseek-v3.1', now - 10 * MINUTE], ['b-2', 'claude-4.5-sonnet', now - 3 * MINUTE]] }], { filler: 3000 });
    const found = cursorIdeModels(place());
    expect(found.map((f) => f.model)).toEqual(['claude-4.5-sonnet', 'deepseek-v3.1']);
    expect(found[0]!.evidence).toBe(`state ~/.config/Cursor/User/globalStorage/state.vscdb cursorDiskKV composerData:${ID} modelConfig.modelName="claude-4.5-sonnet"`);
    expect(found[1]!.evidence).toMatch(new RegExp(`^state ~/\\.config/Cursor/User/globalStorage/state\\.vscdb cursorDiskKV bubbleId:${ID}:b-1 modelInfo\\.modelName="deepseek-v3\\.1" used at \\d{4}-`));
    // A window reaching back 60 minutes takes the older message too.
    expect(cursorIdeModels(place(60)).map((f) => f.model)).toEqual(['claude-4.5-sonnet', 'deepseek-v3.1', 'grok-code-fast-1']);
  });

  it("a composer of another workspace, or not updated within the hour, adds nothing (this work tree's does); Auto (default) names no model", () => {
    const other = setup();
    const theirs = { id: '11111111-2222-4333-8444-555555555555', updated: Date.now() - MINUTE, model: 'kimi-k2', messages: [['b-1', 'kimi-k2', Date.now() - MINUTE]] as [string, string, number][] };
    cursorUserData(other.home, other.root, [{ id: ID, updated: Date.now() - 5 * MINUTE, model: 'gpt-5' }], { elsewhere: [theirs] });
    expect(cursorIdeModels(other.place()).map((f) => f.model)).toEqual(['gpt-5']);

    const old = setup();
    cursorUserData(old.home, old.root, [{ id: ID, updated: Date.now() - 90 * MINUTE, model: 'kimi-k2', messages: [['b-1', 'kimi-k2', Date.now() - 95 * MINUTE]] }]);
    expect(cursorIdeModels(old.place(120))).toEqual([]);

    const auto = setup();
    cursorUserData(auto.home, auto.root, [{ id: ID, updated: Date.now() - MINUTE, model: 'default' }]);
    expect(cursorIdeModels(auto.place())).toEqual([]);
  });

  it("a key rewritten by the editor (its table's ON CONFLICT REPLACE) is a new row: found newest first past 5,000 newer-created rows", () => {
    const { home, root, place } = setup();
    const user = cursorUserData(home, root, [{ id: ID, updated: Date.now() - MINUTE, model: 'kimi-k2' }]);
    const global = join(user, 'globalStorage/state.vscdb');
    // The composer first written long ago, 5,000 other rows after it, then rewritten (no checkpoint: in the WAL).
    python(
      `
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
row = conn.execute("select value from cursorDiskKV where key = ?", ('composerData:' + sys.argv[2],)).fetchone()
conn.execute("delete from cursorDiskKV where key = ?", ('composerData:' + sys.argv[2],))
conn.execute("insert into cursorDiskKV values (?, ?)", ('composerData:' + sys.argv[2], '{"modelConfig": {"modelName": "gpt-5"}, "lastUpdatedAt": 1}'))
conn.execute('begin')
for i in range(5000): conn.execute('insert into cursorDiskKV values (?, ?)', ('messageRequestContext:x:%06d' % i, 'z' * 100))
conn.execute('commit')
conn.execute('pragma wal_checkpoint(TRUNCATE)')
conn.execute("insert into cursorDiskKV values (?, ?)", ('composerData:' + sys.argv[2], row[0]))
keep_wal(conn)`,
      [global, ID],
    );
    expect(cursorIdeModels(place()).map((f) => f.model)).toEqual(['kimi-k2']);
  });

  it('values stored as blobs are read; the CLI, a garbage or missing database, a hostile workspace.json read as nothing', () => {
    const { home, root, place } = setup();
    const user = cursorUserData(home, root, [{ id: ID, updated: Date.now() - MINUTE, model: 'kimi-k2' }]);
    cursorStateDb(join(user, 'globalStorage/state2.vscdb'), [['cursorDiskKV', `composerData:${ID}`, { lastUpdatedAt: Date.now(), modelConfig: { modelName: 'kimi-k2' } }]], { blobs: true });
    python(`import shutil; os.remove(sys.argv[1]); shutil.copy(sys.argv[2], sys.argv[1])`, [join(user, 'globalStorage/state.vscdb'), join(user, 'globalStorage/state2.vscdb')]);
    expect(cursorIdeModels(place()).map((f) => f.model)).toEqual(['kimi-k2']);
    expect(cursorIdeModels(place(30, { CURSOR_INVOKED_AS: 'cursor-agent' }))).toEqual([]);

    writeFileSync(join(user, 'globalStorage/state.vscdb'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0xff)]));
    expect(cursorIdeModels(place())).toEqual([]);

    const hostile = setup();
    mkdirSync(join(hostile.home, '.config/Cursor/User/workspaceStorage/x'), { recursive: true });
    writeFileSync(join(hostile.home, '.config/Cursor/User/workspaceStorage/x/workspace.json'), '{"folder": "file:///%00\\u0000"}');
    expect(cursorIdeModels(hostile.place())).toEqual([]);
  });
});
