import { NO_FSMONITOR, runGit } from './exec.js';

/** The paths git tracks (its index) under `pathspec`, relative to the work tree top of `cwd`; literal pathspec. */
export async function trackedFiles(cwd: string, pathspec: string): Promise<string[]> {
  const out = await runGit([...NO_FSMONITOR, 'ls-files', '-z', '--full-name', '--', pathspec], { cwd, env: { GIT_LITERAL_PATHSPECS: '1' } });
  return out.split('\0').filter((path) => path !== '');
}
