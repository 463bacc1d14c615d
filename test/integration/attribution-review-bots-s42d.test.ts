// AI review and fix bots that had no signature: Sentry's Codecov AI (opens pull requests of
// generated tests as `codecov-ai[bot]`), Corgea (vulnerability fixes), Jazzberry, Mesa and
// Macroscope under the login agents' review loops poll (`macroscope-app[bot]`), Kodus (`kody-ai[bot]`), as author of a commit
// or as co-author of a suggestion committed from the pull request page: read as a person's.
import { describe, it } from 'vitest';
import { type Case, expectLog } from '../helpers/log-cases.js';

const bot = (login: string, id: number) => ({ name: login, email: `${id}+${login}@users.noreply.github.com` });
const coAuthored = (login: string, id: number) => `Update src/app.py\n\nCo-authored-by: ${login} <${id}+${login}@users.noreply.github.com>\n`;

const BOTS: Case[] = [
  ['Add Tests for PR#123\n', ['codecov-ai:unknown'], bot('codecov-ai[bot]', 156709835)],
  ['Fix the SQL injection in the search handler\n', ['corgea:unknown'], bot('corgea[bot]', 152934588)],
  [coAuthored('corgea[bot]', 152934588), ['corgea:unknown']],
  [coAuthored('jazzberry-ai[bot]', 209297164), ['jazzberry:unknown']],
  [coAuthored('mesa-dot-dev[bot]', 187716431), ['mesa-dot-dev:unknown']],
  [coAuthored('macroscope-app[bot]', 170000001), ['macroscope:unknown']],
  [coAuthored('macroscopeapp[bot]', 170000001), ['macroscope:unknown']],
  [coAuthored('kody-ai[bot]', 148880201), ['kodus:unknown']],
  // Not the bots: Codecov's coverage bot, Mesa the graphics library named among a kernel commit's tools, people.
  ['Update the coverage config\n', [], bot('codecov[bot]', 22429695)],
  ['drm/amd: fix the fence\n\nAssisted-by: Claude:claude-opus-4-7 mesa\n', ['claude-code:anthropic/claude-opus-4.7']],
  ['gallium: build against mesa 24.1\n', [], { name: 'Mesa Dev', email: 'mesa-dev@lists.freedesktop.org' }],
];

describe('AI review and fix bots as author or co-author', () => {
  it('log reads each bot as its agent and leaves the rest as they were', () => {
    expectLog(BOTS);
  });
});
