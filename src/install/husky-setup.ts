import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Set husky up in the repository at `root` through husky's own API (what `npx husky` does:
 * `core.hooksPath=<dir>/_` and the `_` runtime). husky works on the current directory, so this
 * changes into `root` for the call. Returns husky's message ('' = success).
 */
export async function setUpHusky(root: string, huskyDir: string): Promise<string> {
  const { default: husky } = await import('husky');
  const previous = process.cwd();
  process.chdir(root);
  try {
    return husky(relative(root, huskyDir) || '.husky');
  } finally {
    process.chdir(previous);
  }
}

/** True when husky's runtime is set up in `huskyDir` (`<dir>/_/h` exists). */
export function huskyRuntimePresent(huskyDir: string): boolean {
  return existsSync(join(huskyDir, '_', 'h'));
}
