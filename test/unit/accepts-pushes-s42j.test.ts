import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptsPushes, denyCurrentBranch } from '../../src/install/push-target.js';
import { makeRepo } from '../helpers/gitdir.js';

/** Each value as written in the config file (`null`: the key with no `=`). */
const VALUES: (string | null)[] = [null, '""', 'updateInstead', 'UPDATEINSTEAD', 'ignore', 'Warn', 'refuse', 'true', 'Off', 'no', '0', '00', '-0', '+0', '0x0', '0X00', '0k', '0G', '1', '2', '1k', '0x1', '"\\t0"', '"0 "', '" ignore"', '08', 'bogus'];

describe('acceptsPushes reads receive.denyCurrentBranch as receive-pack does', () => {
  it('agrees with git 2.39 on whether a push into the checked-out branch lands, for every spelling', async () => {
    const server = makeRepo();
    server.commit('one\n', { 'a.txt': 'a\n' });
    const clone = makeRepo();
    clone.git(['remote', 'add', 'origin', server.dir]);
    clone.git(['fetch', '-q', 'origin']);
    clone.git(['reset', '-q', '--hard', 'origin/main']);
    const config = join(server.dir, '.git', 'config');
    const original = readFileSync(config, 'utf8');
    let n = 0;
    for (const value of VALUES) {
      writeFileSync(config, original + (value === null ? '[receive]\n\tdenyCurrentBranch\n' : `[receive]\n\tdenyCurrentBranch = ${value}\n`));
      clone.commit(`c${n++}\n`, { 'a.txt': `${n}\n` });
      let landed = true;
      try {
        clone.git(['push', '-q', 'origin', 'main']);
      } catch {
        landed = false;
        clone.git(['reset', '-q', '--hard', 'origin/main']);
      }
      if (landed) server.git(['reset', '-q', '--hard', 'main']);
      expect(acceptsPushes(await denyCurrentBranch(join(server.dir, '.git'))), `${String(value)}: git ${landed ? 'took' : 'refused'} the push`).toBe(landed);
    }
  });
});
