// aider's architect mode writes the code with its editor model (the editor coder runs with
// `main_model=editor_model` and makes the commit): `--editor-model`, `AIDER_EDITOR_MODEL` and
// `editor-model:` of `.aider.conf.yml` are recorded beside the main model, whatever the mode.
import { describe, expect, it } from 'vitest';
import { argvPlace } from '../helpers/argv-place.js';
import { ancestorModel, argparseValues } from '../../src/agent-settings/command-line.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { quote } from '../../src/core/detect/found.js';

const editorOf = (argv: string[]) => ancestorModel('aider', [argv], quote)?.editorModel;

describe("aider's editor model on its command line", () => {
  it('reads --editor-model V, =V and the abbreviations argparse takes (down to --editor-m), the last given', () => {
    expect(editorOf(['aider', '--architect', '--model', 'o3', '--editor-model', 'openrouter/qwen/qwen3-coder'])).toEqual({
      model: 'openrouter/qwen/qwen3-coder',
      evidence: 'argv aider --editor-model="openrouter/qwen/qwen3-coder"',
    });
    expect(editorOf(['aider', '--editor-mod=qwen3-coder'])?.model).toBe('qwen3-coder');
    expect(editorOf(['aider', '--editor-m', 'a', '--editor-model=b'])?.model).toBe('b');
    expect(ancestorModel('aider', [['aider', '--editor-model', 'qwen3-coder']], quote)?.models).toEqual([]);
  });

  it('reads no other option, and nothing after --', () => {
    expect(editorOf(['aider', '--editor', 'vim', '--editor-edit-format', 'diff', '--edit-format', 'architect'])).toBeUndefined();
    expect(editorOf(['aider', '--weak-model', 'qwen3-coder', '-m', '--editor-model'])).toBeUndefined();
    expect(editorOf(['aider', '--', '--editor-model', 'qwen3-coder'])).toBeUndefined();
    expect(argparseValues(['--editor-', 'x', '--editor-modelx', 'y', '--editor-model'], 'editor-model', 'editor-m')).toEqual([]);
  });
});

describe("aider's editor model in its settings", () => {
  const conf = 'model: gpt-5\neditor-model: openrouter/qwen/qwen3-coder\n';

  it('is recorded beside --model: the command line, else AIDER_EDITOR_MODEL, else .aider.conf.yml', async () => {
    const fromConf = await readAgentSettings(['aider'], argvPlace({ 'home/.aider.conf.yml': conf }, {}, [['aider', '--model', 'o3']]));
    expect(fromConf.aider).toMatchObject({ model: 'o3', also: [{ model: 'openrouter/qwen/qwen3-coder', evidence: 'settings ~/.aider.conf.yml editor-model="openrouter/qwen/qwen3-coder"', overriddenBy: [] }] });

    const fromEnv = await readAgentSettings(['aider'], argvPlace({ 'home/.aider.conf.yml': conf }, { AIDER_EDITOR_MODEL: 'deepseek-chat' }, [['aider']]));
    expect(fromEnv.aider).toMatchObject({ model: 'gpt-5', also: [{ model: 'deepseek-chat', evidence: 'env AIDER_EDITOR_MODEL="deepseek-chat"' }] });

    const fromArgv = await readAgentSettings(['aider'], argvPlace({ 'home/.aider.conf.yml': conf }, { AIDER_EDITOR_MODEL: 'deepseek-chat' }, [['aider', '--editor-model', 'qwen3-coder']]));
    expect(fromArgv.aider).toMatchObject({ model: 'gpt-5', also: [{ model: 'qwen3-coder', evidence: 'argv aider --editor-model="qwen3-coder"' }] });
  });

  it("reads each file for it on its own (the repository's before home), the `--editor-model` key too, and an editor model alone", async () => {
    const split = await readAgentSettings(['aider'], argvPlace({ 'root/.aider.conf.yml': 'model: gpt-5\n', 'home/.aider.conf.yml': '--editor-model: qwen3-coder\n' }, {}, []));
    expect(split.aider).toMatchObject({ model: 'gpt-5', also: [{ model: 'qwen3-coder', evidence: 'settings ~/.aider.conf.yml --editor-model="qwen3-coder"' }] });

    const alone = await readAgentSettings(['aider'], argvPlace({}, { AIDER_EDITOR_MODEL: 'qwen3-coder' }, []));
    expect(alone.aider).toEqual({ model: '', evidence: '', also: [{ model: 'qwen3-coder', evidence: 'env AIDER_EDITOR_MODEL="qwen3-coder"', overriddenBy: [] }] });
  });

  it('.aider.model.settings.yml: the editor_model_name of the entry named as the main model, the repository\'s before home, given ones first', async () => {
    const settings = '- name: o3\n  editor_model_name: openrouter/qwen/qwen3-coder\n- name: gpt-5\n  editor_model_name: deepseek-chat\n';
    const found = await readAgentSettings(['aider'], argvPlace({ 'home/.aider.model.settings.yml': settings }, {}, [['aider', '--model', 'o3']]));
    expect(found.aider?.also).toEqual([{ model: 'openrouter/qwen/qwen3-coder', evidence: 'settings ~/.aider.model.settings.yml name="o3" editor_model_name="openrouter/qwen/qwen3-coder"', overriddenBy: [] }]);

    const hidden = await readAgentSettings(['aider'], argvPlace({ 'home/.aider.model.settings.yml': settings, 'root/.aider.model.settings.yml': '- name: o3\n  edit_format: diff\n' }, {}, [['aider', '--model', 'o3']]));
    expect(hidden.aider?.also).toBeUndefined();
    const given = await readAgentSettings(['aider'], argvPlace({ 'home/.aider.model.settings.yml': settings }, { AIDER_EDITOR_MODEL: 'gpt-4.1' }, [['aider', '--model', 'o3']]));
    expect(given.aider?.also?.map((also) => also.model)).toEqual(['gpt-4.1']);
    const other = await readAgentSettings(['aider'], argvPlace({ 'home/.aider.model.settings.yml': settings }, {}, [['aider', '--model', 'claude-sonnet-4-5']]));
    expect(other.aider?.also).toBeUndefined();
  });

  it('does not read the weak model (commit messages and summaries)', async () => {
    const weak = await readAgentSettings(['aider'], argvPlace({ 'home/.aider.conf.yml': 'model: gpt-5\nweak-model: qwen3-coder\n' }, { AIDER_WEAK_MODEL: 'qwen3-coder' }, [['aider', '--weak-model', 'qwen3-coder']]));
    expect(weak.aider).toEqual({ model: 'gpt-5', evidence: 'settings ~/.aider.conf.yml model="gpt-5"' });
  });
});
