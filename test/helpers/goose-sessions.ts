import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { agentsOnPath } from './agent-on-path.js';
import { hookEnv } from './hooks.js';
import { python } from './sqlite-python.js';

/** The hooks' environment for a `goose` on PATH (a fake one that commits), no goose variable of the machine's leaking in. */
export function gooseEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = hookEnv({ HOME: home, XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, GOOSE_PATH_ROOT: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, GOOSE_LEAD_PROVIDER: undefined, GOOSE_LEAD_MODEL: undefined, GOOSE_PLANNER_PROVIDER: undefined, GOOSE_PLANNER_MODEL: undefined, OLLAMA_HOST: undefined, OPENAI_HOST: undefined, ANTHROPIC_HOST: undefined, ...extra });
  return { ...env, PATH: `${agentsOnPath([{ name: 'goose' }])}:${env.PATH ?? ''}` };
}

export type GooseSession = { id: string; name: string; updated: string; provider: string | null; model: string | null; type?: string };

/** goose's sessions.db in `dataDir/sessions` (its `sessions` table's columns read here, as goose's migrations leave them), built by real SQLite: `sessions` in their order, then `filler` sessions created after them (higher rowids) but updated before (an allowed model's, anthropic's claude-sonnet-4-5, named `old <n>`). */
export function sessionsDb(dataDir: string, sessions: GooseSession[], filler = 0): void {
  const dir = join(dataDir, 'sessions');
  mkdirSync(dir, { recursive: true });
  python(
    `
conn = sqlite3.connect(sys.argv[1])
conn.execute("""CREATE TABLE sessions (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '', user_set_name BOOLEAN DEFAULT FALSE, session_type TEXT NOT NULL DEFAULT 'user', working_dir TEXT NOT NULL, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, extension_data TEXT DEFAULT '{}', total_tokens INTEGER, provider_name TEXT, model_config_json TEXT, recipe_json TEXT)""")
for s in json.loads(sys.argv[2]):
    config = None if s["model"] is None else json.dumps({"model_name": s["model"], "context_limit": None, "temperature": None})
    conn.execute("INSERT INTO sessions (id, name, session_type, working_dir, updated_at, provider_name, model_config_json) VALUES (?, ?, ?, ?, ?, ?, ?)", (s["id"], s["name"], s.get("type", "user"), "/w", s["updated"], s["provider"], config))
for n in range(int(sys.argv[3])):
    conn.execute("INSERT INTO sessions (id, name, working_dir, updated_at, provider_name, model_config_json) VALUES (?, ?, '/w', '2026-11-01 00:00:00', 'anthropic', ?)", ("filler_%06d" % n, "old %d" % n, json.dumps({"model_name": "claude-sonnet-4-5"})))
conn.commit()
conn.close()
`,
    [join(dir, 'sessions.db'), JSON.stringify(sessions), String(filler)],
  );
}

/** A home's goose config.yaml naming an allowed model, and the message a commit it records gets. */
export const GOOSE_CONFIG = { '.config/goose/config.yaml': 'GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\n' };
export const GOOSE_ALLOWED = 'feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\n';
