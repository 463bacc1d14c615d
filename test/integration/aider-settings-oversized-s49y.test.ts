// Row 938: aider reads its `.aider.model.settings.yml` and `.aider.conf.yml` whole, whatever their size (PyYAML's
// `safe_load`, configargparse), but the hooks read no settings file past 1 MiB (row 72's bound) and read one past it as
// no file: a comment padding the file past the bound hid its `extra_params.api_base` at a server on this machine (row
// 911), and the commit was recorded `aider:openai/gpt-4o`, passing `unknownModel: deny`. Now such a file makes the
// model aider runs `unknown`, whichever file it is (the person's, the repository's, aider's configuration). Run by an
// executable named `aider` through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { agentRun, STRICT } from '../helpers/local-gateway.js';

const PAD = `# ${'x'.repeat(1024 * 1024)}\n`;
const LOCAL = '- name: gpt-4o\n  extra_params:\n    api_base: http://localhost:3000/v1\n';

describe("aider's settings files past the bound the hooks read (row 938)", () => {
  it('a padded model settings file (home or committed) or configuration: aider:unknown, refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const home = agentRun(repo, 'aider', [], {}, { '.aider.conf.yml': 'model: gpt-4o\n', '.aider.model.settings.yml': LOCAL + PAD });
    expect(home.status, home.stderr).not.toBe(0);
    expect(home.stderr).toContain('.aider.model.settings.yml (over 1 MiB, not read');
    expect(home.stderr).not.toMatch(/model: openai\//);
    // The command line's model is not what runs either.
    const argv = agentRun(repo, 'aider', ['--model', 'gpt-4o'], {}, { '.aider.model.settings.yml': LOCAL + PAD });
    expect(argv.status, argv.stderr).not.toBe(0);
    expect(argv.stderr).toContain('over 1 MiB, not read');
    const conf = agentRun(repo, 'aider', [], {}, { '.aider.conf.yml': `model: gpt-4o\nopenai-api-base: http://localhost:4000\n${PAD}` });
    expect(conf.status, conf.stderr).not.toBe(0);
    expect(conf.stderr).toContain('.aider.conf.yml (over 1 MiB, not read');
    const committed = hooked(STRICT, { '.aider.model.settings.yml': LOCAL + PAD });
    const result = agentRun(committed, 'aider', [], {}, { '.aider.conf.yml': 'model: gpt-4o\n' });
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('over 1 MiB, not read');
  });

  it('careless truth: recorded aider:unknown where unknown models are allowed; a file under the bound read as before', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const padded = agentRun(repo, 'aider', [], {}, { '.aider.conf.yml': 'model: gpt-4o\n', '.aider.model.settings.yml': LOCAL + PAD });
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toContain('Assisted-by: aider:unknown');
    expect(padded.message).not.toContain('openai/gpt-4o');
    const small = agentRun(repo, 'aider', [], {}, { '.aider.conf.yml': 'model: gpt-4o\n', '.aider.model.settings.yml': `- name: gpt-4o\n  edit_format: diff\n# ${'x'.repeat(1000)}\n` });
    expect(small.status, small.stderr).toBe(0);
    expect(small.message).toContain('Assisted-by: aider:openai/gpt-4o');
  });
});
