// Row 1097: `goose session -rn NAME` (clap's short flags clustered: `-r` then `-n`, whose value is the rest of the
// argument, `=` dropped, or the next argument) resumes the session NAME names (block/goose goose-cli
// `get_or_create_session_id`: the newest whose name or id it is). The hooks read `-rn` as `-r` alone (row 1088's
// limit) and took the newest user session: a session saved with a denied model, named in the cluster, ran while the
// newest session's allowed model was recorded. Committed for real through init's hooks by an executable named `goose`
// on PATH; the database is built by real SQLite (python3's sqlite3).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { commitThrough } from '../helpers/agent-on-path.js';
import { GOOSE_ALLOWED as ALLOWED, GOOSE_CONFIG as CONFIG, gooseEnv, sessionsDb } from '../helpers/goose-sessions.js';
import { STRICT } from '../helpers/local-gateway.js';


describe('goose -r with the session named in a cluster of short flags (row 1097)', () => {
  it('row 1097: `-rn NAME`, `-rnNAME`, `-rn=NAME`, `-srn NAME` resume NAME: its denied model is refused', () => {
    const repo = hooked(STRICT);
    const home = homeWith({ ...CONFIG });
    sessionsDb(join(home, '.local/share/goose'), [
      { id: '20261205_2', name: 'qwen', updated: '2026-12-05 09:00:00', provider: 'openrouter', model: 'qwen/qwen3-coder' },
      { id: '20261207_1', name: 'newest', updated: '2026-12-07 09:00:00', provider: 'anthropic', model: 'claude-sonnet-4-5' },
    ]);
    for (const args of [['session', '-rn', 'qwen'], ['session', '-rnqwen'], ['session', '-rn=qwen'], ['run', '-srn', '20261205_2', '-t', 'go on']]) {
      const result = commitThrough(repo, 'goose', args, gooseEnv(home));
      expect.soft(result.status, args.join(' ')).not.toBe(0);
      expect.soft(result.stderr, args.join(' ')).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
      expect.soft(result.stderr, args.join(' ')).toContain('"20261205_2" model_config.model_name');
    }
    // Careless truth: `-r` alone, `-rn newest`, and `-nr` (the name `r`, no resume) take the newest session's or config.yaml's allowed model.
    for (const args of [['session', '-r'], ['session', '-rn', 'newest'], ['session', '-nr']]) {
      const result = commitThrough(repo, 'goose', args, gooseEnv(home));
      expect.soft(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect.soft(result.message, args.join(' ')).toBe(ALLOWED);
    }
  });
});
