// Devin declared at its vendor's no-reply mailbox, as projects' commit guides print it
// (`Assisted-by: Devin <noreply@cognition.ai>` beside `Claude Code <noreply@anthropic.com>` and
// `Cursor <noreply@cursor.com>`): `Devin` is also a given name, so a one-word `Devin` at a no-reply
// address read as a person. `aitrail log`, and `aitrail check` under `unknownModel: deny`.
import { describe, expect, it } from 'vitest';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

const CASES: Case[] = [
  ['fix(can): bound the frame length\n\nAssisted-by: Devin <noreply@cognition.ai>\n', ['devin:unknown']],
  ['fix(can): bound the frame length\n\nCo-authored-by: Devin AI <no-reply@cognition.ai>\n', ['devin:unknown']],
  ['fix(can): bound the frame length\n', ['devin:unknown'], { name: 'Devin', email: 'noreply@cognition.ai' }],
  // A person named Devin stays a person at that mailbox.
  ['fix(can): bound the frame length\n\nCo-authored-by: Devin Booker <noreply@cognition.ai>\n', []],
];

describe("Devin at Cognition's no-reply mailbox", () => {
  it('log reads it as Devin and a person named Devin as a person', () => {
    expectLog(CASES);
  });

  it('check refuses it under unknownModel: deny (AI, its model not named)', () => {
    const { refused, shas } = refusedBy('policy:\n  unknownModel: deny\n', [CASES[0]![0]]);
    expect(refused).toEqual(shas);
  });
});
