import { describe, expect, it } from 'vitest';
import { misnamedConfigs, SEARCH_PLACES } from '../../src/config/search-places.js';

describe('misnamedConfigs: root files meant as the config under a name aitrail does not read', () => {
  it('names the likely mistakes, each with the name to give it', () => {
    const found = misnamedConfigs(['.aitrail.yml', 'aitrail.yaml', '.AITRAILRC.yml', 'aitrail.config.json5', 'aitrail-config.yml', '.aitrailrc.toml', 'aitrailrc', '.aitrailrc.mjs', 'AITRAIL.CONFIG.JSON']);
    expect(Object.fromEntries(found.map(({ name, hint }) => [name, hint]))).toEqual({
      '.AITRAILRC.yml': 'not a name aitrail reads: rename it .aitrailrc.yml',
      '.aitrail.yml': 'not a name aitrail reads: rename it .aitrailrc.yml',
      '.aitrailrc.mjs': 'aitrail never runs code from a repository, so it reads no JavaScript/TypeScript config: write the same settings as .aitrailrc.yml or .aitrailrc.json',
      '.aitrailrc.toml': 'not a format aitrail reads: write the same settings as .aitrailrc.yml (YAML) or .aitrailrc.json',
      'AITRAIL.CONFIG.JSON': 'not a name aitrail reads: rename it .aitrailrc.json',
      'aitrail-config.yml': 'not a name aitrail reads: rename it .aitrailrc.yml',
      'aitrail.config.json5': 'not a format aitrail reads: write the same settings as .aitrailrc.yml (YAML) or .aitrailrc.json',
      'aitrail.yaml': 'not a name aitrail reads: rename it .aitrailrc.yaml',
      aitrailrc: 'not a name aitrail reads: rename it .aitrailrc',
    });
  });

  it('never names a search place, nor a file that is no config', () => {
    expect(misnamedConfigs([...SEARCH_PLACES, 'aitrail.js', 'aitrail.md', 'aitrail.sh', '.aitrail', 'aitrail', 'aitrailer.yml', 'my-aitrail.yml', 'aitrail.lock', 'aitrail.json', 'README.md', '.aitrailrc.yml.bak'])).toEqual([]);
  });
});
