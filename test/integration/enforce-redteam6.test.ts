// Red team, sixth pass: a denied model declared where aitrail's readers stopped reading (past
// their line, length, word and lookup limits), behind breaks only a screen shows, in a link or an
// agent's identity, under co-author keys it did not know, or at a path macOS reads as a protected
// one. Real bare servers running the pre-receive hook (real pushes with --no-verify) and `aitrail
// check`. Every test here failed before its fix.
import { describe, expect, it } from 'vitest';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { aitrail } from '../helpers/cli.js';
import { commitCase, expectEachRefused, policyServer, pushCase, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

const CLAUDE = 'claude-code:anthropic/claude-opus-4.6';
const QWEN = 'qwen-code:qwen/qwen3-coder';
/** Denies Qwen3-Coder by its name only: a reading cut to `qwen/unknown` is no longer enough. */
const DENY_CODER = 'policy:\n  deny: ["qwen/qwen3-coder*"]\n';

interface Pushed {
  push: ReturnType<typeof tryGit>;
  check: ReturnType<typeof aitrail>;
}

/** A commit of `message` adding `file` (hooks skipped) on a new branch `name` from main, pushed to the server: the push's result and check's verdict. */
function pushCommit(work: TestRepo, name: string, message: string, file?: string): Pushed {
  work.git(['checkout', '-q', '-b', name, 'main']);
  commitCase(work, name, message, file);
  const check = aitrail(work.dir, ['check', `main..${name}`, '--format', 'json'], { timeout: 60_000 });
  const push = tryGit(work.dir, ['push', '--no-verify', 'origin', name]);
  work.git(['checkout', '-q', 'main']);
  return { push, check };
}

const violations = (check: ReturnType<typeof aitrail>): { sha: string; rule: string; model: string; severity: string }[] => (JSON.parse(check.stdout) as { violations: { sha: string; rule: string; model: string; severity: string }[] }).violations;
const models = (check: ReturnType<typeof aitrail>): string[] => violations(check).map((violation) => violation.model);

/** Each message refused by check (naming `model` when given) and by the server (expectEachRefused). */
function expectRefused(remote: TestRepo, work: TestRepo, cases: Record<string, string>, model: string | null, file?: (name: string) => string): void {
  expectEachRefused(remote, work, cases, model === null ? undefined : (found, name) => expect(found, name).toContain(model), file);
}

const prose = (lines: number): string => Array.from({ length: lines }, (_, at) => `Step ${at}: the parser reads one more token.`).join('\n');

describe('a declaration past the readers\' line and length limits', () => {
  it('after 400 body lines, behind 5,000 zero-width characters, or on continuation lines (as git unfolds them): refused at pre-receive and by check; a person\'s long message passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectRefused(remote, work, {
      // A pasted log of 450 lines, the declaration, then a closing paragraph (so the declaration is a body line, not the trailer block).
      afterlines: `feat: parser\n\n${prose(450)}\nAssisted-by: ${QWEN}\n\nThanks for reviewing.\n`,
      footer: `feat: parser\n\n${prose(450)}\n\nGenerated with [Qwen Code](https://github.com/QwenLM/qwen-code)\n\nThanks.\n`,
      padded: `feat: parser\n\n${'\u200b'.repeat(5000)}Assisted-by: ${QWEN}\n\nThanks.\n`,
      // git interpret-trailers (and a reader) folds an indented line into the value above it.
      continued: `feat: parser\n\nAssisted-by: ${CLAUDE},\n  ${QWEN}\nThanks for the review, merging now.\n`,
      subject: `Assisted-by: ${CLAUDE},\n ${QWEN}\n`,
    }, null);
    expect(pushCase(work, 'person', `docs: a long changelog\n\n${prose(600)}\n\nThanks.\n`).code).toBe(0);
  });
});

describe('a declared value cut short by its reader', () => {
  it('a denied model after 5,000 spaces or zero-width characters, 80 tool words, or in a long co-author name: refused under deny of the model itself (not only its vendor)', () => {
    const { remote, work } = policyServer(DENY_CODER);
    expectRefused(remote, work, {
      spaces: `feat: x\n\nAssisted-by: ${CLAUDE}${' '.repeat(5000)}${QWEN}\n`,
      invisible: `feat: x\n\nAssisted-by: ${'\u200b'.repeat(5000)}${QWEN}\n`,
      tools: `feat: x\n\nAssisted-by: ${CLAUDE} ${'sparse '.repeat(80)}${QWEN}\n`,
      clauses: `feat: x\n\nAssisted-by: ${CLAUDE}, ${Array.from({ length: 40 }, (_, at) => `tool${at}`).join(', ')}, qwen3-coder\n`,
      coauthor: `feat: x\n\nCo-authored-by: Claude ${'sparse '.repeat(120)}qwen3-coder <noreply@anthropic.com>\n`,
    }, 'qwen/qwen3-coder');
    // Claude Code with a long list of tools is Claude's commit.
    const tools = pushCommit(work, 'claude-tools', `feat: x\n\nAssisted-by: ${CLAUDE} ${'sparse '.repeat(80)}\n`);
    expect(tools.push.code, tools.push.stderr).toBe(0);
  });
});

describe('paths macOS reads as a protected one', () => {
  it('NFD for NFC, a character HFS+ ignores, a long s: refused where core.precomposeunicode/core.ignorecase make them the protected directory; another directory passes', () => {
    const { remote, work } = policyServer('policy:\n  paths:\n    - files: ["src/café/**", "src/secure/**"]\n      deny: ["qwen/*"]\n');
    const paths: Record<string, string> = {
      nfd: 'src/cafe\u0301/x.ts',
      upper: 'src/CAFE\u0301/x.ts',
      ignorable: 'src/secu\u200cre/x.ts',
      longs: 'src/\u017fecure/x.ts',
    };
    const message = `feat: x\n\nAssisted-by: ${QWEN}\n`;
    expectRefused(remote, work, Object.fromEntries(Object.keys(paths).map((name) => [name, message])), 'qwen/qwen3-coder', (name) => paths[name]!);
    expect(pushCase(work, 'elsewhere', message, 'src/cafeteria/x.ts').code).toBe(0);
  });
});

describe('line breaks only a screen sees', () => {
  it('U+2028/U+2029 between two models of one value, VT, FF, NEL or CR before a second key line git reads as one line: refused at pre-receive and by check', () => {
    const { remote, work } = policyServer(DENY_CODER);
    expectRefused(remote, work, {
      linesep: `feat: x\n\nAssisted-by: ${CLAUDE}\u2028qwen3-coder\n`,
      parasep: `feat: x\n\nAssisted-by: ${CLAUDE}\u2029qwen3-coder\n`,
      vt: `feat: x\n\nReviewed-by: Bob <bob@example.com>\vAssisted-by: ${QWEN}\n`,
      ff: `feat: x\n\nReviewed-by: Bob <bob@example.com>\fAssisted-by: ${QWEN}\n`,
      nel: `feat: x\n\nBody line.\u0085Assisted-by: ${QWEN}\n\nThanks.\n`,
      cr: `feat: x\n\nBody line.\rAssisted-by: ${QWEN}\n\nThanks.\n`,
    }, 'qwen/qwen3-coder');
  });
});

describe('a second model in an agent\'s identity or a link', () => {
  it('Co-authored-by: an agent\'s identity naming a second model; Assisted-by: only a model\'s page: refused under deny of the model', () => {
    const { remote, work } = policyServer(DENY_CODER);
    expectRefused(remote, work, {
      identity: 'feat: x\n\nCo-authored-by: Claude Opus 4.6, qwen3-coder <noreply@anthropic.com>\n',
      plus: 'feat: x\n\nCo-authored-by: Claude Opus 4.6 + Qwen3-Coder <noreply@anthropic.com>\n',
      link: 'feat: x\n\nAssisted-by: https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct\n',
      bracketed: 'feat: x\n\nAssisted-by: <https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct>\n',
      beside: `feat: x\n\nAssisted-by: ${CLAUDE}, https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct\n`,
      mailbox: `feat: x\n\nAssisted-by: Claude Code <qwen3-coder@qwen.ai>\n`,
    }, 'qwen/qwen3-coder');
    expect(pushCase(work, 'claude', 'feat: x\n\nCo-authored-by: Claude Opus 4.6 <noreply@anthropic.com>\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n').code).toBe(0);
  });
});

describe('co-author keys people and agents also write', () => {
  it('Coauthored-by, Co-author, Written-by, Authored-by naming a model: refused; a person under them stays a person', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectRefused(remote, work, {
      coauthored: 'feat: x\n\nCoauthored-by: Qwen3-Coder <noreply@qwen.ai>\n',
      coauthor: 'feat: x\n\nCo-author: Qwen3-Coder <noreply@qwen.ai>\n',
      written: 'feat: x\n\nWritten-by: Qwen3-Coder <noreply@qwen.ai>\n',
      authored: 'feat: x\n\nAuthored-by: Qwen3-Coder <noreply@qwen.ai>\n',
    }, 'qwen/qwen3-coder');
    expect(pushCase(work, 'person', 'feat: x\n\nCo-author: Jane Doe <jane@example.com>\nWritten-by: Qwen Li <qwen.li@example.com>\n').code).toBe(0);
  });
});

describe('thousands of declarations in one message', () => {
  it('2,000 distinct declared models then a denied one: refused (unread-declarations) in seconds, not minutes; 10,000 identical declarations are read once', () => {
    const { remote, work } = policyServer(DENY_CODER);
    const started = treeCpuClock();
    expectRefused(remote, work, {
      many: `feat: x\n\n${Array.from({ length: 2000 }, (_, at) => `Assisted-by: claude-opus-4.${at}`).join('\n')}\nAssisted-by: ${QWEN}\n`,
      models: `feat: x\n\n${Array.from({ length: 3000 }, (_, at) => `AI-Model: gpt-${at}`).join('\n')}\nAI-Model: qwen3-coder\n`,
    }, null);
    const many = pushCommit(work, 'many2', `feat: x\n\n${Array.from({ length: 2000 }, (_, at) => `Assisted-by: claude-opus-4.${at}`).join('\n')}\nAssisted-by: ${QWEN}\n`);
    expect(violations(many.check).map((violation) => violation.rule)).toContain('unread-declarations');
    const same = pushCommit(work, 'same', `feat: x\n\n${`Assisted-by: ${CLAUDE}\n`.repeat(10_000)}Assisted-by: ${QWEN}\n`);
    expect(same.check.code).toBe(1);
    expect(models(same.check)).toContain('qwen/qwen3-coder');
    expect(violations(same.check).map((violation) => violation.rule)).not.toContain('unread-declarations');
    expect(same.push.code).not.toBe(0);
    expect(treeCpuClock() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe('an autosquash subject that quotes a declaration', () => {
  it('fixup!, squash!, amend! (repeated too) before a subject that is only a declaration: read as that subject; one that quotes prose passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*", "openai/*"]\n');
    expectRefused(remote, work, {
      fixup: `fixup! Assisted-by: ${QWEN}\n`,
      squash: `squash! squash! Assisted-by: ${QWEN}\n`,
      amend: `amend! Assisted-by: ${QWEN}\n`,
    }, 'qwen/qwen3-coder');
    expect(pushCase(work, 'prose', 'fixup! feat: parse qwen3-coder output\n').code).toBe(0);
    expect(pushCase(work, 'scope', 'amend! ai-model: add gpt-5 to the list\n').code).toBe(0);
  });
});

describe('a declaration folded into another trailer', () => {
  it('an indented Assisted-by: line under Reviewed-by: (git folds it into the reviewer\'s value, git log shows it as a line of its own): refused; an indented line under prose passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectRefused(remote, work, {
      folded: `feat: x\n\nBody.\n\nReviewed-by: Bob <bob@example.com>\n Assisted-by: ${QWEN}\n`,
      tabbed: `feat: x\n\nBody.\n\nSigned-off-by: Bob <bob@example.com>\n\tCo-authored-by: Qwen3-Coder <noreply@qwen.ai>\n`,
    }, 'qwen/qwen3-coder');
    expect(pushCase(work, 'quoted', `Revert "feat: parser"\n\nIt said:\n    Assisted-by: ${QWEN}\n\nThanks.\n`).code).toBe(0);
  });
});

describe('a denied model spelled past the catalog', () => {
  it('qwen3coder (no hyphen, or a soft hyphen), **qwen3-coder**, qwen3-coder!, «qwen3-coder», #qwen3-coder: refused under deny of the model itself; Claude in bold passes', () => {
    const { remote, work } = policyServer(DENY_CODER);
    const spelled: Record<string, string> = { joined: 'qwen3coder', dotted: 'qwen3.coder', soft: 'qwen3\u00adcoder', bold: '**qwen3-coder**', emphasis: '*Qwen3-Coder*', bang: 'qwen3-coder!', guillemets: '«qwen3-coder»', tag: '#qwen3-coder', handle: '@qwen3-coder' };
    expectRefused(remote, work, Object.fromEntries(Object.entries(spelled).map(([name, value]) => [name, `feat: x\n\nAssisted-by: ${CLAUDE}, ${value}\n`])), 'qwen/qwen3-coder');
    const bold = pushCommit(work, 'claude-bold', `feat: x\n\nAssisted-by: **${CLAUDE}**\n`);
    expect(bold.check.code, bold.check.stdout).toBe(0);
    expect(bold.push.code, bold.push.stderr).toBe(0);
  });
});

describe('a vendor glued to its version', () => {
  it('deepseekv3, deepseekr1, kimik2, minimaxm2 as the declared value: the vendor and its model (deny deepseek/*, moonshotai/*, minimax/* refuse it), not unknown', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["deepseek/*", "moonshotai/*", "minimax/*"]\n');
    // Since row 420 a declared value's scan reads the family glued to its version as the model itself.
    expectRefused(remote, work, { v3: 'feat: x\n\nAssisted-by: deepseekv3\n' }, 'deepseek/deepseek-v3');
    expectRefused(remote, work, { r1: 'feat: x\n\nAssisted-by: claude-code:deepseekr1\n' }, 'deepseek/deepseek-r1');
    expectRefused(remote, work, { k2: 'feat: x\n\nAssisted-by: kimik2\n' }, 'moonshotai/kimi-k2');
    expectRefused(remote, work, { m2: 'feat: x\n\nAssisted-by: minimaxm2\n' }, 'minimax/minimax-m2');
    expect(pushCase(work, 'claude', `feat: x\n\nAssisted-by: ${CLAUDE}\n`).code).toBe(0);
  });
});

describe('a key written with trailing punctuation or a colon that only looks like one', () => {
  it('Assisted-by-: (git reads it as a trailer), Assisted-by.:, and U+A789, U+02D0, U+2236, U+0589 for the colon: refused; a ratio in prose passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const keys: Record<string, string> = { dash: 'Assisted-by-:', dot: 'Assisted-by.:', modifier: 'Assisted-by\ua789', triangular: 'Assisted-by\u02d0', ratio: 'Assisted-by\u2236', armenian: 'Assisted-by\u0589' };
    expectRefused(remote, work, Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, `feat: x\n\nBody.\n\n${key} ${QWEN}\n`])), 'qwen/qwen3-coder');
    expect(pushCase(work, 'prose', 'docs: timing\n\nThe qwen3-coder benchmark ran 10\u223630.\n').code).toBe(0);
  });
});

describe('an agent\'s address alone, its brackets lost', () => {
  it('Co-authored-by: qwen-coder@alibabacloud.com (Qwen Code\'s address without a name or brackets): refused under deny qwen/*; a person\'s address alone passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectRefused(remote, work, { bare: 'feat: x\n\nBody.\n\nCo-authored-by: qwen-coder@alibabacloud.com\n' }, 'qwen/unknown');
    expect(pushCase(work, 'person', 'feat: x\n\nBody.\n\nCo-authored-by: jane@example.com\n').code).toBe(0);
  });
});

describe('Qwen Code\'s footer with its markup lost', () => {
  it('Generated with Qwen Code (no link; with a version; [Qwen Code] alone; under the robot): qwen-code:qwen/unknown as the linked footer is, refused under deny qwen/*', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectRefused(remote, work, {
      plain: 'feat: x\n\nBody.\n\nGenerated with Qwen Code\n',
      robot: 'feat: x\n\nBody.\n\n🤖 Generated with Qwen Code\n',
      version: 'feat: x\n\nBody.\n\nGenerated with Qwen Code 0.1.2\n',
      bracketed: 'feat: x\n\nBody.\n\nGenerated with [Qwen Code]\n',
    }, 'qwen/unknown');
  });
});

describe('a model given as a setting', () => {
  it('model=qwen3-coder, agent=cursor model=qwen3-coder, claude-code=>qwen3-coder: the model itself, refused under deny of the model', () => {
    const { remote, work } = policyServer(DENY_CODER);
    expectRefused(remote, work, {
      setting: 'feat: x\n\nAssisted-by: Cursor; model=qwen3-coder\n',
      settings: 'feat: x\n\nAssisted-by: agent=cursor model=qwen3-coder\n',
      arrow: 'feat: x\n\nAssisted-by: claude-code=>qwen3-coder\n',
    }, 'qwen/qwen3-coder');
  });
});

describe('AI disclosure keys aitrail did not know', () => {
  it('AI-Tools, AI-Co-Author, AI-Author, AI-Used, Generated-using, AI-Generated: yes (…), LLM-Model, Written-with naming Qwen: refused under deny qwen/* (Qwen Code with no model under unknownModel: deny); AI-Generated: no, AI-Used: none, Written-with: vim pass', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n');
    const lines: Record<string, string> = {
      tools: 'AI-Tools: Claude Code, qwen3-coder',
      coauthor: 'AI-Co-Author: Qwen3-Coder',
      author: 'AI-Author: qwen3-coder',
      used: 'AI-Used: qwen3-coder',
      using: 'Generated-using: qwen3-coder',
      flag: 'AI-Generated: yes (qwen3-coder)',
      llm: 'LLM-Model: qwen3-coder',
    };
    expectRefused(remote, work, Object.fromEntries(Object.entries(lines).map(([name, line]) => [name, `feat: x\n\nBody.\n\n${line}\n`])), 'qwen/qwen3-coder');
    expectRefused(remote, work, { written: 'feat: x\n\nBody.\n\nWritten-with: Qwen Code\n' }, null);
    for (const [name, line] of Object.entries({ no: 'AI-Generated: no', none: 'AI-Used: none', vim: 'Written-with: vim' })) {
      expect(pushCase(work, `person-${name}`, `feat: x\n\nBody.\n\n${line}\n`).code, line).toBe(0);
    }
  });
});
