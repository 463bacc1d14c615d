import { AGENT_HOOKS, CHECKPOINT_COMMAND } from './agent-hook-specs.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const commandOf = (hook: unknown) => (isObject(hook) && typeof hook.command === 'string' ? hook.command : null);
const ours = (hook: unknown) => CHECKPOINT_COMMAND.test(commandOf(hook) ?? '');

/** `config` without any aitrail checkpoint hook; groups and events left empty by that removal go too. Pure. */
export function removeAgentHooks(agent: string, config: Json): Json {
  const spec = AGENT_HOOKS[agent]!;
  if (!isObject(config.hooks)) return config;
  const hooks: Json = { ...config.hooks };
  for (const [event, list] of Object.entries(hooks)) {
    if (!Array.isArray(list)) continue;
    const kept = spec.shape === 'flat'
      ? list.filter((hook) => !ours(hook))
      : list.flatMap((group) => {
          if (!isObject(group) || !Array.isArray(group.hooks) || !group.hooks.some(ours)) return [group];
          const rest = group.hooks.filter((hook) => !ours(hook));
          return rest.length === 0 ? [] : [{ ...group, hooks: rest }];
        });
    if (kept.length === list.length && kept.every((item, index) => item === list[index])) continue;
    if (kept.length === 0) delete hooks[event];
    else hooks[event] = kept;
  }
  const result: Json = { ...config, hooks };
  if (Object.keys(hooks).length === 0) delete result.hooks;
  return result;
}

/** `config` with exactly one checkpoint hook running `command` per event (an older one of ours replaced). Pure. */
export function addAgentHooks(agent: string, config: Json, command: string): Json {
  const spec = AGENT_HOOKS[agent]!;
  const clean = removeAgentHooks(agent, config);
  const hooks: Json = isObject(clean.hooks) ? { ...clean.hooks } : {};
  for (const event of spec.events) {
    const list = Array.isArray(hooks[event]) ? [...(hooks[event] as unknown[])] : [];
    list.push(spec.shape === 'flat' ? { command } : { matcher: spec.matcher, hooks: [{ type: 'command', command }] });
    hooks[event] = list;
  }
  return { ...clean, hooks };
}

/** True when `config` runs exactly `command` on every event of `agent`, and no other checkpoint hook of ours. */
export function hasAgentHooks(agent: string, config: Json, command: string): boolean {
  return JSON.stringify(addAgentHooks(agent, removeAgentHooks(agent, config), command)) === JSON.stringify(config);
}
