// Session 56 helper d (rows 1198, 1199): `Assisted-by: Kimi Räikkönen and Claude` read Claude (the agent) with Moonshot's model,
// the person's given name giving the vendor (claude-code:moonshotai/unknown), refused under a deny of `moonshotai/*`; and a GitHub
// user's handle of a family's word and a model's word (`Co-authored-by: kimi-max <123+kimi-max@users.noreply.github.com>`) read as
// Moonshot's unknown model, where `qwen-fan`, `claude-lover` and `Kimi Max` at the same address read as the person they are. Found
// from session 55's leftovers. Now the person credited beside an agent is no model (the rest reads as written alone), and a name
// its GitHub login spells at the user's no-reply address is that account's; without an address, or at another, `kimi-max` is
// still read as a model's name (row 1172).
import { describe, it } from 'vitest';
import { expectEachPasses, expectEachRefusedNaming, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const BESIDE = 'fix: a\n\nAssisted-by: Kimi Räikkönen and Claude\n';
const handle = (login: string): string => `fix: h\n\nCo-authored-by: ${login} <123+${login}@users.noreply.github.com>\n`;

describe('people beside agents and GitHub handles of a family\'s word', () => {
  it('log reads the person as no model, and a GitHub login as its account\'s; a model claim stays one', () => {
    expectLog([
      [BESIDE, ['claude-code:unknown']],
      ['fix: b\n\nAssisted-by: Kimi Räikkönen, Claude Opus 4.6\n', ['unknown:anthropic/claude-opus-4.6']],
      ['fix: c\n\nAssisted-by: Kimi Räikkönen and Kimi K2\n', ['unknown:moonshotai/kimi-k2']],
      ['fix: d\n\nAssisted-by: Kimi Räikkönen and Daniel Gustafsson\n', []],
      [handle('kimi-max'), []],
      [handle('qwen-fan'), []],
      [handle('claude-lover'), []],
      // Last re-read z2: a login of a vendor's word that is no family's (`gpt-max`, `deepseek-max`) read as the vendor's unknown model.
      [handle('gpt-max'), []],
      [handle('deepseek-max'), []],
      [handle('qwen3-coder'), ['unknown:qwen/qwen3-coder']],
      ['fix: e\n\nCo-authored-by: kimi-max <kimi-max@users.noreply.github.com>\n', []],
      ['fix: f\n\nAssisted-by: kimi-max\n', ['unknown:moonshotai/unknown']],
      ['fix: g\n\nCo-authored-by: kimi-max <pat@example.com>\n', ['unknown:moonshotai/unknown']],
      ['fix: i\n\nCo-authored-by: kimi-fast-latest <9+someone@users.noreply.github.com>\n', ['unknown:moonshotai/unknown']],
    ]);
  }, 120_000);

  it('check and a real pre-receive pass the person beside Claude under a deny of Moonshot only, and the GitHub handle', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["moonshotai/*"]\n');
    expectEachPasses(work, [BESIDE, handle('kimi-max')]);
    expectEachRefusedNaming(remote, work, { claim: ['fix: f\n\nAssisted-by: kimi-max\n', 'moonshotai/unknown'] });
  }, 240_000);
});
