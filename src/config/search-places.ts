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

/** The most bytes a config file at `name` may hold: package.json holds more than the config (16 MB). */
export function configLimit(name: string): number {
  return /(^|[\\/:])package\.json$/.test(name) ? 16 * MAX_CONFIG_BYTES : MAX_CONFIG_BYTES;
}
