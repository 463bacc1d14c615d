// A declaration written as a nested list item, as pull request templates nest the tool's name under
// a ticked disclosure (BeeWare's `- [x] This PR was generated or assisted using an AI tool` over
// `  - Assisted-by: Jules`), kept in the body by a squash merge: `- Assisted-by: Jules` at the list's
// top was read, the same item indented under another was not. `aitrail log`, `aitrail check` under a
// deny, and the commit-msg hook `aitrail init` installs.
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

const CHECKLIST = 'Add the security review (#6)\n\n## PR Checklist:\n\n- [x] I will abide by the BeeWare Code of Conduct\n- [x] I have read and have followed the **CONTRIBUTING.md** file\n- [x] This PR was generated or assisted using an AI tool\n';

const CASES: Case[] = [
  [`${CHECKLIST}  - Assisted-by: Jules\n`, ['jules:google/unknown']], // Jules runs only Gemini (row 944)
  [`${CHECKLIST}    * Assisted-by: qwen3-coder\n`, ['unknown:qwen/qwen3-coder']],
  [`${CHECKLIST}\t1. Assisted-by: Claude Opus 4.6\n`, ['unknown:anthropic/claude-opus-4.6']],
  // As at the list's top: an unticked item, a person, words that are no declaration, and no bullet at 4 spaces (a code block).
  [`${CHECKLIST.replace('- [x] This PR', '- [ ] This PR')}  - [ ] Assisted-by: qwen3-coder\n`, []],
  ['Fix the parser\n\n- Reviewers\n  - Assisted-by: Daniel Gustafsson\n', []],
  ['docs: changelog for 2.1\n\n- Trailers\n  - Assisted-by: trailers are now read in the trailer block only\n', []],
  ['docs: show the trailer\n\n    Assisted-by: qwen3-coder\n', []],
];

describe('a declaration as a nested list item', () => {
  it('log reads it as the same item at the top of the list is read', () => {
    expectLog(CASES);
  });

  it('check refuses it under a deny of the model', () => {
    const { refused, shas } = refusedBy('policy:\n  deny: ["qwen/*"]\n', [CASES[1]![0]]);
    expect(refused).toEqual(shas);
  });

  it('the commit-msg hook refuses it under a deny of the model', () => {
    const { repo, env } = hookedRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { AITRAIL: '0' });
    repo.write('nested.c', 'nested\n');
    repo.git(['add', '-A']);
    const attempt = tryGit(repo.dir, ['commit', '-q', '-F', '-'], { input: CASES[1]![0], env });
    expect(attempt.code, attempt.stderr).toBe(1);
    expect(attempt.stderr).toContain('qwen/qwen3-coder');
  });
});
