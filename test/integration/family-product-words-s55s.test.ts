// Session 55 helper s (row 1191): 1171's people rule (a family's word as a given name, every later word a surname's)
// read Moonshot's agent mode `Kimi OK Computer` (its published name) as a person, so `Assisted-by: Kimi OK Computer` read
// no AI and passed `deny: ["moonshotai/*"]` (before session 55 it read moonshotai/unknown). Found re-reading session 55's
// people rules with the built CLI; replayed with `log`, `check` and a real bare server with pre-receive. Now `OK` and
// `Computer` are product words after a family's word, as `Kimi Slides` is (row 1180); `Kimi Räikkönen` stays a person.
import { describe, it } from 'vitest';
import { expectEachPasses, expectEachRefusedNaming, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const OK = 'fix: a\n\nAssisted-by: Kimi OK Computer\n';
const PERSON = 'fix: p\n\nAssisted-by: Kimi Räikkönen\n';

describe('Kimi OK Computer is Moonshot\'s, not a person (row 1191)', () => {
  it('log reads it as Moonshot\'s; the person stays a person', () => {
    expectLog([
      [OK, ['unknown:moonshotai/unknown']],
      ['fix: b\n\nAssisted-by: Kimi Computer\n', ['unknown:moonshotai/unknown']],
      [PERSON, []],
    ]);
  }, 120_000);

  it('check and a real pre-receive refuse it under a deny of Moonshot and pass the person', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["moonshotai/*"]\n');
    expectEachRefusedNaming(remote, work, { ok: [OK, 'moonshotai/unknown'] });
    expectEachPasses(work, [PERSON]);
  }, 240_000);
});
