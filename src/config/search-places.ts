/** Where the config is searched, in the repository root only; more than one present is an error (DESIGN.md). */
export const SEARCH_PLACES = [
  'package.json',
  '.aitrailrc',
  '.aitrailrc.json',
  '.aitrailrc.yaml',
  '.aitrailrc.yml',
  'aitrail.config.json',
] as const;

/** Config files are small; anything bigger is refused unread (a hostile repo could plant a huge one). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
