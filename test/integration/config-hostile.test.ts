import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { makeRepo } from '../helpers/gitdir.js';
import { aitrail } from '../helpers/cli.js';

const QWEN = 'feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('a hostile repository: config files', () => {
  it('refuses a JSON config whose duplicated key hides behind text YAML cannot read (a reviewer reads the first "policy", JSON.parse keeps the last)', async () => {
    // js-yaml stops at 100 levels of nesting: the old duplicate check gave up there, silently.
    const deep = `${'['.repeat(101)}${']'.repeat(101)}`;
    const config = `{\n  "policy": { "deny": ["qwen/*"] },\n  "blame": { "exclude": ${deep}, "exclude": ["dist/**"] },\n  "policy": {}\n}\n`;
    const repo = makeRepo();
    repo.commit('config', { '.aitrailrc.json': config });
    repo.commit(QWEN, { 'src/a.ts': 'x\n' });
    const checked = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('.aitrailrc.json: found a duplicated key "exclude" at line 3');
    const error = await loadConfig(repo.dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('duplicated key');
    // The same in package.json's "aitrail" key, and a key spelled with an escape ("\u0070olicy").
    const spelled = makeRepo();
    spelled.write('package.json', `{"name": "x", "config": {"matrix": ${deep}}, "aitrail": {"policy": {"deny": ["qwen/*"]}, "\\u0070olicy": {}}}`);
    expect(((await loadConfig(spelled.dir).catch((caught: unknown) => caught)) as ConfigError).message).toContain('duplicated key "policy"');
  });
});
