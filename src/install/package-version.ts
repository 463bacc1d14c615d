import { readFileSync } from 'node:fs';

/** The version of the aitrail package this code ships in (the shims' fast path names it: src/install/fast-path.ts). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
