import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { python } from './sqlite-python.js';

export const PROVIDERS = [
  { name: 'openrouter', api_base_url: 'https://openrouter.ai/api/v1/chat/completions', api_key: 'x', models: ['qwen/qwen3-coder', 'anthropic/claude-sonnet-4.5'] },
  { name: 'anthropic', api_base_url: 'https://api.anthropic.com/v1/messages', api_key: 'x', models: ['claude-sonnet-4-5'] },
];

/** ccr 3's default configuration (`default-config.ts`, trimmed to what routes), `Router`, `profile` and the rest as given. */
export function ccr3Config(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    CUSTOM_ROUTER_PATH: '',
    HOST: '127.0.0.1',
    PORT: 3456,
    Providers: PROVIDERS,
    Router: { builtInRules: { 'claude-code': { enabled: true }, codex: { enabled: true } }, fallback: { mode: 'off', models: [], retryCount: 1 }, rules: [] },
    gateway: { coreHost: '127.0.0.1', corePort: 3457, enabled: true, host: '127.0.0.1', port: 3456 },
    profile: { claudeCode: { enabled: true, model: '', sonnetModel: '', opusModel: '', haikuModel: '' }, enabled: true, profiles: [] },
    virtualModelProfiles: [],
    ...extra,
  };
}

/** `config.sqlite` in `home` as ccr 3 writes it (its tables, WAL journal, the JSON at key `default`); `wal`: left in the WAL, never checkpointed. */
export function ccr3Database(home: string, config: Record<string, unknown>, wal = false): void {
  mkdirSync(join(home, '.claude-code-router'), { recursive: true });
  python(`
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute('pragma journal_mode=wal')
conn.executescript('''
CREATE TABLE IF NOT EXISTS app_config (key TEXT PRIMARY KEY, value_json TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', encrypted_key TEXT NOT NULL, encryption TEXT NOT NULL DEFAULT 'plain', created_at TEXT NOT NULL, expires_at TEXT NOT NULL DEFAULT '', limits_json TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS api_keys_created_at_idx ON api_keys(created_at);
CREATE TABLE IF NOT EXISTS config_schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL, details_json TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS runtime_state (key TEXT PRIMARY KEY, value_json TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS legacy_storage_backups (id TEXT PRIMARY KEY, source_path TEXT NOT NULL, source_kind TEXT NOT NULL, sha256 TEXT NOT NULL, content BLOB NOT NULL, archived_at TEXT NOT NULL);
''')
conn.execute("insert into app_config values ('onboardingFinishedAt', '\\"2026-12-01T00:00:00.000Z\\"', '2026-12-01T00:00:00.000Z')")
conn.execute("insert into legacy_storage_backups values ('1', '/home/u/.claude-code-router/config.json', 'legacy-json-config', 'x', ?, '2026-12-01')", (b'{"Router":{"default":"anthropic,claude-sonnet-4-5"}}',))
conn.execute('insert into app_config values (?, ?, ?)', ('default', sys.argv[2], '2026-12-01T00:00:00.000Z'))
if sys.argv[3] == '1': keep_wal(conn)
conn.execute('pragma wal_checkpoint(truncate)')
conn.close()
`, [join(home, '.claude-code-router', 'config.sqlite'), JSON.stringify(config), wal ? '1' : '0']);
}

