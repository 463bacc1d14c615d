import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (it will be created). */
export function realOrPlanned(path: string): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      missing.push(basename(current));
      current = parent;
    }
  }
}
