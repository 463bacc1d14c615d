// Row 1002: the Action's range and config inputs were passed to `aitrail check` as words of their own: an input
// reading as an option (`range: --help`, `-h`, `--version`, `config: --help`) made check print its help or version and
// exit 0, and the step passed green having judged nothing. Replayed with scripts/action.sh as GitHub runs it
// (test/helpers/github-action.ts runAction) on a real bare origin, a pull request with a denied model's commit.
import { describe, expect, it } from 'vitest';
import { checkout, origin, prEvent, pullRequest, runAction } from '../helpers/github-action.js';

const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';

describe('the Action\'s inputs read as options (row 1002)', () => {
  it('range --help / --version and config --help never pass a pull request with a denied model', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [{ message: `feat: qwen\n\n${QWEN}\n`, files: { 'src/qwen.js': 'q\n' } }]);
    const runner = checkout(world, 'pull/1/merge', merge);
    for (const range of ['--help', '-h', '--version']) {
      const result = runAction(runner, prEvent(head, merge), { INPUT_RANGE: range, INPUT_CONFIG: '.aitrailrc.json' });
      expect(result.status, `${range}: ${result.stdout}`).toBe(2);
      expect(result.stdout).toContain(`::error title=aitrail::the range input (${range}) starts with '-'`);
    }
    const config = runAction(runner, prEvent(head, merge), { INPUT_RANGE: `${world.main}..${head}`, INPUT_CONFIG: '--help' });
    expect(config.status, config.stdout + config.stderr).not.toBe(0);
    expect(config.stdout).not.toContain('Judge commits against the AI model policy');
  }, 120_000);
});
