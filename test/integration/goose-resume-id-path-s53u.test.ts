// Row 1110: `goose session -r --id ID` (clap's alias of `--session-id`) and the legacy `--path FILE` (the session its
// file's stem names: block/goose goose-cli `cli.rs` `Identifier`, `get_or_create_session_id` `path.file_stem()`) resume
// that session. The hooks read neither (row 1088 read `--session-id` and `-n/--name` only) and took the newest
// session: a session saved with a denied model, named by `--id` or `--path`, ran while the newest session's allowed model
// was recorded. Committed for real through init's hooks by an executable named `goose` on PATH; the database is built by
// real SQLite (python3's sqlite3).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { commitThrough } from '../helpers/agent-on-path.js';
import { GOOSE_ALLOWED as ALLOWED, GOOSE_CONFIG as CONFIG, gooseEnv, sessionsDb } from '../helpers/goose-sessions.js';
import { STRICT } from '../helpers/local-gateway.js';

describe('goose -r with the session named by --id or --path (row 1110)', () => {
  it('row 1110: `--id ID`, `--id=ID`, `--path DIR/ID.jsonl` resume ID: its denied model is refused', () => {
    const repo = hooked(STRICT);
    const home = homeWith({ ...CONFIG });
    sessionsDb(join(home, '.local/share/goose'), [
      { id: '20261205_2', name: 'qwen', updated: '2026-12-05 09:00:00', provider: 'openrouter', model: 'qwen/qwen3-coder' },
      { id: '20261207_1', name: 'newest', updated: '2026-12-07 09:00:00', provider: 'anthropic', model: 'claude-sonnet-4-5' },
    ]);
    for (const args of [['session', '-r', '--id', '20261205_2'], ['session', '--resume', '--id=20261205_2'], ['session', '-r', '--path', '/tmp/sessions/20261205_2.jsonl'], ['run', '-r', '--path=20261205_2.jsonl', '-t', 'go on']]) {
      const result = commitThrough(repo, 'goose', args, gooseEnv(home));
      expect.soft(result.status, args.join(' ')).not.toBe(0);
      expect.soft(result.stderr, args.join(' ')).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
      expect.soft(result.stderr, args.join(' ')).toContain('"20261205_2" model_config.model_name');
    }
    // Careless truth: `--id`/`--path` of the newest session take its allowed model.
    for (const args of [['session', '-r', '--id', '20261207_1'], ['session', '-r', '--path', 'x/20261207_1.jsonl']]) {
      const result = commitThrough(repo, 'goose', args, gooseEnv(home));
      expect.soft(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect.soft(result.message, args.join(' ')).toBe(ALLOWED);
    }
  });
});
