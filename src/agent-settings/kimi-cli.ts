import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseJson, parseToml, stringAt } from './parse-settings.js';
import { readOwnFile, shownPath, type SettingsPlace } from './settings-place.js';
import type { CommandLineModel } from './command-line.js';
import { gatewayModel, HOSTED_NAME, localEndpoint } from './claude-code-router.js';

/**
 * Kimi CLI's model (MoonshotAI/kimi-cli `src/kimi_cli/config.py`, `share.py`): `config.toml` in its
 * share directory (`KIMI_SHARE_DIR`, else `~/.kimi`) names `default_model`, a key of its `[models]`
 * table, whose `model` is the name sent to the API (`[models.kimi-for-coding]`, `model =
 * "kimi-for-coding"`). A model of a provider of type `kimi` (Moonshot's own API) is Moonshot's:
 * written `moonshotai/<model>` when it names no vendor. For that provider `KIMI_MODEL_NAME` replaces
 * the model (`llm.py`, the environment overrides). A run's `-m/--model NAME` (a `[models]` key) comes before `default_model`,
 * its `--config` (inline) or `--config-file` before `config.toml` (row 1053).
 * Kimi CLI sets no variable for the commands it runs: this is read when something else names it
 * (`AI_AGENT=kimi-code`, its author identity).
 */
export async function kimiCliModel(place: SettingsPlace, cli?: CommandLineModel | null): Promise<SettingsModel | null> {
  // The run's `--config <TOML or JSON>` or `--config-file PATH` in place of `config.toml` (row 1053).
  const custom = place.env.KIMI_SHARE_DIR?.trim();
  const given = cli?.configFile && (isAbsolute(cli.configFile) ? cli.configFile : cli.cwd ? join(cli.cwd, cli.configFile) : undefined);
  const file = given || join(custom && isAbsolute(custom) ? custom : join(place.home, '.kimi'), 'config.toml');
  const inline = cli?.inlineConfig;
  const text = inline ?? readOwnFile(file);
  if (text === null) return null;
  const data = inline !== undefined && inline.trim().startsWith('{') ? parseJson(inline) : await parseToml(text);
  const shownFile = inline !== undefined ? 'argv kimi --config' : `settings ${shownPath(place, file)}`;
  const flagged = cli?.modelKey;
  const name = flagged?.name ?? stringAt(data, 'default_model');
  if (!name) return null;
  const written = stringAt(data, 'models', name, 'model');
  if (!written) return null;
  const provider = stringAt(data, 'models', name, 'provider');
  const moonshot = provider !== undefined && stringAt(data, 'providers', provider, 'type') === 'kimi';
  const override = moonshot ? place.env.KIMI_MODEL_NAME?.trim() : undefined;
  const model = override || written;
  const evidence = override
    ? `env KIMI_MODEL_NAME=${quote(override)}`
    : `${flagged ? `${flagged.evidence} ` : ''}${shownFile} ${flagged ? 'models' : 'default_model'}=${quote(name)} model=${quote(written)}`;
  // The provider's `base_url` (required by Kimi CLI's `LLMProvider`): a server on this machine answers a hosted model's name
  // (`claude-sonnet-4-5` of an `anthropic` provider) with any model it runs (row 1027). `llm.py` `augment_provider_with_env_vars`
  // replaces it by a variable when set: `KIMI_BASE_URL` for a `kimi` provider, `OPENAI_BASE_URL` for an `openai_legacy` or
  // `openai_responses` one (row 1049).
  const url = provider === undefined ? undefined : stringAt(data, 'providers', provider, 'base_url');
  const key = `${shownFile} providers.${provider}.base_url`;
  const type = provider === undefined ? undefined : stringAt(data, 'providers', provider, 'type');
  const variable = moonshot ? 'KIMI_BASE_URL' : type === 'openai_legacy' || type === 'openai_responses' ? 'OPENAI_BASE_URL' : undefined;
  const local = variable && place.env[variable]?.trim() ? localEndpoint(place.env, [variable]) : localEndpoint({ [key]: url }, [key]);
  const unknown = gatewayModel(local, [model], HOSTED_NAME, false, []);
  if (unknown) return unknown;
  return { model: moonshot && !model.includes('/') ? `moonshotai/${model}` : model, evidence };
}
