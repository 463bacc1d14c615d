// Row 1096: `goose session -r` resumes the newest user session of goose's sessions.db (block/goose goose-cli
// `get_or_create_session_id`: `list_sessions_by_types(&[SessionType::User])`'s first, newest by updated_at; `--name`:
// the newest whose name or id it is; `--session-id`: that one), however many sessions the database holds. The hooks
// looked at the 4096 rows of the highest rowids only (the sessions created last) and took the newest of those: a session
// created before the last 4096 (a goose run makes one; a scheduled or CI goose makes thousands) and resumed since,
// its updated_at the newest, a denied model's, was never seen, and another session's (or config.yaml's) allowed model
// was recorded in its place. Committed for real through init's hooks by an executable
// named `goose` on PATH; the database is built by real SQLite (python3's sqlite3).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { commitThrough } from '../helpers/agent-on-path.js';
import { GOOSE_ALLOWED as ALLOWED, GOOSE_CONFIG as CONFIG, gooseEnv, sessionsDb } from '../helpers/goose-sessions.js';
import { STRICT } from '../helpers/local-gateway.js';


describe('goose -r with many saved sessions (row 1096)', () => {
  it('row 1096: a session created before the last 4096 and resumed since is the one resumed: its denied model is refused', () => {
    const repo = hooked(STRICT);
    const home = homeWith({ ...CONFIG });
    sessionsDb(join(home, '.local/share/goose'), [{ id: '20261207_9', name: 'fix parser', updated: '2026-12-07 09:00:00', provider: 'openrouter', model: 'qwen/qwen3-coder' }], 5000);
    for (const args of [['session', '-r'], ['session', '-r', '--name', 'fix parser'], ['run', '-r', '--session-id', '20261207_9', '-t', 'go on']]) {
      const result = commitThrough(repo, 'goose', args, gooseEnv(home));
      expect.soft(result.status, args.join(' ')).not.toBe(0);
      expect.soft(result.stderr, args.join(' ')).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
      expect.soft(result.stderr, args.join(' ')).toContain('"20261207_9" model_config.model_name');
    }
    // Careless truth: a session among the many, named, resumes its own allowed model.
    const old = commitThrough(repo, 'goose', ['session', '-r', '--name', 'old 17'], gooseEnv(home));
    expect(old.status, old.stderr).toBe(0);
    expect(old.message).toBe(ALLOWED);
  });

  it('row 1096: past the 65536 rows read, what goose resumes is not known (never an older session\'s model)', () => {
    const repo = hooked(STRICT);
    const home = homeWith({ ...CONFIG });
    sessionsDb(join(home, '.local/share/goose'), [{ id: '20261207_9', name: 'fix parser', updated: '2026-12-07 09:00:00', provider: 'openrouter', model: 'qwen/qwen3-coder' }], 65536);
    const result = commitThrough(repo, 'goose', ['session', '-r'], gooseEnv(home));
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('more than 65536 sessions, not all read: the model goose resumes is not known');
    // `--session-id` names one row: found, it is read whatever the rows after it.
    const named = commitThrough(repo, 'goose', ['session', '-r', '--session-id', 'filler_065535'], gooseEnv(home));
    expect(named.status, named.stderr).toBe(0);
    expect(named.message).toBe(ALLOWED);
  });
});
