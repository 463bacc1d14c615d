import { join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseJsonc } from './parse-settings.js';
import { readOwnFile, shownPath, type SettingsPlace } from './settings-place.js';

type Also = NonNullable<SettingsModel['also']>;

/** ccr's own port when its config names none (@musistudio/claude-code-router, `PORT`). */
const DEFAULT_PORT = 3456;

/** The Router routes Claude Code's Haiku-class background requests take: no code is written there (as row 56's background-only Haiku mapping). */
const BACKGROUND_ROUTES = new Set(['background']);

/** A host of this machine: `http://127.0.0.1:3456` is what `ccr code` and `ccr activate` export. */
function loopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '0.0.0.0' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `$NAME` and `${NAME}` as ccr reads them in its config (its environment's values; unset: the text stays, read as no model). */
function interpolated(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (text, braced: string | undefined, bare: string | undefined) => env[braced ?? bare ?? '']?.trim() || text);
}

/**
 * The models claude-code-router sends Claude Code's requests to. `ccr code` (and `ccr activate`)
 * point Claude Code at ccr's local port (`ANTHROPIC_BASE_URL=http://127.0.0.1:3456`), and ccr sends
 * every request, whatever Claude model Claude Code names, to the model its `Router` in
 * `~/.claude-code-router/config.json` names (`"default": "openrouter,qwen/qwen3-coder"`, then `think`,
 * `longContext`, `webSearch`, `image`…): no variable Claude Code exports names it. Only when the
 * endpoint is this machine at the port that config says ccr listens on (`PORT`, else 3456). A config
 * that cannot be read (JSON5 beyond comments and trailing commas) names `unknown` at any local port:
 * neither the port nor the model can be known. The `background` route is left out.
 */
export function claudeCodeRouterModels(place: SettingsPlace): Also {
  const endpoint = place.env.ANTHROPIC_BASE_URL?.trim();
  if (!endpoint) return [];
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return [];
  }
  if (!loopback(url.hostname.toLowerCase())) return [];
  const file = join(place.home, '.claude-code-router', 'config.json');
  const text = readOwnFile(file);
  if (text === null) return [];
  const shown = shownPath(place, file);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const data = parseJsonc(text);
  // ccr reads its config as JSON5 (unquoted keys, single quotes): one this reader cannot take may listen on any port.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [{ model: 'unknown', evidence: `claude-code-router ${shown} (not read) ANTHROPIC_BASE_URL=${quote(endpoint)}`, overriddenBy: [] }];
  const config = data as Record<string, unknown>;
  const configured = typeof config.PORT === 'number' || typeof config.PORT === 'string' ? Number(config.PORT) : DEFAULT_PORT;
  if (configured !== port) return [];
  const router = config.Router;
  const routes = typeof router === 'object' && router !== null && !Array.isArray(router) ? Object.entries(router as Record<string, unknown>) : [];
  const models: Also = [];
  for (const [route, value] of routes) {
    if (BACKGROUND_ROUTES.has(route) || typeof value !== 'string') continue;
    const given = interpolated(value, place.env);
    const comma = given.indexOf(',');
    // `provider,model`: the provider is ccr's own name for an endpoint, the model what it is sent.
    const model = (comma < 0 ? '' : given.slice(comma + 1)).trim();
    if (model) models.push({ model, evidence: `claude-code-router ${shown} Router.${/^\w{1,40}$/.test(route) ? route : quote(route)}=${quote(value)}`, overriddenBy: [] });
  }
  if (models.length === 0) models.push({ model: 'unknown', evidence: `claude-code-router ${shown} (no Router model) ANTHROPIC_BASE_URL=${quote(endpoint)}`, overriddenBy: [] });
  return models;
}
