import { makeRepo, type TestRepo } from './gitdir.js';

/** A policy that refuses an AI commit whose model is not known. */
export const UNKNOWN_DENIED = 'policy:\n  unknownModel: deny\n';

/** A real repository: the policy's commit, then one commit whose message ends with `trailer` (rows 1136, 1137). */
export function commitWithTrailer(trailer: string, policy = UNKNOWN_DENIED): TestRepo {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': policy });
  repo.commit(`feat: parser\n\n${trailer}\n`, { 'src/parser.ts': 'export const n = 1;\n' });
  return repo;
}
