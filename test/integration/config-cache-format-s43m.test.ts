import { spawnSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stampFiles } from '../../src/config/config-cache.js';
import { SEARCH_PLACES } from '../../src/config/search-places.js';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';

/** The file set back an hour: the cache keeps no file modified in the last 2 s. */
function age(path: string): void {
  const past = new Date(Date.now() - 3_600_000);
  utimesSync(path, past, past);
}

const HIDDEN = {
  'a lone carriage return (647)': 'policy:\n  unknownModel: warn\n  # Qwen stays out, see SEC-1234\r$schema: |\n  deny: ["qwen/*"]\n',
  'a control character (651)': 'policy:\n  unknownModel: warn\n  #\b\b\b  deny: ["qwen/*"]\n',
};

describe('a config cache written by a build that still read a now refused YAML config (s43m)', () => {
  for (const [what, text] of Object.entries(HIDDEN)) {
    it(`is not served after the upgrade: ${what} is refused by the hooks' loader too`, () => {
      const repo = makeRepo();
      const config = join(repo.dir, '.aitrailrc.yml');
      const cacheFile = join(repo.dir, '.git', 'aitrail', 'config-cache.json');
      const status = () => spawnSync(process.execPath, [BIN, 'status'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
      // An entry as the build before the refusal wrote it (cache format 4): the file as it stands, read as YAML read it.
      writeFileSync(config, 'policy:\n  unknownModel: warn\n');
      age(config);
      expect(status().status).toBe(0);
      const entry = JSON.parse(readFileSync(cacheFile, 'utf8'));
      writeFileSync(config, text);
      age(config);
      entry.format = 4;
      entry.stamps = stampFiles(SEARCH_PLACES.map((place) => join(repo.dir, place)));
      writeFileSync(cacheFile, JSON.stringify(entry));
      const run = status();
      expect(run.status, run.stdout).toBe(2); // was 0: the cached policy without its deny, for every hook until the file changed
      expect(run.stderr).toContain('.aitrailrc.yml: found a');
    });
  }
});
