/**
 * Every default of the config, in one place: what is in force when a key is not set. The config
 * layer (config/defaults.ts resolveConfig), the policy compiler and blame all read these.
 */
export const DEFAULTS = {
  /** The trailer key written and read as declared (Linux kernel convention). */
  trailerKey: 'Assisted-by',
  /** AI present, model not identified. */
  unknownModel: 'warn',
  /** Agent signatures but no declared trailer. */
  undeclared: 'warn',
  /** Files blame looks at (before `blame.exclude` and the default exclusions). */
  blameInclude: ['**/*'],
} as const;

export const DEFAULT_TRAILER_KEY = DEFAULTS.trailerKey;
