import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalModel } from '../core/catalog.js';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { present } from '../io/present.js';
import { parseJsonc } from './parse-settings.js';
import { SESSION_ID } from './claude-transcript.js';
import { projectPaths, readOwnFile, readRepoFile, shownPath, type SettingsPlace } from './settings-place.js';
import { agentFiles, MAX_AGENT_FILES } from './agent-files.js';
import { ccr3ClientModel, ccr3Ports, ccr3RouteModels, readCcr3Config } from './ccr-database.js';

type Also = NonNullable<SettingsModel['also']>;

/** A Claude model's name or one of Claude Code's aliases for one (`opus[1m]`, `opusplan`, `default`): what Claude Code asks Anthropic's API for. */
export const CLAUDE_NAME = /claude|opus|sonnet|haiku|fable|^\s*(?:default|best)\s*$/i;

/** ccr's own port when its config names none (@musistudio/claude-code-router, `PORT`). */
const DEFAULT_PORT = 3456;

/** An agent file's head looked at for ccr's subagent tag (the tag opens its body: a few hundred bytes in). */
const SUBAGENT_HEAD = 64 * 1024;

/** ccr's subagent routing tag: a subagent whose prompt opens with it is sent to that `provider,model`, whatever the Router says. */
const SUBAGENT_TAG = /<CCR-SUBAGENT-MODEL>([^<]{1,200})<\/CCR-SUBAGENT-MODEL>/g;

/**
 * The models Claude Code's agent files (the work tree's `.claude/agents/*.md`, the user's `~/.claude/agents/*.md`) send
 * their subagents to through ccr's `<CCR-SUBAGENT-MODEL>provider,model</CCR-SUBAGENT-MODEL>` (the file's body is the
 * subagent's prompt), anywhere in each file's first 64 KiB (stricter than ccr, which reads it at the start); null when a
 * folder holds more than {@link MAX_AGENT_FILES} files (not all read).
 */
function subagentTagModels(place: SettingsPlace): Also | null {
  const models: Also = [];
  const config = place.env.CLAUDE_CONFIG_DIR?.trim();
  const folders: [dir: string, read: (name: string) => string | null][] = [
    [join(place.root, '.claude', 'agents'), (name) => readRepoFile(place, join('.claude', 'agents', name), SUBAGENT_HEAD)],
    ...[config && config.startsWith('/') ? config : join(place.home, '.claude')].map((top): [string, (name: string) => string | null] => [join(top, 'agents'), (name) => readOwnFile(join(top, 'agents', name), SUBAGENT_HEAD)]),
  ];
  for (const [dir, read] of folders) {
    const names = agentFiles(dir);
    if (names.length > MAX_AGENT_FILES) return null;
    for (const name of names) {
      const text = read(name);
      if (text === null || !text.includes('<CCR-SUBAGENT-MODEL>')) continue;
      for (const tag of text.matchAll(SUBAGENT_TAG)) {
        const value = tag[1]!.trim();
        // `provider,model` (`provider/model` too, in later ccr): the model as detection reads such a name.
        if (value) models.push({ model: value, evidence: `claude-code-router subagent ${shownPath(place, join(dir, name))} <CCR-SUBAGENT-MODEL>${quote(value)}`, overriddenBy: [] });
      }
    }
  }
  return models;
}

/** The Router routes Claude Code's Haiku-class background requests take: no code is written there (as row 56's background-only Haiku mapping) unless Claude Code's own model is a Haiku. */
const BACKGROUND_ROUTES = new Set(['background']);

/** A host of this machine: `http://127.0.0.1:3456` is what `ccr code` and `ccr activate` export. */
function loopback(host: string): boolean {
  // `http://127.1` and `http://0x7f000001` are read as 127.0.0.1 by URL; `[::ffff:127.0.0.1]` as `[::ffff:7f00:1]`.
  // The unspecified addresses (`0.0.0.0`, `http://0`, `[::]`, `[::ffff:0.0.0.0]` read as `[::ffff:0:0]`) reach this machine's listeners too.
  const name = host.replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || name === '0.0.0.0' || name === '[::]' || name === '[::ffff:0:0]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(name);
}

/** `$NAME` (upper case) and `${any name}` as ccr reads them in its config (its environment's values; unset: the text stays, read as no model). */
function interpolated(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\{([^}]+)\}|\$([A-Z_][A-Z0-9_]*)/g, (text, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    return (Object.hasOwn(env, name) ? env[name]?.trim() : undefined) || text;
  });
}

/** Subdirectories of ccr's folder listed at most: its own (`plugins`, `logs`) and one per project routed. */
const MAX_PROJECT_DIRS = 10_000;

/** Project folders of the work tree read at most (two files of at most 1 MiB each). */
const MAX_PROJECTS_READ = 64;

/** A Haiku-class model name: ccr sends a request naming one to `background`, so Claude Code's main model a Haiku makes every request one. */
const HAIKU = /haiku/i;

/** What ccr at this port is known to send Claude Code's requests to. */
export interface RouterModels {
  /** The models its Routers name, each with its file as evidence. */
  also: Also;
  /** Set when ccr is at this port (or may be) but its Router cannot be read: the evidence; Claude Code's own model is then not the one that runs. */
  unread?: string;
  /** Set (with `unread`) when the endpoint is a gateway on this machine that is not ccr's: a name Claude Code sends it that is no Claude name is the one it serves. */
  gateway?: boolean;
  /** ccr 3 (its database read): the model it runs for a name Claude Code asks for, when it takes that name as given; else null. */
  client?: (name: string) => string | null;
}

/** ccr 3's configuration database (@musistudio/claude-code-router 3: `config.sqlite` beside where `config.json` was, the JSON archived into it and removed). */
const DATABASE = 'config.sqlite';

/** `host` (as URL writes it: `[…]` around IPv6) is an address of one of this machine's interfaces, or a name for this machine ({@link ownName}). */
function ownAddress(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  try {
    const interfaces = process.getBuiltinModule('node:os').networkInterfaces();
    return Object.values(interfaces).some((addresses) => (addresses ?? []).some((address) => address.address.toLowerCase() === bare)) || ownName(host);
  } catch {
    return false;
  }
}

/** The hosts file, where the resolver finds this machine's own names (`127.0.1.1 myhost`, `127.0.0.1 litellm`); its head at most (an ad-blocking one holds megabytes). */
const HOSTS_FILE = '/etc/hosts';
const HOSTS_HEAD = 16 * 1024 * 1024;

/**
 * `host` (a name, not an address) is this machine's: its host name (`os.hostname()`, which Debian's hosts file maps
 * to 127.0.1.1), or a name the hosts file gives a loopback address or one of this machine's (`127.0.0.1 litellm`,
 * `::1 ip6-localhost`). Only the lines holding the name are parsed. A name only DNS gives it (`127.0.0.1.nip.io`, a
 * domain of one's own) is not resolved here.
 */
function ownName(host: string): boolean {
  const name = host.replace(/\.$/, '');
  if (name === '' || name.startsWith('[') || /^[\d.]+$/.test(name)) return false;
  if (process.getBuiltinModule('node:os').hostname().toLowerCase().replace(/\.$/, '') === name) return true;
  const text = (readOwnFile(HOSTS_FILE, HOSTS_HEAD) ?? '').toLowerCase();
  // Each line holding the name once (the search goes on after it): at most one parse a line, whatever the name.
  for (let at = text.indexOf(name), end = 0; at !== -1; at = text.indexOf(name, end)) {
    const start = text.lastIndexOf('\n', at) + 1;
    end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const [address, ...names] = text.slice(start, end).replace(/#.*/, '').trim().split(/\s+/);
    if (!address || !names.some((each) => each.replace(/\.$/, '') === name)) continue;
    let shown: string;
    try {
      shown = new URL(`http://${address.includes(':') ? `[${address}]` : address}/`).hostname;
    } catch {
      continue;
    }
    if (loopback(shown) || ownAddress(shown)) return true;
  }
  return false;
}

/** Session Router files (`<session id>.json`) read at most in one project folder when the commit names no session. */
const MAX_SESSION_FILES = 32;

/** The `<session id>.json` names in a project folder of ccr's, sorted; null past {@link MAX_SESSION_FILES} (not all read). */
function sessionFiles(dir: string): string[] | null {
  let names: string[];
  try {
    names = readdirSync(dir).slice(0, MAX_PROJECT_DIRS);
  } catch {
    return [];
  }
  const found = names.filter((name) => name.endsWith('.json') && SESSION_ID.test(name.slice(0, -5))).sort();
  return found.length > MAX_SESSION_FILES ? null : found;
}

/** ccr's folder name for a project: Claude Code's for its `projects/` folder, every character but letters and digits a `-`. */
function projectName(path: string): string {
  return path.replace(/[^a-zA-Z0-9]/g, '-');
}

/**
 * ccr's per-project Routers (`~/.claude-code-router/<project>/config.json`, and a session's own
 * `<session id>.json` there), which take the place of the config's `Router` for that project's
 * sessions (ccr's `getProjectSpecificRouter`; `<project>` is Claude Code's `projects/` folder name of
 * the directory it was started in). Read for the work tree's paths and the folders below them (Claude
 * Code started in a subdirectory): a folder named after another project is not read. With no session
 * id exported, every session's file there is read (at most {@link MAX_SESSION_FILES}; null past it).
 */
function projectRouters(place: SettingsPlace, base: string): [file: string, router: unknown][] | null {
  let names: string[];
  try {
    names = readdirSync(base).slice(0, MAX_PROJECT_DIRS);
  } catch {
    return [];
  }
  const tops = projectPaths(place).map(projectName);
  const session = place.env.CLAUDE_CODE_SESSION_ID?.trim() ?? '';
  const found: [string, unknown][] = [];
  for (const name of names.sort().filter((each) => tops.some((top) => each === top || each.startsWith(`${top}-`))).slice(0, MAX_PROJECTS_READ)) {
    // The commit names no session (Claude Code before 2.1.132, `env -u CLAUDE_CODE_SESSION_ID`): every session's own Router
    // of the project, as row 377 reads the recent transcript (it only adds models); past the bound the config is unread.
    const sessions = SESSION_ID.test(session) ? [`${session}.json`] : sessionFiles(join(base, name));
    if (sessions === null) return null;
    for (const file of [...sessions.map((each) => join(base, name, each)), join(base, name, 'config.json')]) {
      const text = readOwnFile(file);
      if (text === null) continue;
      const data = parseJsonc(text);
      found.push([file, typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>).Router : undefined]);
    }
  }
  return found;
}

/** The models a Router names (`provider,model`), each with `file` as evidence; `background` only when `haiku`. */
function routeModels(place: SettingsPlace, file: string, router: unknown, haiku: boolean): Also {
  const routes = typeof router === 'object' && router !== null && !Array.isArray(router) ? Object.entries(router as Record<string, unknown>) : [];
  const shown = shownPath(place, file);
  const models: Also = [];
  for (const [route, value] of routes) {
    if ((BACKGROUND_ROUTES.has(route) && !haiku) || typeof value !== 'string') continue;
    const given = interpolated(value, place.env);
    const comma = given.indexOf(',');
    // `provider,model`: the provider is ccr's own name for an endpoint, the model what it is sent.
    const model = (comma < 0 ? '' : given.slice(comma + 1)).trim();
    if (model) models.push({ model, evidence: `claude-code-router ${shown} Router.${/^\w{1,40}$/.test(route) ? route : quote(route)}=${quote(value)}`, overriddenBy: [] });
  }
  return models;
}

/**
 * The variables that send Claude Code's requests to a provider's endpoint other than its own API's (each a gateway may
 * stand in for): Bedrock's, Bedrock Mantle's, Vertex's, Microsoft Foundry's, Claude Platform on AWS's and on Google
 * Cloud's (code.claude.com llm-gateway-protocol: "Claude Code routes to them through its own variables"). With the
 * provider's switch (`CLAUDE_CODE_USE_BEDROCK`…) Claude Code sends every request there, never to `ANTHROPIC_BASE_URL`.
 */
const PROVIDER_VARS = ['ANTHROPIC_BEDROCK_BASE_URL', 'ANTHROPIC_BEDROCK_MANTLE_BASE_URL', 'ANTHROPIC_VERTEX_BASE_URL', 'ANTHROPIC_FOUNDRY_BASE_URL', 'ANTHROPIC_AWS_BASE_URL', 'ANTHROPIC_GOOGLE_CLOUD_BASE_URL'] as const;

/**
 * The first of the endpoint variables `names` that names this machine (a loopback or unspecified address or name, an
 * address of its interfaces, its host name or a hosts-file name for it), as `NAME="value"`; null when none does.
 */
export function localEndpoint(env: Record<string, string | undefined>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = env[name]?.trim();
    if (!value) continue;
    let host: string;
    try {
      host = new URL(value).hostname.toLowerCase();
    } catch {
      continue;
    }
    if (loopback(host) || ownAddress(host)) return `${name}=${quote(value)}`;
  }
  return null;
}

/**
 * A name of a model whose weights are not published (OpenAI's GPT but gpt-oss, its o-series, `codex-mini`, Claude,
 * Gemini; not EleutherAI's open `gpt-j`, `gpt-neox`, nor `gpt-2`): none runs on a person's machine, so such a name sent to a gateway there is only the label asked for (the
 * gateway's `model_list` may answer it with Qwen). Open weights (`gpt-oss:20b`, `qwen3-coder`, Gemma) may run there.
 */
export const HOSTED_NAME = /claude|gemini|(?:^|[^a-z0-9])gpt-(?!oss|j\b|neo|2\b)|(?:^|\/)o[1-9](?:-|$)|chatgpt|codex-mini/i;

/**
 * The model an agent at a gateway on this machine (`found`: {@link localEndpoint}'s evidence, or null) is recorded
 * as: `unknown` with that evidence when a name it sends is one `asked` takes (a hosted model's: {@link HOSTED_NAME};
 * Gemini CLI's names and aliases), or it names none
 * and its own default is one (`hostedDefault`); else null (names of open weights are what the gateway serves, read as
 * before). `replaces`: the agent's model variables, hidden beside it.
 */
export function gatewayModel(found: string | null, named: readonly string[], asked: RegExp, hostedDefault: boolean, replaces: string[]): SettingsModel | null {
  if (found === null) return null;
  const names = named.map((name) => name.trim()).filter((name) => name !== '');
  if (names.length > 0 ? !names.some((name) => askedName(asked, name)) : !hostedDefault) return null;
  return { model: 'unknown', evidence: `${found} (a gateway on this machine: the model it runs is not known)`, overriddenBy: [], replaces, routed: true };
}

/**
 * An agent's reading (`found`, its `also`) with the models it sends a gateway on this machine under a hosted model's
 * name ({@link gatewayModel}; `gatewayOf`: the evidence of the endpoint of this machine a model is sent to, or null)
 * recorded `unknown` (rows 877, 879): the model in force (`main`: the command line's, else the settings') sent
 * there is; with none of its own, the first model beside sent there is; one beside sent there is `unknown` beside
 * (dropped when the one in force is already), the rest as read.
 */
export function gatewayModels(gatewayOf: (model: string) => string | null, main: readonly string[], found: SettingsModel | null, also: NonNullable<SettingsModel['also']>): SettingsModel | null {
  const asked = (model: string): SettingsModel | null => gatewayModel(gatewayOf(model), [model], HOSTED_NAME, false, []);
  const first = main.length > 0 ? undefined : also.find((entry) => !entry.unread && asked(entry.model) !== null);
  const unknown = (first ? [first.model] : main).map(asked).find((model) => model !== null) ?? null;
  const beside = also.flatMap((entry) => {
    const at = entry.unread ? null : asked(entry.model);
    if (at === null) return [entry];
    return unknown === null ? [{ model: 'unknown', evidence: `${entry.evidence}: ${at.evidence}`, overriddenBy: [] }] : [];
  });
  if (unknown !== null) return { ...unknown, ...(beside.length > 0 ? { also: beside } : {}) };
  if (beside.length === 0) return found;
  return { ...(found ?? { model: '', evidence: '' }), also: beside };
}

/**
 * Whether `name` is one `asked` takes, as written or as the catalog reads it (row 878): `GPT_5`, `gpt5-codex`,
 * `gpt\u20105` and `sonnet` are recorded as `openai/gpt-5…` and `anthropic/claude-sonnet`, so at a gateway they are a
 * hosted model's name as much as `gpt-5`. Run only where a gateway on this machine was found.
 */
export function askedName(asked: RegExp, name: string): boolean {
  if (asked.test(name)) return true;
  const id = canonicalModel(name, {}, { isModel: true });
  return id !== null && asked.test(id);
}

/**
 * A gateway on this machine that is not ccr's (LiteLLM's proxy on :4000, claude-code-proxy on :8082, any port): it
 * answers under the Claude name asked for whatever model it sends the request to (LiteLLM's `model_list`,
 * claude-code-proxy's BIG_MODEL/SMALL_MODEL), so the model that runs is not known: `unread`. A gateway elsewhere (a
 * company's, a LAN's) is read as before, the name Claude Code sends (a limit).
 */
function localGateway(env: Record<string, string | undefined>, names: readonly string[]): RouterModels {
  const found = localEndpoint(env, names);
  return found === null ? { also: [] } : { also: [], gateway: true, unread: `${found} (a gateway on this machine, not claude-code-router's: the model it runs is not known)` };
}

const OFF_VALUES = new Set(['', '0', 'false', 'no', 'off']);

/** A provider switch of Claude Code's set to a value it reads as on (anything but empty, `0`, `false`, `no`, `off`). */
export function switchedOn(value: string | undefined): boolean {
  // What `!/^\s*(?:0|false|no|off)?\s*$/i` reads (trim drops what `\s` matches; no other character lowers onto these letters), with no expression to compile on an agent's commit.
  return !OFF_VALUES.has((value ?? '').trim().toLowerCase());
}

/** An AWS or Google Cloud region's name (`us-east-1`, `us-east5`, `global`): letters, digits and hyphens. */
const REGION = /^[a-z0-9-]{1,64}$/i;

/**
 * With Bedrock or Vertex on and no base URL variable, the region variable Claude Code's client builds its host from
 * (the Bedrock SDK: `https://bedrock-runtime.${AWS_REGION}.amazonaws.com`; the Vertex SDK:
 * `https://${CLOUD_ML_REGION}-aiplatform.googleapis.com/v1`, both templated as given, trimmed) that is no region's
 * name, as evidence: `CLOUD_ML_REGION=127.0.0.1:4000/x` makes the host 127.0.0.1, `AWS_REGION=localhost:4000/x`
 * `bedrock-runtime.localhost`, `x@127.0.0.1:4000/` either. Null when every one set is a region's name.
 */
function craftedRegion(env: Record<string, string | undefined>): string | null {
  const names = [
    ...(switchedOn(env.CLAUDE_CODE_USE_BEDROCK) && !env.ANTHROPIC_BEDROCK_BASE_URL?.trim() ? ['AWS_REGION', 'AWS_DEFAULT_REGION', 'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION'] : []),
    // Bedrock powered by Mantle (`CLAUDE_CODE_USE_MANTLE`): its endpoint is built from AWS_REGION too (`bedrock-mantle.<region>.api.aws`; row 881).
    ...(switchedOn(env.CLAUDE_CODE_USE_MANTLE) && !env.ANTHROPIC_BEDROCK_MANTLE_BASE_URL?.trim() ? ['AWS_REGION', 'AWS_DEFAULT_REGION'] : []),
    // Claude Platform on AWS (`CLAUDE_CODE_USE_ANTHROPIC_AWS`): `https://aws-external-anthropic.<region>.api.aws`, the region
    // resolved as Bedrock's (code.claude.com claude-platform-on-aws; row 912).
    ...(switchedOn(env.CLAUDE_CODE_USE_ANTHROPIC_AWS) && !env.ANTHROPIC_AWS_BASE_URL?.trim() ? ['AWS_REGION', 'AWS_DEFAULT_REGION'] : []),
    // Claude Code's per-model Vertex regions (`VERTEX_REGION_CLAUDE_4_5_SONNET`…) beside CLOUD_ML_REGION.
    ...(switchedOn(env.CLAUDE_CODE_USE_VERTEX) && !env.ANTHROPIC_VERTEX_BASE_URL?.trim() ? ['CLOUD_ML_REGION', ...Object.keys(env).filter((name) => name.startsWith('VERTEX_REGION_')).sort()] : []),
  ];
  for (const name of names) {
    const value = env[name]?.trim();
    if (value && !REGION.test(value)) return `${name}=${quote(env[name]!)} (not a region: the endpoint built from it is another host, the model it runs is not known)`;
  }
  return null;
}

/**
 * The models claude-code-router sends Claude Code's requests to. `ccr code` (and `ccr activate`)
 * point Claude Code at ccr's local port (`ANTHROPIC_BASE_URL=http://127.0.0.1:3456`), and ccr sends
 * every request, whatever Claude model Claude Code names, to the model its `Router` in
 * `~/.claude-code-router/config.json` names (`"default": "openrouter,qwen/qwen3-coder"`, then `think`,
 * `longContext`, `webSearch`, `image`…): no variable Claude Code exports names it. Only when the
 * endpoint is this machine (a loopback address or name, the config's `HOST`, an address of this
 * machine's interfaces) at the port that config says ccr listens on (`PORT`, else, as ccr reads it,
 * 3456 when it is unset, 0 or empty). A project's own Router (`~/.claude-code-router/<project>/`)
 * is read beside the config's. A config that is there but cannot be read (JSON5 beyond comments and
 * trailing commas, past 1 MiB, not a regular file) is `unread` at any loopback port: neither the port
 * nor the model can be known. No `config.json` but ccr 3's database (`config.sqlite`, its configuration
 * and the JSON archived in SQLite) is read with aitrail's SQLite reader ({@link ccr3Models}): its routes'
 * models at its port, `unread` where they are not known (and at any port of this machine when the database
 * cannot be read). ccr's own port 3456 with no ccr file at all (another home's or user's ccr) is `unread`;
 * another local port with no ccr file is not ccr's, read as before. The `background` route (Claude Code's Haiku-class requests) is read only
 * when `haiku`: Claude Code's own model is a Haiku, so every request is one. A config naming a custom
 * router script (`CUSTOM_ROUTER_PATH`, which ccr runs before its Router) is `unread` too: the script
 * picks the model, and a hook never runs it.
 */
export function claudeCodeRouterModels(place: SettingsPlace, haiku = false): RouterModels {
  // A region that is no region sends Bedrock's or Vertex's requests to another host (row 867): read as a gateway.
  const region = craftedRegion(place.env);
  if (region !== null) return { also: [], gateway: true, unread: region };
  // A provider's endpoint on this machine comes first: with its switch on, ccr at ANTHROPIC_BASE_URL gets no request.
  const provider = localGateway(place.env, PROVIDER_VARS);
  if (provider.gateway) return provider;
  const endpoint = place.env.ANTHROPIC_BASE_URL?.trim();
  const gateway = localGateway(place.env, ['ANTHROPIC_BASE_URL']);
  if (!endpoint) return gateway;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return gateway;
  }
  const host = url.hostname.toLowerCase();
  const local = loopback(host);
  const base = join(place.home, '.claude-code-router');
  const file = join(base, 'config.json');
  const text = readOwnFile(file);
  const shown = shownPath(place, file);
  const unread = `claude-code-router ${shown} (not read) ANTHROPIC_BASE_URL=${quote(endpoint)}`;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const database = join(base, DATABASE);
  if (text === null) {
    if (!local) return gateway;
    if (present(file)) return { also: [], unread };
    // ccr 3 keeps its configuration (its PORT and Router) in SQLite: read with aitrail's SQLite reader.
    if (present(database)) return ccr3Models(place, database, endpoint, port, haiku, gateway);
    // ccr's own port with no config of it to read (another home, another user's or a container's ccr): what it routes to is not known.
    if (port === DEFAULT_PORT) return { also: [], unread: `claude-code-router (no config read) ANTHROPIC_BASE_URL=${quote(endpoint)}` };
    return gateway;
  }
  const legacy = ((): RouterModels => {
    const data = parseJsonc(text);
    // ccr reads its config as JSON5 (unquoted keys, single quotes): one this reader cannot take may listen on any port.
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return local ? { also: [], unread } : gateway;
    const config = data as Record<string, unknown>;
    // ccr's `HOST` (`0.0.0.0` for a LAN): the endpoint written as that name, or as an address of this machine's.
    if (!local && !(typeof config.HOST === 'string' && config.HOST.trim().toLowerCase() === host) && !ownAddress(host)) return gateway;
    // ccr listens on `config.PORT || 3456`: another port of this machine is another gateway's.
    const configured = (typeof config.PORT === 'number' || typeof config.PORT === 'string' ? Number(config.PORT) : 0) || DEFAULT_PORT;
    if (configured !== port) return gateway;
    // ccr's custom router script (`CUSTOM_ROUTER_PATH`): ccr runs it for each request and sends the request where
    // it says (any `provider,model`), its Router only when it says nothing. Code, never run here: no model is known.
    const script = typeof config.CUSTOM_ROUTER_PATH === 'string' ? config.CUSTOM_ROUTER_PATH.trim() : '';
    if (script) return { also: [], unread: `claude-code-router ${shown} CUSTOM_ROUTER_PATH=${quote(script)} (a script routes, not read) ANTHROPIC_BASE_URL=${quote(endpoint)}` };
    const projects = projectRouters(place, base);
    if (projects === null) return { also: [], unread: `claude-code-router ${shown} (over ${MAX_SESSION_FILES} session Routers in a project folder, not read) ANTHROPIC_BASE_URL=${quote(endpoint)}` };
    const tagged = subagentTagModels(place);
    if (tagged === null) return { also: [], unread: `claude-code-router ${shown} (an agents folder past ${MAX_AGENT_FILES} files, its subagent routes not read) ANTHROPIC_BASE_URL=${quote(endpoint)}` };
    const models = [...routeModels(place, file, config.Router, haiku), ...projects.flatMap(([at, router]) => routeModels(place, at, router, haiku)), ...tagged];
    if (models.length === 0) return { also: [], unread: `claude-code-router ${shown} (no Router model) ANTHROPIC_BASE_URL=${quote(endpoint)}` };
    return { also: models };
  })();
  // ccr 3 reads its database first (`config.json` only when the database holds no configuration), ccr 2 the file: which
  // of them runs is not known at a commit, so a database beside the file is read too, and what both say is recorded.
  return local && present(database) ? together(ccr3Models(place, database, endpoint, port, haiku, gateway), legacy) : legacy;
}

/**
 * What ccr 3's database (`current`) and a `config.json` beside it (`legacy`) say together: every model either names,
 * with ccr 3's reading of names Claude Code asks for. Either one not read (or another gateway's) is `unread` alone, as
 * each is alone: a model the other names beside it would take the `unknown`'s place (a Claude model there hid ccr 3's
 * script or rule of another kind), and the commit would pass as that model.
 */
function together(current: RouterModels, legacy: RouterModels): RouterModels {
  const unread = current.unread ?? legacy.unread;
  if (unread !== undefined) return { also: [], unread, ...(current.gateway === true && legacy.gateway === true ? { gateway: true } : {}) };
  return { also: [...current.also, ...legacy.also], ...(current.client ? { client: current.client } : {}) };
}

/**
 * ccr 3's configuration, read from its database (`config.sqlite`, table `app_config`): at the port it listens
 * on, the models its rules, profiles and fallback chains send Claude Code's requests to (`ccr3RouteModels`),
 * or `unread` with the reason (a script, a rule not understood, no route for every request); the database
 * not read (malformed, a link, no row): `unread` at any port of this machine, as before; read, at another
 * port: another gateway's (`gateway`).
 */
function ccr3Models(place: SettingsPlace, database: string, endpoint: string, port: number, haiku: boolean, gateway: RouterModels): RouterModels {
  const shown = shownPath(place, database);
  const config = readCcr3Config(database);
  if (config === null) return { also: [], unread: `claude-code-router ${shown} (ccr 3's database, not read) ANTHROPIC_BASE_URL=${quote(endpoint)}` };
  if (!ccr3Ports(config).includes(port)) return gateway;
  const models = ccr3RouteModels(config, shown, haiku);
  if (typeof models === 'string') return { also: [], unread: `claude-code-router ${shown} (ccr 3) ${models} ANTHROPIC_BASE_URL=${quote(endpoint)}`, client: (name) => ccr3ClientModel(config, name) };
  const tagged = subagentTagModels(place);
  if (tagged === null) return { also: [], unread: `claude-code-router ${shown} (an agents folder past ${MAX_AGENT_FILES} files, its subagent routes not read) ANTHROPIC_BASE_URL=${quote(endpoint)}` };
  return { also: [...models, ...tagged], client: (name) => ccr3ClientModel(config, name) };
}

/** Claude Code's main requests are Haiku-class (its model, `ANTHROPIC_MODEL` or the aliases' mappings name a Haiku): ccr sends them to its `background` route. */
export function haikuMain(place: SettingsPlace, model: string | undefined): boolean {
  const env = place.env;
  return [model, env.ANTHROPIC_MODEL, env.CLAUDE_CODE_MODEL, env.ANTHROPIC_DEFAULT_SONNET_MODEL, env.ANTHROPIC_DEFAULT_OPUS_MODEL, env.CLAUDE_CODE_SUBAGENT_MODEL].some((name) => name !== undefined && HAIKU.test(name));
}
