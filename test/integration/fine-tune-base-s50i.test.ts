// Session 50 helper i: review of helper f's detection changes (rows 946..949).
// row 958: row 948 read a fine-tune's whole id (`ft:<base>:<owner>:<suffix>:<id>`) as its base alone, and a base
//   of no model the catalog knows (OpenAI's own `davinci-002`, `babbage-002`, a made-up word) then named nothing: the
//   commit that declared `AI-Model: ft:davinci-002:personal::abc` read as a person's in `log`, and `check`, pre-receive
//   and the commit-msg hook passed it where `unknownModel: deny` refuses an unknown model
//   (before row 948 it read `unknown:unknown`, or the suffix's vendor). Fails without the fix.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectLog } from '../helpers/log-cases.js';

const DAVINCI = 'feat: a\n\nAI-Model: ft:davinci-002:personal::7qn4BCMz\n';
const BABBAGE = 'feat: b\n\nAssisted-by: ft:babbage-002:acme:support-bot:9abc\n';
const MADE_UP = 'feat: c\n\nAI-Model: ft:x:acme:qwen3-coder:abc\n';

describe("a fine-tune of a base the catalog does not know is an unknown model, never no AI (row 958)", () => {
  it('reads unknown:unknown in log; a known base and a person stay as before', () => {
    expectLog([
      [DAVINCI, ['unknown:unknown']],
      [BABBAGE, ['unknown:unknown']],
      [MADE_UP, ['unknown:unknown']],
      ['feat: d\n\nAI-Model: ft:none:acme:x:abc\n', ['unknown:unknown']],
      // Row 948 as it was: a known base alone; the owner's suffix names no model.
      ['feat: e\n\nAI-Model: ft:gpt-4o-mini:acme:qwen:abc\n', ['unknown:openai/gpt-4o-mini']],
      ['feat: f\n\nAI-Model: none\n', []],
    ]);
  });

  it('is refused under unknownModel: deny by check, pre-receive and the commit-msg hook; passes a deny of another vendor', () => {
    const denied = policyServer('policy:\n  unknownModel: deny\n');
    expectEachRefused(denied.remote, denied.work, { davinci: DAVINCI, babbage: BABBAGE, madeUp: MADE_UP }, (found, name) => expect([...new Set(found)], name).toEqual(['unknown']));
    const refused = agentCommit(hooked('policy:\n  unknownModel: deny\n'), hookEnv({}), DAVINCI);
    expect(refused.status, refused.stderr).not.toBe(0);
    expect(refused.stderr).toMatch(/unknown-model/);
    const qwenDenied = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachPasses(qwenDenied.work, [DAVINCI]);
  }, 180_000);
});
