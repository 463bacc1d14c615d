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

const ACCEPTED_BY_FORMAT_7 = {
  'a lookalike letter in a class (767)': 'policy:\n  paths:\n    - files: ["src/[\u0441]rypto/**"]\n      deny: ["qwen/*"]\n',
  'a space after a comma of a {…} list (768)': 'policy:\n  paths:\n    - files: ["src/**/*.{ts, tsx}"]\n      deny: ["qwen/*"]\n',
  'an asterisk operator for * (771)': 'policy:\n  paths:\n    - files: ["src/crypto/\u2217\u2217"]\n      deny: ["qwen/*"]\n',
  'a word all of lookalikes (772)': 'policy:\n  paths:\n    - files: ["src/**/*.\u0440\u0443"]\n      deny: ["qwen/*"]\n',
  'a fullwidth Latin letter (770)': 'policy:\n  paths:\n    - files: ["src/\uff43rypto/**"]\n      deny: ["qwen/*"]\n',
};

describe('a config cache written by a format-7 build, which accepted file globs now refused (s45O)', () => {
  for (const [what, text] of Object.entries(ACCEPTED_BY_FORMAT_7)) {
    it(`is not served after the upgrade: ${what} is refused by the hooks' loader too`, () => {
      const repo = makeRepo();
      const config = join(repo.dir, '.aitrailrc.yml');
      const cacheFile = join(repo.dir, '.git', 'aitrail', 'config-cache.json');
      const status = () => spawnSync(process.execPath, [BIN, 'status'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
      // An entry as a format-7 build wrote it: the file as it stands, stamped, its config as that build read it.
      writeFileSync(config, 'policy:\n  unknownModel: warn\n');
      age(config);
      expect(status().status).toBe(0);
      const entry = JSON.parse(readFileSync(cacheFile, 'utf8'));
      writeFileSync(config, text);
      age(config);
      entry.format = 7;
      entry.stamps = stampFiles(SEARCH_PLACES.map((place) => join(repo.dir, place)));
      writeFileSync(cacheFile, JSON.stringify(entry));
      const run = status();
      expect(run.status, run.stdout).toBe(2);
      expect(run.stderr).toContain('.aitrailrc.yml: policy.paths[0].files[0]: found');
    });
  }
});
