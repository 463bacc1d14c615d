// Row 859: the files SQLite reads beside a database. SQLite's next reader plays back a hot rollback
// journal (`config.sqlite-journal` whose header holds the journal magic: a writer stopped mid-transaction),
// undoing pages the database file holds. aitrail's SQLite reader read the file alone: a ccr 3 database whose
// committed configuration sends every request to Qwen read as the uncommitted Claude rule left in the file,
// so the commit passed `deny: ["qwen/*"]` under `unknownModel: deny`. A `-wal` that is a symbolic link was
// skipped and the file read alone, where real SQLite (3.40) refuses to open the database: now unread too.
// Each database is made by real SQLite (python3's sqlite3), and real SQLite's reading of it checked.
import { renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { ccr3Config } from '../helpers/ccr3-database.js';
import { ccrEnv as env, refusedUnknown } from '../helpers/claude-code-router.js';
import { python } from '../helpers/sqlite-python.js';

const STRICT = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
const rule = (target: string) => ({ builtInRules: { 'claude-code': { enabled: true } }, fallback: { mode: 'off', models: [], retryCount: 1 }, rules: [{ enabled: true, id: 'r1', name: 'all', type: 'always', target }] });
const QWEN = JSON.stringify(ccr3Config({ Router: rule('openrouter/qwen/qwen3-coder') }));
const CLAUDE = JSON.stringify(ccr3Config({ Router: rule('anthropic/claude-sonnet-4-5') }));
const SCHEMA = "conn.execute('create table if not exists app_config (key text primary key, value_json text not null, updated_at text not null)')";
/** What real SQLite reads of the database's `default` row: its rule's target. */
const READ = "print(json.loads(sqlite3.connect(sys.argv[1]).execute(\"select value_json from app_config where key='default'\").fetchone()[0])['Router']['rules'][0]['target'])";

function home(): { home: string; db: string } {
  const dir = homeWith({ '.claude/settings.json': JSON.stringify({ model: 'opus' }), '.claude-code-router/.keep': '' });
  return { home: dir, db: join(dir, '.claude-code-router', 'config.sqlite') };
}

describe('the files SQLite reads beside a ccr 3 database (row 859)', () => {
  it('a hot rollback journal (the Claude rule uncommitted in the file, Qwen committed): unknown, not the Claude rule', () => {
    const { home: dir, db } = home();
    // Qwen committed (rollback journal mode); then a writer updates the row to Claude, spills its pages to the file and dies.
    python(`
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute('pragma journal_mode=delete')
${SCHEMA}
conn.execute('create table pad (x blob)')
conn.execute("insert into app_config values ('default', ?, 'x')", (sys.argv[2],))
conn.close()
if os.fork() == 0:
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute('pragma cache_size=2')
    conn.execute('begin')
    conn.execute("update app_config set value_json=? where key='default'", (sys.argv[3],))
    for i in range(200): conn.execute('insert into pad values (?)', (os.urandom(3000),))
    os._exit(0)
os.wait()
`, [db, QWEN, CLAUDE]);
    const repo = hooked(STRICT);
    const result = agentCommit(repo, env(dir), LINE);
    // Real SQLite plays the journal back (after the commit's reading): Qwen is what ccr 3 reads.
    expect(python(READ, [db]).trim()).toBe('openrouter/qwen/qwen3-coder');
    refusedUnknown(result, "ccr 3's database, not read");
  });

  it('a -wal that is a symbolic link (real SQLite will not open the database): unknown, not the file read alone', () => {
    const { home: dir, db } = home();
    python(`
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute('pragma journal_mode=wal')
${SCHEMA}
conn.execute("insert into app_config values ('default', ?, 'x')", (sys.argv[2],))
conn.execute('pragma wal_checkpoint(truncate)')
conn.execute("update app_config set value_json=? where key='default'", (sys.argv[3],))
keep_wal(conn)
`, [db, CLAUDE, QWEN]);
    renameSync(`${db}-wal`, join(dir, 'elsewhere-wal'));
    symlinkSync(join(dir, 'elsewhere-wal'), `${db}-wal`);
    const repo = hooked(STRICT);
    const result = agentCommit(repo, env(dir), LINE);
    refusedUnknown(result, "ccr 3's database, not read");
    expect(() => python(READ, [db])).toThrow(/unable to open database file/);
  });
});
