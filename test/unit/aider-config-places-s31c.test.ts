// aider's model from places the hooks did not read: `-c`/`--config`, the working directory's
// `.aider.conf.yml`, `--model-settings-file`, `--alias`, and the deprecated switches set as a variable
// or in a file; read as configargparse and aider read them.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argvPlace } from '../helpers/argv-place.js';
import { aiderModel } from '../../src/agent-settings/aider.js';
import { ancestorModel, argparseValues, type AncestorProcess, type CommandLineModel } from '../../src/agent-settings/command-line.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { quote } from '../../src/core/detect/found.js';

const QWEN = 'openrouter/qwen/qwen3-coder';
const cliOf = (argv: string[]) => ancestorModel('aider', [argv], quote);

describe("aider's command line: its config file, settings file and aliases", () => {
  it('reads -c V, -cV, -c=V, --config V, --conf=V (the last given), --model-settings-file and --alias', () => {
    expect(cliOf(['aider', '-c', 'a.yml'])?.configFile).toBe('a.yml');
    expect(cliOf(['aider', '-ca.yml'])?.configFile).toBe('a.yml');
    expect(cliOf(['aider', '-c=a.yml'])?.configFile).toBe('a.yml');
    expect(cliOf(['aider', '--config', 'a.yml', '--conf=b.yml'])?.configFile).toBe('b.yml');
    expect(cliOf(['aider', '--model-settings-file', 'ms.yml'])?.modelSettingsFile).toBe('ms.yml');
    expect(cliOf(['aider', '--model-se=ms.yml'])?.modelSettingsFile).toBe('ms.yml');
    expect(cliOf(['aider', '--alias', 'q:qwen3-coder', '--alias=f:gpt-5'])?.aliases).toEqual(['q:qwen3-coder', 'f:gpt-5']);
  });

  it('reads no other option, nothing after --, and no path with a NUL or past PATH_MAX', () => {
    expect(cliOf(['aider', '--code-theme', 'x', '--model-metadata-file', 'm.json', '--', '-c', 'a.yml'])).toBeNull();
    expect(cliOf(['aider', '-c', `a\0b`])).toBeNull();
    expect(cliOf(['aider', '-c', 'x'.repeat(5000)])).toBeNull();
    expect(argparseValues(['--co', 'a', '-c'], 'config', 'c', 'c')).toEqual(['a']);
  });

  it("keeps aider's working directory, also when its flags name nothing", () => {
    const ancestor: AncestorProcess = { argv: ['python3', '/usr/bin/aider'], cwd: () => '/work/repo/pkg' };
    expect(ancestorModel('aider', [ancestor], quote)).toEqual({ models: [], evidence: [], cwd: '/work/repo/pkg' });
    expect(ancestorModel('aider', [{ argv: ['git', 'commit'], cwd: () => '/x' }], quote)).toBeNull();
  });
});

describe("aider's model from its config files", () => {
  const cli = (fields: Partial<CommandLineModel>): CommandLineModel => ({ models: [], evidence: [], ...fields });

  it('the --config file comes before the working directory\'s, the git root\'s and home\'s; AIDER_MODEL before all', async () => {
    const place = argvPlace(
      { 'root/conf/q.yml': `model: ${QWEN}\n`, 'root/pkg/.aider.conf.yml': 'model: gpt-5\n', 'root/.aider.conf.yml': 'model: o3\n' },
      {},
      [],
    );
    const cwd = join(place.root, 'pkg');
    expect(await aiderModel(place, cli({ configFile: '../conf/q.yml', cwd }))).toEqual({ model: QWEN, evidence: `settings argv aider --config="../conf/q.yml" model="${QWEN}"` });
    expect(await aiderModel(place, cli({ cwd }))).toEqual({ model: 'gpt-5', evidence: 'settings "pkg/.aider.conf.yml" model="gpt-5"' });
    expect((await aiderModel(place, cli({ cwd: place.root })))?.model).toBe('o3');
    expect((await aiderModel(place, null))?.model).toBe('o3');
    expect((await aiderModel({ ...place, env: { ...place.env, AIDER_MODEL: 'gpt-4o' } }, cli({ configFile: 'conf/q.yml' })))?.model).toBe('gpt-4o');
  });

  it("follows the working directory's link out of the work tree as aider does (788), never reads a ~user path", async () => {
    const place = argvPlace({ 'home/q.yml': `model: ${QWEN}\n`, 'root/.aider.conf.yml': 'model: o3\n' }, {}, []);
    mkdirSync(join(place.root, 'pkg'));
    symlinkSync(join(place.home, 'q.yml'), join(place.root, 'pkg/.aider.conf.yml'));
    expect((await aiderModel(place, cli({ cwd: join(place.root, 'pkg') })))?.model).toBe(QWEN);
    expect((await aiderModel(place, cli({ configFile: '~root/q.yml' })))?.model).toBe('o3');
    expect((await aiderModel(place, cli({ configFile: '~/q.yml' })))?.model).toBe(QWEN);
  });

  it("reads the --model-settings-file's (or AIDER_MODEL_SETTINGS_FILE's) editor_model_name before the default files'", async () => {
    const files = { 'root/ms.yml': `- name: o3\n  editor_model_name: ${QWEN}\n`, 'root/.aider.model.settings.yml': '- name: o3\n  editor_model_name: gpt-4.1\n' };
    const byFlag = await aiderModel(argvPlace(files, {}, []), cli({ models: ['o3'], evidence: ['argv aider --model="o3"'], modelSettingsFile: 'ms.yml' }));
    expect(byFlag?.also).toEqual([{ model: QWEN, evidence: `settings argv aider --model-settings-file="ms.yml" name="o3" editor_model_name="${QWEN}"`, overriddenBy: [] }]);
    const byEnv = await readAgentSettings(['aider'], argvPlace(files, { AIDER_MODEL: 'o3', AIDER_MODEL_SETTINGS_FILE: 'ms.yml' }, []));
    expect(byEnv.aider?.also?.[0]?.model).toBe(QWEN);
    const byDefault = await readAgentSettings(['aider'], argvPlace(files, { AIDER_MODEL: 'o3' }, []));
    expect(byDefault.aider?.also?.[0]?.model).toBe('gpt-4.1');
  });

  it('an --alias (else AIDER_ALIAS, else alias: of a file) names the model --model, AIDER_MODEL or model: stands for', async () => {
    const byFlag = await readAgentSettings(['aider'], argvPlace({}, {}, [['aider', '--alias', `q:${QWEN}`, '--model', 'q']]));
    expect(byFlag.aider).toMatchObject({ model: 'q', also: [{ model: QWEN, evidence: `argv aider --model="q" argv aider --alias "q"="${QWEN}"` }] });
    const byEnv = await readAgentSettings(['aider'], argvPlace({}, { AIDER_ALIAS: `[x:y, q:${QWEN}]`, AIDER_MODEL: 'q' }, []));
    expect(byEnv.aider).toMatchObject({ model: QWEN, evidence: `env AIDER_MODEL="q" env AIDER_ALIAS "q"="${QWEN}"` });
    const byConf = await readAgentSettings(['aider'], argvPlace({ 'root/.aider.conf.yml': `model: q\nalias: "q:${QWEN}"\n` }, {}, []));
    expect(byConf.aider?.model).toBe(QWEN);
    const editor = await readAgentSettings(['aider'], argvPlace({}, { AIDER_ALIAS: `e:${QWEN}`, AIDER_EDITOR_MODEL: 'e' }, []));
    expect(editor.aider?.also?.[0]?.model).toBe(QWEN);
  });

  it('a deprecated switch from a variable or a file sets the model over model: and beside --model; false sets nothing', async () => {
    const byEnv = await readAgentSettings(['aider'], argvPlace({ 'root/.aider.conf.yml': 'model: o3\n' }, { AIDER_DEEPSEEK: '1' }, []));
    expect(byEnv.aider).toMatchObject({ model: 'deepseek/deepseek-chat', evidence: 'env AIDER_DEEPSEEK="1"' });
    const byConf = await readAgentSettings(['aider'], argvPlace({ 'home/.aider.conf.yml': '35-turbo: true\n' }, {}, [['aider', '--model', 'o3']]));
    expect(byConf.aider).toMatchObject({ model: 'o3', also: [{ model: 'gpt-3.5-turbo', evidence: 'settings ~/.aider.conf.yml 35-turbo=true' }] });
    const off = await readAgentSettings(['aider'], argvPlace({ 'root/.aider.conf.yml': 'model: o3\nsonnet: false\n' }, { AIDER_OPUS: 'false' }, []));
    expect(off.aider).toMatchObject({ model: 'o3' });
    expect(off.aider?.also).toBeUndefined();
  });
});
