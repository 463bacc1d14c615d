// Rows 1087 and 1088: where goose really takes its model from, beside config.yaml.
// 1087: `GOOSE_PATH_ROOT` (block/goose `crates/goose/src/config/paths.rs` `Paths::get_dir`: an absolute root moves goose's
// config to `<root>/config` and its data to `<root>/data`). The hooks read `~/.config/goose/config.yaml` (an allowed model)
// while goose ran `<root>/config/config.yaml`'s denied one.
// 1088: `goose session -r` / `goose run -r` (crates/goose-cli `session/builder.rs` `build_session`): the resumed session's
// saved `provider_name` and `model_config.model_name` (sessions.db) come after `--provider`/`--model`, before a recipe's
// settings, `GOOSE_MODEL` and config.yaml; the session is `--session-id`'s, else `--name`'s, else the newest user session
// (`cli.rs` `get_or_create_session_id`). The hooks recorded config.yaml's model while the resumed one ran.
// Both failed before their fix (goose.ts gooseDir, resumedSession; command-line.ts `resume`). Committed for real through
// init's hooks by an executable named `goose` on PATH; the database is built by real SQLite (python3's sqlite3).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { commitThrough } from '../helpers/agent-on-path.js';
import { gooseEnv, sessionsDb } from '../helpers/goose-sessions.js';
import { tempDir } from '../helpers/gitdir.js';
import { STRICT } from '../helpers/local-gateway.js';
import { python } from '../helpers/sqlite-python.js';

const CONFIG = { '.config/goose/config.yaml': 'GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\n' };

const DENIED = /qwen\/qwen3-coder \(via goose\) is denied/;

describe("goose's config root and resumed sessions (rows 1087, 1088)", () => {
  it('row 1087: GOOSE_PATH_ROOT moves the config goose reads: its denied model is refused', () => {
    const repo = hooked(STRICT);
    const root = tempDir('aitrail-goose-root-');
    mkdirSync(join(root, 'config'), { recursive: true });
    const home = homeWith({ ...CONFIG });
    python('open(sys.argv[1], "w").write("GOOSE_PROVIDER: openrouter\\nGOOSE_MODEL: qwen/qwen3-coder\\n")', [join(root, 'config', 'config.yaml')]);
    const result = commitThrough(repo, 'goose', ['session'], gooseEnv(home, { GOOSE_PATH_ROOT: root }));
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/qwen\/qwen3-coder/);
    expect(result.stderr).toContain(join(root, 'config', 'config.yaml'));

    // Careless truth: a relative root is no root to goose (it reads ~/.config/goose): the allowed model passes.
    const relative = commitThrough(repo, 'goose', ['session'], gooseEnv(home, { GOOSE_PATH_ROOT: 'rel/root' }));
    expect(relative.status, relative.stderr).toBe(0);
    expect(relative.message).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\n');
  });

  it('row 1088: the session `-r` resumes runs its saved model: a denied one is refused', () => {
    const repo = hooked(STRICT);
    const home = homeWith({ ...CONFIG });
    sessionsDb(join(home, '.local/share/goose'), [
      { id: '20261201_1', name: 'old', updated: '2026-12-01 10:00:00', provider: 'anthropic', model: 'claude-sonnet-4-5' },
      { id: '20261206_3', name: 'fix parser', updated: '2026-12-06 09:00:00', provider: 'openrouter', model: 'qwen/qwen3-coder' },
      { id: '20261207_1', name: 'hidden', updated: '2026-12-07 09:00:00', provider: 'anthropic', model: 'claude-sonnet-4-5', type: 'hidden' },
    ]);
    for (const args of [['session', '-r'], ['session', '--resume'], ['run', '-r', '-t', 'go on'], ['session', '-r', '--name', 'fix parser'], ['session', '-r', '--session-id', '20261206_3'], ['session', '-r', '-n', '20261206_3']]) {
      const result = commitThrough(repo, 'goose', args, gooseEnv(home));
      expect.soft(result.status, args.join(' ')).not.toBe(0);
      expect.soft(result.stderr, args.join(' ')).toMatch(DENIED);
      expect.soft(result.stderr, args.join(' ')).toContain('model_config.model_name');
    }
    // The saved model comes before GOOSE_MODEL too.
    const overEnv = commitThrough(repo, 'goose', ['session', '-r'], gooseEnv(home, { GOOSE_MODEL: 'claude-sonnet-4-5' }));
    expect(overEnv.stderr).toMatch(DENIED);

    // Careless truth: another session named, no `-r`, or `--model`/`--provider` over the saved ones: config.yaml's or the command line's model.
    for (const args of [['session', '-r', '--name', 'old'], ['session'], ['session', '-r', '--provider', 'anthropic', '--model', 'claude-sonnet-4-5']]) {
      const result = commitThrough(repo, 'goose', args, gooseEnv(home));
      expect.soft(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect.soft(result.message, args.join(' ')).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\n');
    }
    // A session saved before goose kept its model: config.yaml's.
    const bare = homeWith({ ...CONFIG });
    sessionsDb(join(bare, '.local/share/goose'), [{ id: '20261206_1', name: 'x', updated: '2026-12-06 09:00:00', provider: null, model: null }]);
    const none = commitThrough(repo, 'goose', ['session', '-r'], gooseEnv(bare));
    expect(none.status, none.stderr).toBe(0);
    expect(none.message).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\n');
  });

  it('row 1088: a sessions.db that cannot be read is unknown when resumed; GOOSE_PATH_ROOT moves it too', () => {
    const repo = hooked(STRICT);
    const home = homeWith({ ...CONFIG, '.local/share/goose/sessions/sessions.db': 'not a database at all, but padding '.repeat(10) });
    const bad = commitThrough(repo, 'goose', ['session', '-r'], gooseEnv(home));
    expect(bad.status, bad.stderr).not.toBe(0);
    expect(bad.stderr).toContain('the model goose resumes is not known');

    const root = tempDir('aitrail-goose-root-');
    mkdirSync(join(root, 'config'), { recursive: true });
    python('open(sys.argv[1], "w").write("GOOSE_PROVIDER: anthropic\\nGOOSE_MODEL: claude-sonnet-4-5\\n")', [join(root, 'config', 'config.yaml')]);
    sessionsDb(join(root, 'data'), [{ id: '20261206_3', name: 'x', updated: '2026-12-06 09:00:00', provider: 'openrouter', model: 'qwen/qwen3-coder' }]);
    const moved = commitThrough(repo, 'goose', ['session', '-r'], gooseEnv(homeWith({ ...CONFIG }), { GOOSE_PATH_ROOT: root }));
    expect(moved.stderr).toMatch(DENIED);
  });
});
