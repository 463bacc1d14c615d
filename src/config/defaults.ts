import type { Config, Tristate } from '../core/types.js';

import { DEFAULT_TRAILER_KEY, DEFAULTS } from '../core/defaults.js';

export { DEFAULT_TRAILER_KEY };

/** What detection needs from a config: the user's rules and aliases and the declared trailer key. */
export function detectOptionsOf(config: Config): { detect: NonNullable<Config['detect']>; trailerKey: string } {
  return { detect: config.detect ?? {}, trailerKey: config.trailer?.key ?? DEFAULT_TRAILER_KEY };
}

/** Config with every default filled in: what is actually in force. */
export interface ResolvedConfig {
  trailer: { key: string };
  policy: {
    /** `undefined` = every model allowed. */
    allow: string[] | undefined;
    deny: string[];
    unknownModel: Tristate;
    undeclared: Tristate;
    paths: { files: string[]; allow: string[] | undefined; deny: string[]; requireTrailers: string[] }[];
  };
  detect: { rules: NonNullable<NonNullable<Config['detect']>['rules']>; aliases: Record<string, string> };
  blame: { include: string[]; exclude: string[] };
  notes: { push: boolean };
}

/** The effective values of a (validated) config. Pure. */
export function resolveConfig(config: Config): ResolvedConfig {
  const policy = config.policy ?? {};
  return {
    trailer: { key: config.trailer?.key ?? DEFAULT_TRAILER_KEY },
    policy: {
      allow: policy.allow,
      deny: policy.deny ?? [],
      unknownModel: policy.unknownModel ?? DEFAULTS.unknownModel,
      undeclared: policy.undeclared ?? DEFAULTS.undeclared,
      paths: (policy.paths ?? []).map((rule) => ({ files: rule.files, allow: rule.allow, deny: rule.deny ?? [], requireTrailers: rule.requireTrailers ?? [] })),
    },
    detect: {
      rules: config.detect?.rules ?? [],
      // Null prototype: alias names can never reach Object.prototype.
      aliases: Object.assign(Object.create(null) as Record<string, string>, config.detect?.aliases ?? {}),
    },
    blame: { include: config.blame?.include ?? [...DEFAULTS.blameInclude], exclude: config.blame?.exclude ?? [] },
    notes: { push: config.notes?.push ?? true },
  };
}
