import { configsBelowRoot, loadConfig, misnamedInWorkTree } from '../config/load.js';
import { loadConfigAtRevision } from '../config/load-at-revision.js';
import type { LoadedConfig } from '../core/types.js';

/** The policy that judges a set of commits, and where it was read, for people. */
export interface PolicySource {
  loaded: LoadedConfig;
  /** e.g. `--config policy.yml`, `3f2a…:.aitrailrc.yml`, `built-in defaults (no config at 3f2a…)`. */
  description: string;
}

/**
 * Where a judgement reads its policy, strongest first: an explicit `--config` file (the
 * server's or CI's own); else the config as committed at `base` (never the commits being
 * judged: a change cannot loosen the policy that judges it), its objects read as stored
 * (replace refs and grafts ignored); else, when no base is known, the config of the work tree
 * at `root`.
 */
export async function policySource(root: string, where: { configFile?: string | undefined; base?: string | null | undefined; cwd?: string }): Promise<PolicySource> {
  if (where.configFile !== undefined) {
    const loaded = await loadConfig(root, { configFile: where.configFile, ...(where.cwd !== undefined ? { cwd: where.cwd } : {}) });
    return { loaded, description: `--config ${where.configFile}` };
  }
  if (where.base) {
    const committed = await loadConfigAtRevision(root, where.base, { asStored: true });
    // A config in the folders the command runs in, below the root: read by nothing, committed or not.
    const below = where.cwd === undefined ? [] : configsBelowRoot(root, where.cwd);
    const loaded = below.length === 0 ? committed : { ...committed, misnamed: [...(committed.misnamed ?? []), ...below] };
    return { loaded, description: loaded.filepath ?? `built-in defaults (no config committed at ${where.base}${misnamedNote(loaded.misnamed)})` };
  }
  const loaded = await loadConfig(root);
  const misnamed = misnamedInWorkTree(root, where.cwd);
  return { loaded: misnamed.length === 0 ? loaded : { ...loaded, misnamed }, description: loaded.filepath ? `${loaded.filepath} (work tree)` : `built-in defaults (no config in the work tree${misnamedNote(misnamed)})` };
}

/** What a policy's description adds for files meant as the config that aitrail does not read: the judgement ran without them. */
function misnamedNote(misnamed: LoadedConfig['misnamed']): string {
  return misnamed?.length ? `; not read: ${misnamed.map(({ name }) => name).join(', ')}` : '';
}

/** Same policy text = same judgement: groups of refs sharing a policy are judged in one pass. */
export function policyKey(source: PolicySource): string {
  return JSON.stringify(source.loaded.config);
}
