import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectLog, HUMAN, type Case } from '../helpers/log-cases.js';

/**
 * Row 256: an agent's own address as people and tools spell it on a co-author line. git reads each of
 * these lines as a trailer (`git interpret-trailers --parse` keeps the value as written); the address in
 * it is the agent's: a `mailto:` link's, a domain with the root's dot, HTML-escaped brackets, an address
 * followed by a note or by a second address (git's own ident reading takes the first `<…>`).
 */
const ADDRESSES: Case[] = [
  ['mailto address\n\nCo-authored-by: Claude <mailto:noreply@anthropic.com>\n', ['claude-code:unknown']],
  ['mailto, upper case\n\nCo-authored-by: Codex <MAILTO:noreply@openai.com>\n', ['codex:unknown']],
  ['mailto on a GitHub bot address\n\nCo-authored-by: Copilot <mailto:175728472+Copilot@users.noreply.github.com>\n', ['copilot:unknown']],
  ['trailing dot on the domain\n\nCo-authored-by: Cursor <cursoragent@cursor.com.>\n', ['cursor:unknown']],
  ['trailing dot, aider keeps its model\n\nCo-authored-by: aider (gpt-4o) <aider@aider.chat.>\n', ['aider:openai/gpt-4o']],
  ['trailing dot, Amp\n\nCo-authored-by: Amp <amp@ampcode.com.>\n', ['amp:unknown']],
  ['quoted address\n\nCo-authored-by: Junie <"junie@jetbrains.com">\n', ['junie:unknown']],
  ['HTML-escaped brackets\n\nCo-authored-by: Claude Opus 4.6 &lt;noreply@anthropic.com&gt;\n', ['claude-code:anthropic/claude-opus-4.6']],
  ['a note after the address\n\nCo-authored-by: Claude <noreply@anthropic.com> (Opus 4.5)\n', ['claude-code:anthropic/claude-opus-4.5']],
  ['a second address after the agent address\n\nCo-authored-by: Claude <noreply@anthropic.com> <ada@example.com>\n', ['claude-code:unknown']],
  ['text after the address\n\nCo-authored-by: Cursor <cursoragent@cursor.com>; pairing\n', ['cursor:unknown']],
  // Already read before (kept): quoted display names, upper-case addresses, no space before `<`, extra spaces.
  ['quoted display name\n\nCo-authored-by: "Claude" <noreply@anthropic.com>\n', ['claude-code:unknown']],
  ['upper-case address, no space before the bracket\n\nCo-authored-by: "Cursor"<CURSORAGENT@CURSOR.COM>\n', ['cursor:unknown']],
  ['extra spaces\n\nCo-authored-by:   Claude    Opus 4.5   <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.5']],
  // People stay people, however their address is spelled.
  ['a person, mailto\n\nCo-authored-by: Jane Roe <mailto:jane.roe@example.com>\n', []],
  ['a person named Claude, trailing dot\n\nCo-authored-by: Claude Paroz <claude@2xlibre.net.>\n', []],
  ['a person, HTML-escaped\n\nCo-authored-by: Claude Monet &lt;claude@monet.example&gt;\n', []],
  ['a person, a note after\n\nCo-authored-by: Jane Roe <jane.roe@example.com> (pairing)\n', []],
  ['a person first, a vendor employee second\n\nCo-authored-by: Jane Roe <jane.roe@example.com> <paul@aider.chat>\n', []],
];

/**
 * Row 257: a mark before a signature line. git does not read `🤖 Co-Authored-By: …` as a trailer (its key
 * starts with the emoji), so aitrail's `trailers` stay empty, but the line shows Claude Code's co-author
 * and a person reads it so; the same for another emoji before an agent's footer, and for the robot as a
 * tool that read UTF-8 as Windows-1252 shows it (`ðŸ¤–`, in pull request bodies a squash merge keeps).
 */
const MARKS: Case[] = [
  ['emoji before the co-author key\n\nDone.\n\n🤖 Co-Authored-By: Claude <noreply@anthropic.com>\n', ['claude-code:unknown']],
  ['emoji, no space\n\n🤖Co-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-sonnet-4.5']],
  ['emoji with a variation selector\n\n✍️ Co-authored-by: Cursor <cursoragent@cursor.com>\n', ['cursor:unknown']],
  ['emoji after a bullet\n\n- 🤖 Co-Authored-By: Codex <noreply@openai.com>\n', ['codex:unknown']],
  ['emoji before Made-with\n\n🛠️ Made-with: Cursor\n', ['cursor:unknown']],
  ['emoji before a declaration\n\n🤖 Assisted-by: claude-code:anthropic/claude-opus-4.6\n', ['claude-code:anthropic/claude-opus-4.6']],
  ['another emoji before the footer\n\n✨ Generated with [Claude Code](https://claude.com/claude-code)\n', ['claude-code:unknown']],
  ['sparkles before the plain footer\n\n✨ Generated with Claude Code\n', ['claude-code:unknown']],
  ['mojibake robot before the footer\n\nðŸ¤– Generated with [Claude Code](https://claude.com/claude-code)\n', ['claude-code:unknown']],
  ['mojibake robot, plain Codex footer\n\nðŸ¤– Generated with Codex\n', ['codex:unknown']],
  // A person's line with a mark is still a person's; a mark never makes prose a declaration.
  ['a person with an emoji\n\nPairing.\n\n👥 Co-authored-by: Jane Roe <jane.roe@example.com>\n', []],
  ['a person signing off with an emoji\n\n👤 Signed-off-by: Claude Dupont <claude.dupont@example.fr>\n', []],
  ['prose after an emoji\n\n✨ Note: we tried Claude for this and dropped it.\n', []],
  ['quoted and commented lines stay quotes and comments\n\n> Co-authored-by: Claude <noreply@anthropic.com>\n', []],
];

/** Row 258: Mastra Code's co-author since mastra-ai/mastra pull request #23418 (its platform bot's account). */
const ACCOUNTS: Case[] = [
  ['Mastra Code, new default\n\nCo-Authored-By: mastra-platform[bot] <284800079+mastra-platform[bot]@users.noreply.github.com>\n', ['mastra-code:unknown']],
  ['Mastra Code, older default\n\nCo-Authored-By: Mastra Code <noreply@mastra.ai>\n', ['mastra-code:unknown']],
];

describe('row 249: an agent address as it is spelled on a co-author line', () => {
  it('log reads the agent behind mailto:, a trailing dot, escaped brackets and text after the address; people stay people', () => {
    expectLog(ADDRESSES);
  });

  it('log --format json keeps the trailers exactly as git reads them', () => {
    const repo = makeRepo();
    const message = 'x\n\nCo-authored-by: Claude <mailto:noreply@anthropic.com>\n';
    const sha = repo.commit(message, { 'a.txt': 'a\n' }, HUMAN);
    const parsed = repo.git(['interpret-trailers', '--parse', '--no-divider'], { input: message });
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    const entry = (JSON.parse(result.stdout) as { sha: string; trailers: { key: string; value: string }[] }[]).find((e) => e.sha === sha)!;
    expect(entry.trailers.map((t) => `${t.key}: ${t.value}`).join('\n')).toBe(parsed);
  });
});

describe('row 250: a mark before a signature line', () => {
  it('log reads the co-author, declaration or footer behind an emoji (or its mojibake); a mark adds nothing to a person', () => {
    expectLog(MARKS);
  });

  it('git reads no trailer in `🤖 Co-Authored-By:`; log reports none, and blame and check still see Claude Code', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  undeclared: deny\n' }, HUMAN);
    const message = 'feat: add a\n\nDone.\n\n🤖 Co-Authored-By: Claude <noreply@anthropic.com>\n';
    const sha = repo.commit(message, { 'a.txt': 'one\ntwo\n' }, HUMAN);
    expect(repo.git(['interpret-trailers', '--parse', '--no-divider'], { input: message })).toBe('');
    const log = JSON.parse(aitrail(repo.dir, ['log', '--format', 'json']).stdout) as { sha: string; ai: boolean; trailers: unknown[] }[];
    expect(log.find((e) => e.sha === sha)).toMatchObject({ ai: true, trailers: [] });
    const blame = aitrail(repo.dir, ['blame', 'a.txt', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect((JSON.parse(blame.stdout) as { totals: { ai: number; byAgent: Record<string, number> } }).totals).toMatchObject({ ai: 2, byAgent: { 'claude-code': 2 } });
    const check = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(check.code).toBe(1);
    const errors = (JSON.parse(check.stdout) as { violations: { sha: string; severity: string; setting: string }[] }).violations.filter((v) => v.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ sha, setting: 'policy.undeclared' })]);
  });
});

describe('row 251: agent accounts added', () => {
  it('log reads Mastra Code by its platform bot as co-author', () => {
    expectLog(ACCOUNTS);
  });
});
