import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectAtCommitTime, detectCommit, parseDeclaredValue } from '../../src/core/detect.js';
import type { DetectConfig, Identity } from '../../src/core/types.js';
import { compileDetectRules } from '../../src/config/compile-detect-rules.js';
import { LOOKUP_BUDGET, mentions, newBudget } from '../../src/core/detect/mentions.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };

function detect(message: string, author: Identity = human, committer: Identity = author, options = {}) {
  return detectCommit(commitSignals({ message, author, committer }), options).map((a) => `${a.agent}:${a.model}`);
}

describe('detectCommit: real agent signatures', () => {
  it.each([
    ['Claude Code display-name co-author', 'feat: add x\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.6']],
    ['Claude Code older co-author', 'fix: y\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', ['claude-code:unknown']],
    ['Claude Sonnet co-author', 'x\n\nCo-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-sonnet-4.5']],
    ['aider co-author with LiteLLM model', 'fix\n\nCo-authored-by: aider (openrouter/qwen/qwen3-coder) <aider@aider.chat>\n', ['aider:qwen/qwen3-coder']],
    ['aider co-author with dated model', 'fix\n\nCo-authored-by: aider (anthropic/claude-sonnet-4-20250514) <noreply@aider.chat>\n', ['aider:anthropic/claude-sonnet-4']],
    ['Copilot co-author', 'x\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\n', ['copilot:unknown']],
    ['Cursor co-author', 'x\n\nCo-authored-by: Cursor <cursoragent@cursor.com>\n', ['cursor:unknown']],
    ['Cursor Made-with', 'x\n\nMade-with: Cursor\n', ['cursor:unknown']],
    ['Codex co-author', 'x\n\nCo-authored-by: Codex <noreply@openai.com>\n', ['codex:unknown']],
    ['Qwen Code co-author (names the Qwen Coder family, no model)', 'x\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', ['qwen-code:qwen/unknown']],
    ['Amp co-author', 'x\n\nCo-authored-by: Amp <amp@ampcode.com>\n', ['amp:unknown']],
    ['opencode co-author', 'x\n\nCo-authored-by: opencode <noreply@opencode.ai>\n', ['opencode:unknown']],
    ['our own trailer', 'x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', ['claude-code:anthropic/claude-opus-4.6']],
    ['kernel-style Assisted-by with tools', 'x\n\nSigned-off-by: A U Thor <a@example.org>\nAssisted-by: Claude:claude-3-opus coccinelle sparse\n', ['claude-code:anthropic/claude-3-opus']],
    ['Generated-by ASF style', 'x\n\nGenerated-by: GitHub Copilot\n', ['copilot:unknown']],
    ['AI-Model and AI-Agent', 'x\n\nAI-Agent: Gemini CLI\nAI-Model: gemini-2.5-pro\n', ['gemini-cli:google/gemini-2.5-pro']],
    ['Claude Code on the web session trailer', 'x\n\nCo-Authored-By: Claude Opus 5 <noreply@anthropic.com>\nClaude-Session: https://claude.ai/code/session_013ewRhMrEweLUze4MjKXFbj\n', ['claude-code:anthropic/claude-opus-5']],
    ['Claude-Session trailer alone', 'x\n\nClaude-Session: https://claude.ai/code/session_01MgNYH1A9cGSt3nU71SJKyc\n', ['claude-code:unknown']],
    ['Claude GitHub app co-author', 'x\n\nCo-authored-by: claude[bot] <209825114+claude[bot]@users.noreply.github.com>\n', ['claude-code:unknown']],
    ['Crush default Assisted-by with model', 'x\n\n💘 Generated with Crush\n\nAssisted-by: Claude Sonnet 4.5 via Crush <crush@charm.land>\n', ['crush:anthropic/claude-sonnet-4.5']],
    ['Crush co-authored-by style', 'x\n\nCo-Authored-By: Crush <crush@charm.land>\n', ['crush:unknown']],
    ['Crush footer alone', 'x\n\n💘 Generated with Crush\n', ['crush:unknown']],
    ['Amp thread and co-author', 'x\n\nAmp-Thread-ID: https://ampcode.com/threads/T-019c90c6-c261-75dd-be9e-48cc2e28ccdb\nCo-authored-by: Amp <amp@ampcode.com>\n', ['amp:unknown']],
    ['Amp thread alone', 'x\n\nAmp-Thread-ID: https://ampcode.com/threads/T-652c6d27-8ae1-4e61-923d-a4d40071cb4b\n', ['amp:unknown']],
    ['opencode footer and co-author', 'x\n\n🤖 Generated with [opencode](https://opencode.ai)\n\nCo-Authored-By: opencode <noreply@opencode.ai>\n', ['opencode:unknown']],
    ['Copilot CLI co-author', 'x\n\nCo-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>\n', ['copilot:unknown']],
    ['Copilot coding agent co-author on a squash', 'x\n\nCo-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>\nCo-authored-by: Nikolaj Bjorner <nbjorner@example.com>\n', ['copilot:unknown']],
    ['Cursor Agent co-author', 'x\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>\n', ['cursor:unknown']],
    ['Codex cloud connector co-author', 'x\n\nCo-authored-by: chatgpt-codex-connector[bot] <199175422+chatgpt-codex-connector[bot]@users.noreply.github.com>\n', ['codex:unknown']],
    ['Codex co-author at codex@openai.com', 'x\n\nCo-authored-by: Codex <codex@openai.com>\n', ['codex:unknown']],
    ['Gemini CLI identity co-author', 'x\n\nCo-Authored-By: Gemini CLI <gemini-cli@google.com>\n', ['gemini-cli:unknown']],
    ['Devin co-author', 'x\n\nCo-authored-by: Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>\n', ['devin:unknown']],
    ['Jules co-author', 'x\n\nCo-authored-by: google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>\n', ['jules:google/unknown']],
    ['OpenHands co-author', 'x\n\nCo-authored-by: openhands <openhands@all-hands.dev>\n', ['openhands:unknown']],
    ['Factory Droid co-author', 'x\n\nCo-authored-by: factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>\n', ['factory-droid:unknown']],
    ['Windsurf Cascade co-author', 'x\n\nCo-authored-by: Cascade <cascade@windsurf.dev>\n', ['windsurf:unknown']],
    ['two models in one commit', 'x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\nAssisted-by: aider:qwen/qwen3-coder\n', ['claude-code:anthropic/claude-opus-4.6', 'aider:qwen/qwen3-coder']],
  ])('%s', (_name, message, expected) => {
    expect(detect(message)).toEqual(expected);
  });

  it('aider author suffix and subject prefix', () => {
    expect(detect('aider: fix the parser\n', { name: 'Jane Doe (aider)', email: 'jane@example.com' })).toEqual(['aider:unknown']);
    expect(detect('aider: fix the parser\n')).toEqual(['aider:unknown']);
  });

  it.each([
    ['copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com', 'copilot'],
    ['devin-ai-integration[bot]', '158243242+devin-ai-integration[bot]@users.noreply.github.com', 'devin'],
    // Jules runs only Google's Gemini (row 946).
    ['google-labs-jules[bot]', '161369871+google-labs-jules[bot]@users.noreply.github.com', 'jules', 'google/unknown'],
    ['claude[bot]', '209825114+claude[bot]@users.noreply.github.com', 'claude-code'],
    ['chatgpt-codex-connector[bot]', '199175422+chatgpt-codex-connector[bot]@users.noreply.github.com', 'codex'],
    ['Cursor Agent', 'cursoragent@cursor.com', 'cursor'],
    ['Cursor Agent', '199161495+cursoragent@users.noreply.github.com', 'cursor'],
    ['factory-droid[bot]', '138933559+factory-droid[bot]@users.noreply.github.com', 'factory-droid'],
    ['opencode-agent[bot]', '219766164+opencode-agent[bot]@users.noreply.github.com', 'opencode'],
    ['openhands', 'openhands@all-hands.dev', 'openhands'],
  ])('bot author %s', (name, email, agent, model = 'unknown') => {
    expect(detect('Initial plan\n', { name, email })).toEqual([`${agent}:${model}`]);
  });

  it('the evidence names the signal', () => {
    const [attribution] = detectCommit(commitSignals({ message: 'x\n\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n', author: human, committer: human }));
    expect(attribution?.evidence).toEqual(['trailer Co-Authored-By: "Claude Opus 4.6 <noreply@anthropic.com>"']);
    expect(attribution?.declared).toBe(false);
  });
});

describe('detectCommit: a vendor glued to another word still names it', () => {
  it.each([
    ['Qwen-Coder <bot@example.com>', 'qwen/unknown'],
    ['QwenCoder <bot@example.com>', 'qwen/unknown'],
    ['Qwen_Coder Bot <bot@example.com>', 'qwen/unknown'],
    ['Qwen.Coder <bot@example.com>', 'qwen/unknown'],
    ['DeepSeek-Helper <bot@example.com>', 'deepseek/unknown'],
  ])('Co-authored-by: %s', (coAuthor, model) => {
    expect(detect(`x\n\nCo-authored-by: ${coAuthor}\n`)).toEqual([`unknown:${model}`]);
  });
});

describe('detectCommit: humans stay human', () => {
  it.each([
    ['plain commit', 'fix: typo\n\nA body.\n'],
    ['human co-author', 'x\n\nCo-authored-by: Jane Roe <jane.roe@example.org>\n'],
    ['human Assisted-by helper', 'x\n\nAssisted-by: Bob Smith <bob@example.org>\n'],
    ['a human named Claude', 'x\n\nCo-authored-by: Claude Dupont <claude@dupont.fr>\n'],
    ['a human named Claude, first name only', 'x\n\nCo-authored-by: Claude <claude@dupont.fr>\n'],
    ['a human named Devin', 'x\n\nCo-authored-by: Devin <devin@example.com>\n'],
    ['a human named Devin at Cognition', 'x\n\nCo-authored-by: Devin Smith <devin@cognition.ai>\n'],
    ['a human named Jules with a GitHub noreply address', 'x\n\nCo-authored-by: Jules <12345+jules@users.noreply.github.com>\n'],
    // (the bare `Jules <jules@google.com>` is the agent: projects' conventions and Jules' own file headers, README row 544)
    ['a human named Jules at Google', 'x\n\nCo-authored-by: Jules Fontaine <jules@google.com>\nCo-authored-by: Jules <jules.martin@google.com>\n'],
    ['a human GitHub user named gemini', 'x\n\nCo-authored-by: Gemini <4567+gemini@users.noreply.github.com>\n'],
    // (81847 is the account `claude`, Anthropic's, which GitHub shows for noreply@anthropic.com: Claude Code's; another id is someone else's)
    ['a human GitHub user named claude (no [bot])', 'x\n\nCo-authored-by: Claude <4242+claude@users.noreply.github.com>\n'],
    ['a human GitHub user named cursor (no [bot])', 'x\n\nCo-authored-by: Cursor <5678+cursor@users.noreply.github.com>\n'],
    ['a Cline employee', 'x\n\nCo-authored-by: Saoud Rizwan <saoud@cline.bot>\n'],
    ['a human named Amp', 'x\n\nCo-authored-by: Amp <amp@example.com>\n'],
    ['a human named Gemma (a Google family name too)', 'x\n\nCo-authored-by: Gemma <gemma@example.com>\n'],
    ['a human with a joined first name starting with a vendor word that is a name', 'x\n\nCo-authored-by: Gemma-Louise Smith <gls@example.com>\nCo-authored-by: Claude-Michel <cm@example.fr>\n'],
    ['a joined name with a vendor word past its start', 'x\n\nCo-authored-by: Mary-Qwen Li <mql@example.com>\n'],
    ['a joined name read as its words (Qwen Li is a person)', 'x\n\nCo-authored-by: Qwen-Li <qwen.li@example.com>\n'],
    ['a login joined to a vendor word (Llama Farmer is a person)', 'x\n\nCo-authored-by: llama-farmer <4242+llama-farmer@users.noreply.github.com>\n'],
    ['a camel-case login (Grok Ninja, DeepSeek Fan are people)', 'x\n\nCo-authored-by: GrokNinja <77+GrokNinja@users.noreply.github.com>\nCo-authored-by: DeepSeekFan <78+DeepSeekFan@users.noreply.github.com>\n'],
    ['a GitHub user named opencode', 'x\n\nCo-authored-by: opencode <999+opencode@users.noreply.github.com>\n'],
    ['prose about Crush', 'x\n\nGenerated with Crush and love, by hand.\n'],
    ['a Claude-Session line that is not a claude.ai URL', 'x\n\nClaude-Session: abc123\n'],
    ['prose mentioning a trailer', 'x\n\nWe should add Co-authored-by: Claude <noreply@anthropic.com> to\nthe template someday.\n'],
    ['Signed-off-by only', 'x\n\nSigned-off-by: Jane Doe <jane@example.com>\n'],
    ['Reviewed-by a model name is not authorship', 'x\n\nReviewed-by: Jane Doe <jane@example.com>\n'],
  ])('%s', (_name, message) => {
    expect(detect(message)).toEqual([]);
  });

  it('GitHub web-flow committer is not an agent', () => {
    expect(detect('Merge pull request #1\n', human, { name: 'GitHub', email: 'noreply@github.com' })).toEqual([]);
  });
});

describe('detectCommit: identity means identity', () => {
  const as = (name: string, email: string): Identity => ({ name, email });

  it.each([
    ['the aider maintainer at the vendor domain', as('Paul Gauthier', 'paul@aider.chat'), as('Paul Gauthier', 'paul@aider.chat')],
    ['aider committing the user\'s own edits (committer suffix only)', as('Paul Gauthier', 'paul@aider.chat'), as('Paul Gauthier (aider)', 'paul@aider.chat')],
    ['an Anthropic employee', as('Boris Cherny', 'boris@anthropic.com'), as('Boris Cherny', 'boris@anthropic.com')],
    ['an OpenAI employee', as('Dev Eloper', 'dev@openai.com'), as('Dev Eloper', 'dev@openai.com')],
    ['a Cursor employee', as('Michael', 'michael@cursor.com'), as('Michael', 'michael@cursor.com')],
    ['an Alibaba Cloud employee', as('Li Wei', 'li.wei@alibabacloud.com'), as('Li Wei', 'li.wei@alibabacloud.com')],
    ['an Augment employee', as('Matt Pauly', 'mpauly@augmentcode.com'), as('Matt Pauly', 'mpauly@augmentcode.com')],
    ['a Windsurf employee', as('Jane', 'jane@windsurf.com'), as('Jane', 'jane@windsurf.com')],
    ['a Block employee', as('Sam Example', 'sam@block.xyz'), as('Sam Example', 'sam@block.xyz')],
    ['a Factory employee', as('Eno', 'eno@factory.ai'), as('Eno', 'eno@factory.ai')],
    ['a person whose git name is "Cursor Agent"', as('Cursor Agent', 'me@example.com'), as('Cursor Agent', 'me@example.com')],
    ['a person whose git name is "openhands"', as('openhands', 'dev@example.com'), as('openhands', 'dev@example.com')],
    ['a bot that only applied (rebased) a human commit', human, as('claude[bot]', '209825114+claude[bot]@users.noreply.github.com')],
  ])('%s is human', (_name, author, committer) => {
    expect(detect('fix: a thing\n', author, committer)).toEqual([]);
  });

  it.each([
    ['aider edit: author suffix', 'fix\n', as('Paul Gauthier (aider)', 'paul@aider.chat'), ['aider:unknown']],
    ['aider co-author line (its own address)', 'fix\n\nCo-authored-by: aider (gpt-4o) <aider@aider.chat>\n', human, ['aider:openai/gpt-4o']],
    ['aider co-author line (noreply address)', 'fix\n\nCo-authored-by: aider (anthropic/claude-sonnet-4-20250514) <noreply@aider.chat>\n', human, ['aider:anthropic/claude-sonnet-4']],
    ['Codex with its model in the name', 'x\n\nCo-authored-by: Codex o4-mini <noreply@openai.com>\n', human, ['codex:openai/o4-mini']],
    ['Codex default git identity', 'x\n', as('Codex', 'codex@example.com'), ['codex:unknown']],
    ['Kiro agent account', 'x\n', as('kiro-agent[bot]', '244629292+kiro-agent[bot]@users.noreply.github.com'), ['kiro:unknown']],
    ['Gemini CLI GitHub action bot', 'x\n', as('gemini-cli[bot]', 'gemini-cli[bot]@users.noreply.github.com'), ['gemini-cli:unknown']],
    ['Factory Droid co-author', 'x\n\nCo-authored-by: Droid <droid@factory.ai>\n', human, ['factory-droid:unknown']],
    ['Warp co-author', 'x\n\nCo-Authored-By: Warp <agent@warp.dev>\n', human, ['warp:unknown']],
    ['Warp Oz co-author', 'x\n\nCo-Authored-By: Oz <oz-agent@warp.dev>\n', human, ['warp:unknown']],
    ['Junie co-author', 'x\n\nCo-authored-by: Junie <junie@jetbrains.com>\n', human, ['junie:unknown']],
    ['Auggie co-author with its model', 'x\n\nCo-Authored-By: Auggie (GPT-5) <noreply@augmentcode.com>\n', human, ['augment:openai/gpt-5']],
    ['Goose identity', 'x\n', as('goose', 'opensource@block.xyz'), ['goose:unknown']],
    ['OpenHands resolver bot', 'x\n', as('openhands-agent[bot]', '1+openhands-agent[bot]@users.noreply.github.com'), ['openhands:unknown']],
  ])('%s', (_name, message, author, expected) => {
    expect(detect(message, author)).toEqual(expected);
  });

  it('the aider author suffix counts on the author only, not in a co-author line', () => {
    expect(detect('x\n\nCo-authored-by: Paul Gauthier (aider) <paul@aider.chat>\n')).toEqual([]);
  });

  it('an aider edit that aider also committed is one aider attribution', () => {
    const aider = as('Paul Gauthier (aider)', 'paul@aider.chat');
    expect(detect('feat: x\n', aider, aider)).toEqual(['aider:unknown']);
  });
});

describe('detectCommit: models as agents write them', () => {
  it.each([
    ['display name with the vendor word', 'x\n\nAssisted-by: Anthropic Claude Sonnet 4.5\n', ['unknown:anthropic/claude-sonnet-4.5']],
    ['Claude Code co-author, 1M context', 'x\n\nCo-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.6']],
    ['model in parentheses after the agent', 'x\n\nAssisted-by: Claude (claude-opus-4-5)\n', ['claude-code:anthropic/claude-opus-4.5']],
    ['aider with an experimental Gemini', 'x\n\nCo-authored-by: aider (gemini/gemini-2.5-pro-exp-03-25) <aider@aider.chat>\n', ['aider:google/gemini-2.5-pro-exp-03-25']],
    ['aider with a dated Gemini preview', 'x\n\nCo-authored-by: aider (gemini/gemini-2.5-pro-preview-06-05) <aider@aider.chat>\n', ['aider:google/gemini-2.5-pro-preview-06-05']],
    ['a GA snapshot date folds', 'x\n\nCo-authored-by: aider (anthropic/claude-opus-4-5-20251101) <aider@aider.chat>\n', ['aider:anthropic/claude-opus-4.5']],
    ['model trailer with effort and share', 'x\n\nAI-Agent: Claude Code\nAI-Model: claude-opus-4.5 (high effort, 80%)\n', ['claude-code:anthropic/claude-opus-4.5']],
    ['OpenRouter display name', 'x\n\nAI-Model: Anthropic: Claude Opus 4.5\n', ['unknown:anthropic/claude-opus-4.5']],
    ['dotted and dashed versions are one model', 'x\n\nAssisted-by: claude-code:claude-opus-4-5\nAssisted-by: claude-code:claude-opus-4.5\n', ['claude-code:anthropic/claude-opus-4.5']],
  ])('%s', (_name, message, expected) => {
    expect(detect(message)).toEqual(expected);
  });
});

describe('spellings: every token that names a model is judged (issue 8 item 7)', () => {
  it.each([
    ['the kernel tool list holds a model', 'x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6 qwen/qwen3-coder\n', ['claude-code:anthropic/claude-opus-4.6', 'claude-code:qwen/qwen3-coder']],
    ['two models in prose', 'x\n\nAssisted-by: Claude Opus 4.6 and Qwen3-Coder\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    ['a vendor as co-author', 'x\n\nCo-authored-by: Qwen <noreply@qwen.ai>\n', ['unknown:qwen/unknown']],
    ['a vendor alone', 'x\n\nAssisted-by: Qwen\n', ['unknown:qwen/unknown']],
    ['a vendor and one of its models: the model only', 'x\n\nAssisted-by: Claude Opus 4.6 by Anthropic\n', ['unknown:anthropic/claude-opus-4.6']],
    ['fullwidth', 'x\n\nAssisted-by: aider:ｑｗｅｎ/ｑｗｅｎ３-coder\n', ['aider:qwen/qwen3-coder']],
    ['zero-width space in the value', 'x\n\nAssisted-by: aider:qwen\u200b/qwen3-coder\n', ['aider:qwen/qwen3-coder']],
    ['soft hyphen and bidi control', 'x\n\nAssisted-by: \u202aqwen/qwen3\u00ad-coder\u202c\n', ['unknown:qwen/qwen3-coder']],
    ['a format character in the key', 'x\n\nAssisted\u200b-by: qwen/qwen3-coder\n', ['unknown:qwen/qwen3-coder']],
    ['an unreadable declared value is unknown, not a person', 'x\n\nAssisted-by: internal-helper\n', ['unknown:unknown']],
    ['a name under a product\'s key is a product\'s', 'x\n\nAI-Assistant: Jane Doe\n', ['unknown:unknown']],
    ['people\'s names alone under Assisted-by are people (curl)', 'x\n\nAssisted-by: Jane Doe\n', []],
    ['Generated-by with a name git cannot read', 'x\n\nGenerated-by: an internal thing\n', ['unknown:unknown']],
    ['a Cyrillic homoglyph reads as the Latin letter it shows', 'x\n\nAssisted-by: \u0441laude-opus-4.6\n', ['unknown:anthropic/claude-opus-4.6']],
    ['several kernel pairs', 'x\n\nAssisted-by: Codex:GPT-5.6, Magent:deepseek-v4-pro\n', ['codex:openai/gpt-5.6', 'magent:deepseek/deepseek-v4-pro']],
    ['a kernel pair with a model list', 'x\n\nAssisted-by: Gemini:gemini-3.1-pro,gemini-3-flash\n', ['gemini-cli:google/gemini-3.1-pro', 'gemini-cli:google/gemini-3-flash']],
    ['a display name after the agent', 'x\n\nAssisted-by: codex:GPT-5.2 Codex\n', ['codex:openai/gpt-5.2-codex']],
    ['a tool and its version, then the model', 'x\n\nCo-authored-by-AI: IBM Bob 1.0.0 (Claude Sonnet 4.6)\n', ['ibm-bob:anthropic/claude-sonnet-4.6']],
    ['an agent with its version only', 'x\n\nCo-authored-by-AI: GitHub Copilot 1.256\n', ['copilot:unknown']],
    ['a URL is not a model or a person', 'x\n\nAssisted-by: Acme Assistant <https://assistant.acme.dev>\n', ['unknown:unknown']],
    ['a model given as the address', 'x\n\nCo-authored-by: Kilo Code <moonshotai/kimi-k2.5:free>\n', ['kilo-code:moonshotai/kimi-k2.5']],
    ['agent and model in a co-author name without an address', 'x\n\nCo-authored-by: Cline · Kimi K3 <cline-clinepass-kimik3@local>\n', ['cline:moonshotai/kimi-k3']],
  ])('%s', (_name, message, expected) => {
    expect(detect(message)).toEqual(expected);
  });

  it.each([
    ['an ollama tag is not an AGENT:MODEL pair', 'x\n\nAssisted-by: ollama/qwen3-coder:30b\n', ['unknown:qwen/qwen3-coder-30b-a3b-instruct']],
    ['a tagged model beside an allowed one', 'x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6, qwen3-coder:30b\n', ['claude-code:anthropic/claude-opus-4.6', 'claude-code:qwen/qwen3-coder-30b-a3b-instruct']],
    ['an OpenRouter variant', 'x\n\nAssisted-by: Claude Opus 4.6 and openrouter/qwen/qwen3-coder:free\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    ['a Bedrock id with its version', 'x\n\nAssisted-by: bedrock/qwen.qwen3-coder-480b-a35b-v1:0\n', ['unknown:qwen/qwen3-coder']],
    ['a model left of the colon is a model, not an agent', 'x\n\nAssisted-by: qwen3-coder:claude-opus-4.6\n', ['unknown:qwen/qwen3-coder', 'unknown:anthropic/claude-opus-4.6']],
    // Past one reading's limits a value is read whole, in windows: the model itself, not only its vendor.
    ['a model past the clause limit', `x\n\nAssisted-by: claude-opus-4.6, ${Array.from({ length: 33 }, (_, i) => `tool${i}`).join(', ')}, qwen3-coder\n`, ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    ['a model past the word limit', `x\n\nAssisted-by: claude-opus-4.6 ${'word '.repeat(70)}qwen3-coder\n`, ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    ['a model past the length limit', `x\n\nAssisted-by: claude-opus-4.6 ${'x'.repeat(5000)} qwen3-coder\n`, ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    // A value declared again is read once (the commit's lookups are not spent on it again).
    ['a model after 400 repeated declarations', `x\n\n${'Assisted-by: claude-opus-4.6 gpt-5 gemini-2.5-pro o3 grok-4\n'.repeat(400)}Assisted-by: claude-opus-4.6, qwen3-coder\n`, ['unknown:anthropic/claude-opus-4.6', 'unknown:openai/gpt-5', 'unknown:google/gemini-2.5-pro', 'unknown:openai/o3', 'unknown:x-ai/grok-4', 'unknown:qwen/qwen3-coder']],
    ['a Cyrillic letter in a model beside an allowed one', 'x\n\nAssisted-by: claude-opus-4.6, Qw\u0435n3-Coder\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    ['a combining grapheme joiner', 'x\n\nAssisted-by: claude-opus-4.6, Qw\u034fen3-Coder\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    ['a variation selector', 'x\n\nAssisted-by: claude-opus-4.6, Qw\ufe0fen3-Coder\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    ['a combining accent', 'x\n\nAssisted-by: claude-opus-4.6, Qwe\u0301n3-Coder\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    ['a Hangul filler', 'x\n\nAssisted-by: claude-opus-4.6, Qw\u3164en3-Coder\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
  ])('declared past the reader: %s', (_name, message, expected) => {
    expect(detect(message)).toEqual(expected);
  });

  it.each([
    ['a human helper with an address', 'x\n\nAssisted-by: Bob Smith <bob@example.com>\n'],
    ['a helper named like an agent, with an address', 'x\n\nAssisted-by: Claude Paroz <claude@2xlibre.net>\n'],
    ['tools that are not AI', 'x\n\nAssisted-by: coccinelle sparse\n'],
    ['a code generator', 'x\n\nGenerated-by: protoc 25.1\n'],
    ['a build tool', 'x\n\nBuilt-with: esbuild 0.25\n'],
    ['a person named Kiro', 'x\n\nCo-authored-by: Kiro Tanaka <kiro.tanaka@example.jp>\n'],
    ['a person named Gemini', 'x\n\nCo-authored-by: Gemini Lopez <gemini.lopez@example.com>\n'],
    ['a person writing in Cyrillic', 'x\n\nCo-authored-by: \u0421\u0435\u0440\u0433\u0435\u0439 \u041a\u043e\u0441\u0442\u0438\u043d <sergey@example.ru>\n'],
    ['a person named Kimi', 'x\n\nCo-authored-by: Kimi Raikkonen <kimi@example.fi>\n'],
    ['a Google bot', 'x\n\nCo-authored-by: Google <noreply@google.com>\n'],
  ])('%s stays human', (_name, message) => {
    expect(detect(message)).toEqual([]);
  });

  it('a vendor named without a model folds into a model of that vendor named elsewhere', () => {
    expect(detect('x\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\nAI-Model: qwen3-coder-plus\n')).toEqual(['qwen-code:qwen/qwen3-coder-plus']);
    expect(detect('x\n\nAssisted-by: Qwen\nAssisted-by: qwen/qwen3-coder\n')).toEqual(['unknown:qwen/qwen3-coder']);
    expect(detect('x\n\nAssisted-by: Qwen\nAssisted-by: anthropic/claude-opus-4.6\n')).toEqual(['unknown:qwen/unknown', 'unknown:anthropic/claude-opus-4.6']);
  });

  it('a declared value that names a vendor is vendor/unknown, declared', () => {
    const [attribution] = detectCommit(commitSignals({ message: 'x\n\nAssisted-by: Qwen\n', author: human, committer: human }));
    expect(attribution).toMatchObject({ agent: 'unknown', model: 'qwen/unknown', declared: true });
  });
});

describe('trailer lines outside the trailer block', () => {
  it.each([
    ['a squash merge with the PR template above the co-authors', 'Fix (#4021)\n\n### Was this PR authored using generative AI tooling?\nGenerated-by: Claude (Claude Sonnet 4.6)\n\nCo-authored-by: Ben <ben@example.edu>\n', ['claude-code:anthropic/claude-sonnet-4.6']],
    ['a co-author line after prose in the last paragraph', 'Fix\n\nExtracted common logic.\nCo-Authored-By: OpenCode <noreply@opencode.ai>\n', ['opencode:unknown']],
    ['a declaration followed by prose', 'x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n\nA final paragraph of prose.\n', ['claude-code:anthropic/claude-opus-4.6']],
  ])('%s', (_name, message, expected) => {
    expect(detect(message)).toEqual(expected);
  });

  it('count as evidence, never as a declaration; unreadable ones are ignored', () => {
    const [attribution] = detectCommit(commitSignals({ message: 'x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n\nProse.\n', author: human, committer: human }));
    expect(attribution?.declared).toBe(false);
    expect(attribution?.evidence[0]).toMatch(/^message line /);
    expect(detect('x\n\nAssisted-by: see the notes\n\nProse.\n')).toEqual([]);
  });
});

describe('agents seen in the wild', () => {
  const as = (name: string, email: string): Identity => ({ name, email });
  it.each([
    ['Cline co-author and footer', 'x\n\n🤖 Generated with [Cline](https://docs.cline.bot)\n\nCo-Authored-By: Cline <noreply@cline.bot>\n', human, ['cline:unknown']],
    ['Roo Code cloud agent', 'x\n\nCo-authored-by: Roo Code <roomote@roocode.com>\n', human, ['roo-code:unknown']],
    ['Kilo Code bot', 'x\n\nCo-authored-by: kiloconnect[bot] <240665456+kiloconnect[bot]@users.noreply.github.com>\n', human, ['kilo-code:unknown']],
    ['Amazon Q bot', 'x\n\nCo-authored-by: amazon-q-developer[bot] <208079219+amazon-q-developer[bot]@users.noreply.github.com>\n', human, ['amazon-q:unknown']],
    ['Qoder with its model', 'x\n\nCo-authored-by: QoderAI (Qwen 3.5 Max) <qoder_ai@qoder.com>\n', human, ['qoder:qwen/qwen3.5-max']],
    ['TRAE CLI', 'x\n\nCo-authored-by: TRAE CLI <traecli@bytedance.com>\n', human, ['trae:unknown']],
    ['Continue', 'x\n\nCo-Authored-By: Continue <noreply@continue.dev>\n', human, ['continue:unknown']],
    ['goose (block/goose guide)', 'x\n\nCo-Authored-By: goose <goose@block.xyz>\n', human, ['goose:unknown']],
    ['Kiro agent account (user login)', 'x\n', as('Kiro Agent', '244629292+kiro-agent@users.noreply.github.com'), ['kiro:unknown']],
    ['Copilot session trailer', 'x\n\nCo-authored-by: Copilot App <223556219+Copilot@users.noreply.github.com>\n\nCopilot-Session: 7955c89b-a997-42aa-9c45-ef4c7fe4b1e7\n', human, ['copilot:unknown']],
    ['Amp thread id without the URL', 'x\n\nAmp-Thread-ID: T-01a0b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b\n', human, ['amp:unknown']],
    ['a Claude Code tier it has not seen', 'x\n\nCo-Authored-By: Claude Fable 5 <noreply@anthropic.com>\n', human, ['claude-code:anthropic/claude-fable-5']],
  ])('%s', (_name, message, author, expected) => {
    expect(detect(message, author)).toEqual(expected);
  });
});

describe('detect.rules and aliases from config', () => {
  const compiled = (detect: DetectConfig) => ({ detect: compileDetectRules({ detect }, 'test').detect });

  it('matches author names and trailers with $1 substitution', () => {
    const options = compiled({
      rules: [
        { field: 'authorName' as const, pattern: '\\(bot\\)$', agent: 'acme-bot', model: 'acme/coder-2' },
        { field: 'trailer' as const, key: 'Co-authored-by', pattern: '^acme-ai \\((.+)\\)', agent: 'acme-ai', model: '$1' },
      ],
      aliases: { 'internal-llm': 'acme/internal-llm-2' },
    });
    expect(detect('x\n', { name: 'Build (bot)', email: 'b@acme.test' }, undefined, options)).toEqual(['acme-bot:acme/coder-2']);
    expect(detect('x\n\nCo-authored-by: acme-ai (internal-llm) <ai@acme.test>\n', human, human, options)).toEqual(['acme-ai:acme/internal-llm-2']);
  });

  it('matches case-insensitively, JavaScript \\u escapes included, and an unmatched group is empty', () => {
    const options = compiled({ rules: [{ field: 'authorName', pattern: '^r\\u00e9mi-(bot)|(x)', agent: 'agent-$2$1', model: 'acme/coder' }] });
    expect(detect('x\n', { name: 'RÉMI-BOT', email: 'r@acme.test' }, undefined, options)).toEqual(['agent-bot:acme/coder']);
  });

  it('runs a catastrophic pattern in linear time: ^(a+)+$ against 4,096 characters answers', () => {
    const options = compiled({ rules: [{ field: 'authorName', pattern: '^(a+)+$', agent: 'acme-bot', model: 'acme/coder-2' }] });
    expect(detect('x\n', { name: `${'a'.repeat(4095)}!`, email: 'a@acme.test' }, undefined, options)).toEqual([]);
    expect(detect('x\n', { name: 'a'.repeat(45), email: 'a@acme.test' }, undefined, options)).toEqual(['acme-bot:acme/coder-2']);
  });

  it('refuses to run a rule that config loading did not compile (never a backtracking RegExp)', () => {
    expect(() => detect('x\n', human, human, { detect: { rules: [{ field: 'subject', pattern: 'x' }] } })).toThrow(/no compiled matcher/);
  });
});

describe('parseDeclaredValue', () => {
  it.each([
    ['claude-code:anthropic/claude-opus-4.6', { agent: 'claude-code', model: 'anthropic/claude-opus-4.6' }],
    ['unknown:openai/gpt-5', { agent: 'unknown', model: 'openai/gpt-5' }],
    ['cursor:unknown', { agent: 'cursor', model: 'unknown' }],
    ['Claude Code (claude-opus-4)', { agent: 'claude-code', model: 'anthropic/claude-opus-4' }],
    ['Gemini:gemini-2.5-pro', { agent: 'gemini-cli', model: 'google/gemini-2.5-pro' }],
    ['x: qwen/qwen3-coder', { agent: 'unknown', model: 'qwen/qwen3-coder' }],
    ['used GPT-4.1 for the tests', { agent: 'unknown', model: 'openai/gpt-4.1' }],
    ['Claude Opus 4.6', { agent: 'unknown', model: 'anthropic/claude-opus-4.6' }],
    ['Jane Doe <jane@example.com>', null],
    // An empty value (a commit template's key left blank) or a template's placeholder declares nothing.
    ['', null],
    ['<model>', null],
    ['AGENT_NAME:MODEL_VERSION [TOOL1] [TOOL2]', null],
    ['AI', { agent: 'unknown', model: 'unknown' }],
    ['just some words', { agent: 'unknown', model: 'unknown' }],
  ])('%s', (value, expected) => {
    expect(parseDeclaredValue(value)).toEqual(expected);
  });
});

describe('aliases are models, not humans (issue 9)', () => {
  const at = (env: Record<string, string>, message = 'msg\n') => detectAtCommitTime(message, { env }).map((a) => `${a.agent}:${a.model}`);

  it.each([
    ['AITRAIL_MODEL=opus', { AITRAIL_MODEL: 'opus' }, ['unknown:anthropic/claude-opus']],
    ['AITRAIL_MODEL=opus in Claude Code', { AITRAIL_MODEL: 'opus', CLAUDECODE: '1' }, ['claude-code:anthropic/claude-opus']],
    ['AITRAIL_MODEL=flash in Gemini CLI', { AITRAIL_MODEL: 'flash', GEMINI_CLI: '1' }, ['gemini-cli:google/gemini-flash']],
    ['AITRAIL_MODEL=pro with AITRAIL_AGENT=gemini-cli', { AITRAIL_MODEL: 'pro', AITRAIL_AGENT: 'gemini-cli' }, ['gemini-cli:google/gemini-pro']],
    ['Claude Code model variable as an alias', { CLAUDECODE: '1', ANTHROPIC_MODEL: 'sonnet[1m]' }, ['claude-code:anthropic/claude-sonnet']],
    ['a Claude Code alias is the model its variable maps it to', { CLAUDECODE: '1', ANTHROPIC_MODEL: 'sonnet[1m]', ANTHROPIC_DEFAULT_SONNET_MODEL: 'glm-4.6' }, ['claude-code:z-ai/glm-4.6']],
    ['opusplan: the opus and sonnet mappings', { CLAUDECODE: '1', ANTHROPIC_MODEL: 'opusplan', ANTHROPIC_DEFAULT_OPUS_MODEL: 'kimi-k2-0905-preview', ANTHROPIC_DEFAULT_SONNET_MODEL: 'glm-4.6' }, ['claude-code:moonshotai/kimi-k2-0905', 'claude-code:z-ai/glm-4.6']],
    ['no ANTHROPIC_MODEL: the default alias (sonnet or opus) mappings', { CLAUDECODE: '1', ANTHROPIC_DEFAULT_SONNET_MODEL: 'deepseek-chat' }, ['claude-code:deepseek/deepseek-chat']],
    ['haiku: its variable, else the deprecated small-fast one', { CLAUDECODE: '1', ANTHROPIC_MODEL: 'haiku', ANTHROPIC_SMALL_FAST_MODEL: 'qwen3-coder-flash' }, ['claude-code:qwen/qwen3-coder-flash']],
    ['a background-only haiku mapping names no model of the session', { CLAUDECODE: '1', ANTHROPIC_DEFAULT_HAIKU_MODEL: 'qwen3-coder-flash' }, ['claude-code:unknown']],
    ['subagents: CLAUDE_CODE_SUBAGENT_MODEL beside the main model', { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-7', CLAUDE_CODE_SUBAGENT_MODEL: 'qwen3-coder-plus' }, ['claude-code:anthropic/claude-opus-4.7', 'claude-code:qwen/qwen3-coder-plus']],
    ['the mapping variables without Claude Code running name nothing', { ANTHROPIC_MODEL: 'sonnet', ANTHROPIC_DEFAULT_SONNET_MODEL: 'glm-4.6', CLAUDE_CODE_SUBAGENT_MODEL: 'glm-4.6' }, []],
    ['a name the catalog cannot read names its vendor by its first word', { CLAUDECODE: '1', ANTHROPIC_MODEL: 'kimi-team-gateway' }, ['claude-code:moonshotai/unknown']],
    ['qwen-flash in a session', { AITRAIL_MODEL: 'qwen-flash', AITRAIL_AGENT: 'claude-code' }, ['claude-code:qwen/unknown']],
    ['an agent name in a model variable names no vendor', { CLAUDECODE: '1', ANTHROPIC_MODEL: 'gemini-cli' }, ['claude-code:unknown']],
    ["at a vendor's own endpoint, no model is that vendor's", { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://open.bigmodel.cn/api/anthropic' }, ['claude-code:z-ai/unknown']],
    ["at a vendor's own endpoint, a Claude name is served by that vendor", { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://user:secret@api.deepseek.com/anthropic', ANTHROPIC_MODEL: 'opus' }, ['claude-code:deepseek/unknown']],
    ["at a vendor's own endpoint, a model it names stays", { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://dashscope-intl.aliyuncs.com/apps/anthropic', ANTHROPIC_MODEL: 'kimi-k2-0905-preview' }, ['claude-code:moonshotai/kimi-k2-0905']],
    ['a gateway or a lookalike host names no vendor', { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://api.deepseek.com.evil.example/x', ANTHROPIC_MODEL: 'opus' }, ['claude-code:anthropic/claude-opus']],
    ['an endpoint without Claude Code running names nothing', { ANTHROPIC_BASE_URL: 'https://open.bigmodel.cn/api/anthropic' }, []],
    ['an unreadable model stays AI, with its agent', { AITRAIL_MODEL: 'my-fav-model', AITRAIL_AGENT: 'claude-code' }, ['claude-code:unknown']],
    ['an unreadable model with no agent is unknown:unknown', { AITRAIL_MODEL: 'pro' }, ['unknown:unknown']],
  ])('%s', (_name, env, expected) => {
    expect(at(env)).toEqual(expected);
  });

  it('unknown:unknown written by aitrail reads back as AI, declared', () => {
    expect(parseDeclaredValue('unknown:unknown')).toEqual({ agent: 'unknown', model: 'unknown' });
    const [attribution] = detectCommit(commitSignals({ message: 'x\n\nAssisted-by: unknown:unknown\n', author: human, committer: human }));
    expect(attribution).toMatchObject({ agent: 'unknown', model: 'unknown', declared: true });
  });

  it('short names in declared trailers read with the declared agent', () => {
    expect(detect('x\n\nAssisted-by: claude-code:opus\n')).toEqual(['claude-code:anthropic/claude-opus']);
    expect(detect('x\n\nAssisted-by: Gemini:gemini-pro clang-tidy\n')).toEqual(['gemini-cli:google/gemini-pro']);
    expect(detect('x\n\nAssisted-by: gemini-cli:pro\n')).toEqual(['gemini-cli:google/gemini-pro']);
  });
});

describe('never invent a pairing: a session belongs to its own agent (issue 9)', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  const qwen = { model: 'qwen/qwen3-coder', agent: 'qwen-code', setAt: '2026-01-01T09:00:00Z', expiresAt: '2026-01-01T17:00:00Z' };
  const anyAgent = { model: 'qwen/qwen3-coder', setAt: '2026-01-01T09:00:00Z', expiresAt: '2026-01-01T17:00:00Z' };
  const claudeMessage = 'feat: x\n\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n';
  const at = (message: string, env: Record<string, string>, session: typeof qwen | typeof anyAgent) =>
    detectAtCommitTime(message, { env, session, now }).map((a) => `${a.agent}:${a.model}`);

  it.each([
    ['a Claude Code commit with its own co-author line keeps only its own model', claudeMessage, { CLAUDECODE: '1' }, qwen, ['claude-code:anthropic/claude-opus-4.6']],
    ['a Claude Code commit without a model line still does not get the qwen-code session', 'x\n', { CLAUDECODE: '1' }, qwen, ['claude-code:unknown']],
    ["the session's own agent committing gets it", 'x\n', { QWEN_CODE: '1' }, qwen, ['qwen-code:qwen/qwen3-coder']],
    ['a commit with no agent signal gets it', 'x\n', {}, qwen, ['qwen-code:qwen/qwen3-coder']],
    ['both agents present: each keeps its own', 'x\n', { QWEN_CODE: '1', CLAUDECODE: '1' }, qwen, ['qwen-code:qwen/qwen3-coder', 'claude-code:unknown']],
    ['a session without --agent takes the agent of the environment', 'x\n', { CLAUDECODE: '1' }, anyAgent, ['claude-code:qwen/qwen3-coder']],
    ['…but not over the model the message names for that agent', claudeMessage, { CLAUDECODE: '1' }, anyAgent, ['claude-code:anthropic/claude-opus-4.6']],
    ['a session without --agent and no agent signal', 'x\n', {}, anyAgent, ['unknown:qwen/qwen3-coder']],
  ])('%s', (_name, message, env, session, expected) => {
    expect(at(message, env, session)).toEqual(expected);
  });

  it('an expired session (default end included) is not applied', () => {
    const legacy = { model: 'qwen/qwen3-coder', agent: 'qwen-code', setAt: '2026-01-01T01:00:00Z' };
    expect(detectAtCommitTime('x\n', { env: {}, session: legacy, now })).toEqual([]);
  });
});

describe('detectAtCommitTime', () => {
  it('Claude Code environment with its model variable', () => {
    const result = detectAtCommitTime('msg\n', { env: { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6' } });
    expect(result.map((a) => `${a.agent}:${a.model}`)).toEqual(['claude-code:anthropic/claude-opus-4.6']);
  });

  it('AITRAIL_MODEL wins over the agent environment model, keeping the agent', () => {
    const result = detectAtCommitTime('msg\n', { env: { AITRAIL_MODEL: 'qwen3-coder', CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6' } });
    expect(result.map((a) => `${a.agent}:${a.model}`)).toEqual(['claude-code:qwen/qwen3-coder']);
  });

  it('session model applies until it expires', () => {
    const session = { model: 'gpt-5', agent: 'codex', setAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-01T01:00:00Z' };
    const during = detectAtCommitTime('m\n', { env: {}, session, now: new Date('2026-01-01T00:30:00Z') });
    const after = detectAtCommitTime('m\n', { env: {}, session, now: new Date('2026-01-01T02:00:00Z') });
    expect(during.map((a) => `${a.agent}:${a.model}`)).toEqual(['codex:openai/gpt-5']);
    expect(after).toEqual([]);
  });

  it('co-author lines in the message and an aider author name', () => {
    const message = 'fix\n\nCo-authored-by: aider (gemini/gemini-2.5-pro) <aider@aider.chat>\n# Please enter the commit message\n';
    const result = detectAtCommitTime(message, { env: {}, author: { name: 'Jane (aider)', email: 'jane@example.com' } });
    expect(result.map((a) => `${a.agent}:${a.model}`)).toEqual(['aider:google/gemini-2.5-pro']);
  });

  it('generic AGENT variable only counts when it names a known agent', () => {
    expect(detectAtCommitTime('m\n', { env: { AGENT: 'amp' } }).map((a) => a.agent)).toEqual(['amp']);
    expect(detectAtCommitTime('m\n', { env: { AGENT: 'jenkins-7' } })).toEqual([]);
  });

  it.each([
    ['Crush shell', { CRUSH: '1', AGENT: 'crush', AI_AGENT: 'crush' }, ['crush']],
    ['Goose shell', { GOOSE_TERMINAL: '1', AGENT: 'goose' }, ['goose']],
    ['opencode shell (AGENT=1 names no agent)', { OPENCODE: '1', AGENT: '1' }, ['opencode']],
    ['Gemini CLI shell', { GEMINI_CLI: '1' }, ['gemini-cli']],
    ['Qwen Code shell', { QWEN_CODE: '1' }, ['qwen-code']],
    ['Cline terminal', { CLINE_ACTIVE: 'true' }, ['cline']],
    ['Codex seatbelt sandbox', { CODEX_SANDBOX: 'seatbelt', CODEX_SANDBOX_NETWORK_DISABLED: '1' }, ['codex']],
    ['Cursor agent exec host', { CURSOR_EXTENSION_HOST_ROLE: 'agent-exec' }, ['cursor']],
    ['Auggie CLI', { AUGMENT_AGENT: '1' }, ['augment']],
    ['Copilot CLI', { COPILOT_CLI: '1' }, ['copilot']],
    ['vercel-style AI_AGENT name', { AI_AGENT: 'codex_cli' }, ['codex']],
  ])('environment marker: %s', (_name, env, agents) => {
    expect(detectAtCommitTime('m\n', { env }).map((a) => a.agent)).toEqual(agents);
  });

  it.each([
    ['CRUSH=0', { CRUSH: '0' }],
    ['Cursor extension host that is not the agent', { CURSOR_EXTENSION_HOST_ROLE: 'user' }],
    ['AGENT=1 alone', { AGENT: '1' }],
    ['COPILOT_CLI=0', { COPILOT_CLI: '0' }],
  ])('not an agent environment: %s', (_name, env) => {
    expect(detectAtCommitTime('m\n', { env })).toEqual([]);
  });

  it('a human with no markers gets nothing', () => {
    expect(detectAtCommitTime('msg\n\nSigned-off-by: Jane <j@example.com>\n', { env: { CURSOR_TRACE_ID: 'abc', TERM_PROGRAM: 'vscode' } })).toEqual([]);
  });

  it('comment lines are not signals', () => {
    expect(detectAtCommitTime('msg\n# Co-authored-by: Claude <noreply@anthropic.com>\n', { env: {} })).toEqual([]);
  });
});

describe('hostile messages stay cheap', () => {
  it('free text spends a bounded number of catalog lookups per commit; once spent, only agents are read', () => {
    const value = Array.from({ length: 80 }, (_, index) => `qwen${index} claude-opus-${index}`).join(' ');
    const budget = newBudget();
    for (let round = 0; round < 200; round += 1) mentions(`${value} round${round}`, 'declared', {}, budget);
    expect(budget.lookups).toBe(0);
    // Once spent, a model's name is read for its vendor only (`qwen3-coder`: Qwen's word glued to a version).
    expect(mentions('Claude Code with qwen3-coder', 'declared', {}, budget)).toEqual([{ agent: 'claude-code', model: 'qwen/unknown' }]);
    expect(mentions('Claude Code with qwen3-coder', 'declared', {}, { lookups: LOOKUP_BUDGET })).toEqual([{ agent: 'claude-code', model: 'qwen/qwen3-coder' }]);
  });

  it('a value is read for at most 64 words', () => {
    const budget = newBudget();
    mentions(`${'word '.repeat(100)}qwen3-coder`, 'declared', {}, budget);
    expect(mentions(`${'word '.repeat(100)}qwen3-coder`, 'declared')).toEqual([]);
    expect(budget.lookups).toBe(LOOKUP_BUDGET);
  });
});

describe('declared values in linear time', () => {
  it.each([
    ['a run of lookalike letters with no ASCII', 'а'.repeat(200_000)],
    ['words of mixed scripts', 'Qwеn3 '.repeat(40_000)],
    ['combining marks and invisible characters', 'q\u0301\u034f'.repeat(70_000)],
  ])('%s (200,000 characters) is read, and a model after it still counts', (_name, filler) => {
    // CPU time, not wall time: linear code takes well under a second; a quadratic path, minutes.
    const before = process.cpuUsage();
    const read = detect(`x\n\nAssisted-by: claude-opus-4.6, ${filler} qwen3-coder\n`, human);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(10_000);
    expect(read.join(' ')).toMatch(/qwen\//);
  }, 120_000);
});

describe('code fences in the body', () => {
  const fenced = (inside: string, fence = '```') => `docs: the trailer format\n\nWrite it like this:\n\n${fence}\n${inside}\n${fence}\n\nThanks.\n`;
  it('a trailer or an agent footer quoted in a closed fence is a person writing about it, as git reads it', () => {
    for (const quoted of ['Assisted-by: qwen-code:qwen/qwen3-coder', 'Co-authored-by: Claude Opus 4.6 <noreply@anthropic.com>', '🤖 Generated with [Claude Code](https://claude.com/claude-code)']) {
      expect(detect(fenced(quoted)), quoted).toEqual([]);
      expect(detect(fenced(quoted, '~~~~')), quoted).toEqual([]);
    }
  });

  it('outside a fence, after a closed one, or after a fence never closed, the same lines still count', () => {
    expect(detect(`${fenced('x = 1')}Generated with [Claude Code](https://claude.com/claude-code)\n`)).toEqual(['claude-code:unknown']);
    expect(detect('Squash of #12\n\n```js\nconst x = 1;\n\nCo-authored-by: Claude Opus 4.6 <noreply@anthropic.com>\nmore prose\n')).toEqual(['claude-code:anthropic/claude-opus-4.6']);
    // A shorter or different closing fence does not close it.
    expect(detect('x\n\n````\na\n```\nCo-authored-by: Claude Opus 4.6 <noreply@anthropic.com>\nprose\n')).toEqual(['claude-code:anthropic/claude-opus-4.6']);
  });
});

describe('Alibaba\'s names for Qwen', () => {
  it('a declared Tongyi / Lingma / 通义 value is qwen/unknown, beside another model too; people with those names stay people', () => {
    for (const value of ['通义灵码', '通义千问', 'Tongyi Lingma', 'lingma', 'claude-opus-4.6, 通义千问']) expect(detect(`x\n\nAssisted-by: ${value}\n`).join(' '), value).toMatch(/qwen\/unknown/);
    expect(detect('x\n\nCo-authored-by: Tongyi Wang <tw@example.com>\n')).toEqual([]);
    expect(detect('We compared Tongyi Lingma and 通义千问 here.\n')).toEqual([]);
    expect(detect('x\n', { name: 'Lingma Chen', email: 'lc@example.com' })).toEqual([]);
  });
});

describe('right-to-left overrides in a trailer value ("Trojan Source")', () => {
  it('a model shown through an override is read as shown, as well as as stored', () => {
    expect(detect('x\n\nAssisted-by: claude-opus-4.6, \u202eredoc-3newq\u202c\n').join(' ')).toMatch(/qwen\/qwen3-coder/);
    expect(detect('x\n\nAssisted-by: claude-opus-4.6, \u202eredoc-3newq\n').join(' ')).toMatch(/qwen\/qwen3-coder/);
    // Stored in the clear and shown reversed: still read.
    expect(detect('x\n\nAssisted-by: claude-opus-4.6, \u202eqwen3-coder\u202c\n').join(' ')).toMatch(/qwen\/qwen3-coder/);
    expect(detect('x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n')).toEqual(['claude-code:anthropic/claude-opus-4.6']);
  });
});

describe('git merge --squash messages', () => {
  // What `git merge --squash` prepares (builtin/merge.c: each squashed commit as `git log` shows it).
  const squash = (...bodies: string[]) =>
    `Squashed commit of the following:\n${bodies
      .map((body, index) => `\ncommit ${String(index + 1).repeat(40)}\nAuthor: Jane Doe <jane@example.com>\nDate:   Wed Dec 2 07:59:50 2026 +0000\n\n${body.split('\n').map((line) => `    ${line}`).join('\n')}\n`)
      .join('')}`;
  it("reads the squashed commits' own trailers and footers, indented as git quotes them", () => {
    expect(detect(squash('Add b\n\nBody.\n\nAssisted-by: qwen-code:qwen/qwen3-coder'))).toEqual(['qwen-code:qwen/qwen3-coder']);
    expect(detect(squash('Human change', 'fix: y\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>'))).toEqual(['claude-code:anthropic/claude-sonnet-4.5']);
    // A subject of the user's own above it, CRLF line ends (an editor's), and text after the quoted commits.
    const edited = `Add the b feature\n\n${squash('Add b\n\nAssisted-by: claude-opus-4.6, qwen3-coder')}\nReviewed in person.\n`;
    expect(detect(edited)).toEqual(expect.arrayContaining(['unknown:qwen/qwen3-coder']));
    expect(detect(edited.replace(/\n/g, '\r\n'))).toEqual(expect.arrayContaining(['unknown:qwen/qwen3-coder']));
  });
  it('a squash of human commits stays human, and indented text elsewhere is not a squashed commit', () => {
    expect(detect(squash('Fix a\n\nCo-authored-by: John Roe <john@example.com>', 'Fix b\n\nSigned-off-by: Jane Doe <jane@example.com>'))).toEqual([]);
    expect(detect('Document the trailer\n\nLike this:\n\n    Assisted-by: qwen-code:qwen/qwen3-coder\n')).toEqual([]);
    expect(detect('Squashed commit of the following:\n\nNo commit lines here.\n    Assisted-by: qwen-code:qwen/qwen3-coder\n')).toEqual([]);
  });
  it("reads a squashed commit's bot author (an agent's only signal on its own commits), never a person's", () => {
    const byBot = squash('Fix the parser').replace('Author: Jane Doe <jane@example.com>', 'Author: Copilot <198982749+Copilot@users.noreply.github.com>');
    expect(detect(byBot)).toEqual(['copilot:unknown']);
    expect(detect(byBot.replace('Squashed commit of the following:', 'Quoted, not squashed:'))).toEqual([]);
    expect(detect(squash('Fix the parser', 'Fix the lexer'))).toEqual([]);
  });
  it('reads them at commit time too', () => {
    const message = `${squash('Add b\n\nAssisted-by: qwen-code:qwen/qwen3-coder')}\n# Please enter the commit message for your changes.\n`;
    expect(detectAtCommitTime(message, { env: {}, author: human }).map((a) => `${a.agent}:${a.model}`)).toEqual(['qwen-code:qwen/qwen3-coder']);
  });
});

describe('detectCommit: a dependency bot\'s quoted notes', () => {
  const dependabot: Identity = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

  it('closed <details> and <blockquote> blocks, nested ones too, are not read; what stands outside them is', () => {
    const quoted = 'Bump x\n\n<details>\n<blockquote>\n<details>\nCo-Authored-By: Claude <noreply@anthropic.com>\n</details>\n</blockquote>\n</details>\n<details><summary>one line</summary></details>\n';
    expect(detect(quoted, dependabot)).toEqual([]);
    expect(detect(`${quoted}\nAssisted-by: qwen-code:qwen/qwen3-coder\n`, dependabot)).toEqual(['qwen-code:qwen/qwen3-coder']);
    // A block never closed hides nothing.
    expect(detect('Bump x\n\n<details>\nCo-Authored-By: Claude <noreply@anthropic.com>\n', dependabot)).toEqual(['claude-code:unknown']);
  });

  it('thousands of blocks never closed are read in one pass (each used to be scanned to the end: 85 s for 19,000)', () => {
    const message = `Bump x\n\n${'<details>\n'.repeat(19_000)}Assisted-by: qwen-code:qwen/qwen3-coder\n`;
    expect(detect(message, dependabot)).toEqual(['qwen-code:qwen/qwen3-coder']);
  });
});

describe('detectCommit: a pull request\'s AI checklist', () => {
  it('a ticked tool under a lead that asks which AI was used counts; thousands of items read their lead once (each used to look back over all before it: 20 s for 19,000)', () => {
    expect(detect('Feat\n\n## AI Assistance\n\n- [ ] Cursor\n- [x] Claude Code\n')).toEqual(['claude-code:unknown']);
    expect(detect('Feat\n\n## Tested with\n\n- [x] Claude Code\n')).toEqual([]);
    const many = `Feat\n\n## AI Assistance\n\n${'- [x] Claude Code\n'.repeat(19_000)}- [x] Qwen Code (qwen3-coder)\n`;
    expect(detect(many)).toEqual(['claude-code:unknown', 'qwen-code:qwen/qwen3-coder']);
  });
});

describe("detectCommit: an agent's own name before a model id that starts with its family's word", () => {
  // Claude Code workflows and commit skills write `Claude <model id>` (a CI helper derives the trailer
  // from the run's modelUsage key: `Co-Authored-By: Claude claude-opus-5 (1M context) <noreply@anthropic.com>`);
  // Codex instructions write `Codex <model name> <codex@openai.com>`. The whole name was read as one
  // model (`anthropic/claude-claude-opus-4.6`, `openai/codex-gpt-6.1-sol`) beside the real one.
  it.each([
    ['Co-Authored-By: Claude claude-opus-4-6 <noreply@anthropic.com>', ['claude-code:anthropic/claude-opus-4.6']],
    ['Co-Authored-By: Claude claude-sonnet-4.6 <noreply@anthropic.com>', ['claude-code:anthropic/claude-sonnet-4.6']],
    ['Co-Authored-By: Claude claude-opus-5 (1M context) <noreply@anthropic.com>', ['claude-code:anthropic/claude-opus-5']],
    ['Co-Authored-By: Codex GPT-6.1 Sol <codex@openai.com>', ['codex:openai/gpt-6.1-sol']],
    ['Co-authored-by: Codex gpt-5.6 <codex@openai.com>', ['codex:openai/gpt-5.6']],
    ['AI-Model: Claude claude-opus-4-6', ['claude-code:anthropic/claude-opus-4.6']],
    ['AI-Model: Codex gpt-5.6', ['codex:openai/gpt-5.6']],
    // A model named with a family word inside it is still one model.
    ['Co-Authored-By: Codex gpt-5.2-codex <noreply@openai.com>', ['codex:openai/gpt-5.2-codex']],
    ['AI-Model: deepseek-r1-distill-llama-3.3-70b', ['unknown:deepseek/deepseek-r1-distill-llama-3.3-70b']],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: OpenAI's Astra and Terra tiers", () => {
  // GPT-6 Astra (Codex's default in late 2026) and GPT-5.6 Terra beside Luna and Sol: read as
  // openai/gpt-6 and openai/gpt-5.6 outside an agent's own line, and as a second, less exact model on it.
  it.each([
    ['Co-authored-by: Codex GPT-6 Astra <codex@openai.com>', ['codex:openai/gpt-6-astra']],
    ['Co-Authored-By: GPT-5.6 Terra <noreply@openai.com>', ['codex:openai/gpt-5.6-terra']],
    ['Co-authored-by: Codex (GPT-6 Astra)', ['codex:openai/gpt-6-astra']],
    ['Made-with: GPT-6 Astra', ['unknown:openai/gpt-6-astra']],
    // A tier word no list knows still reads as one model on the agent's own line, not two.
    ['Co-Authored-By: Gemini 3.8 Flash Nova <noreply@google.com>', ['gemini-cli:google/gemini-3.8-flash-nova']],
    // The words alone are no model; a second model named after a comma is still read.
    ['Co-authored-by: Astra Terra <astra@example.com>', []],
    ['Co-Authored-By: GPT-5 mini, GPT-5 <noreply@openai.com>', ['codex:openai/gpt-5-mini', 'codex:openai/gpt-5']],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Claude's Fable and Mythos tiers", () => {
  // Claude Fable 5 / 5.1 and Claude Mythos 5 / 5.1 (Anthropic, June and September 2026) beside Opus,
  // Sonnet and Haiku: read only on Claude Code's own line; elsewhere the model was lost
  // (`Generated-by: Claude Code (Claude Fable 5)` read claude-code:unknown) or the line was no AI at all.
  it.each([
    ['Generated-by: Claude Code (Claude Fable 5)', ['claude-code:anthropic/claude-fable-5']],
    ['Generated-with: Claude Code (Claude Fable 5)', ['claude-code:anthropic/claude-fable-5']],
    ['Assisted-by: Claude Code:claude-mythos-5-1', ['claude-code:anthropic/claude-mythos-5.1']],
    ['Assisted-by: Claude Fable 5.1', ['unknown:anthropic/claude-fable-5.1']],
    ['Made-with: Claude Fable 5.1', ['unknown:anthropic/claude-fable-5.1']],
    ['Assisted-by: Claude Mythos', ['unknown:anthropic/claude-mythos']],
    ['Assisted-by: Claude Opus', ['unknown:anthropic/claude-opus']],
    ['Co-Authored-By: Claude Mythos 5.1 <noreply@anthropic.com>', ['claude-code:anthropic/claude-mythos-5.1']],
    // A person of those names, and the game, are no model.
    ['Co-authored-by: Claude Fable <claude.fable@example.fr>', []],
    ['Made-with: Fable 4', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Cursor's Claude model ids that carry the reasoning effort", () => {
  // Cursor encodes the effort in the model slug (`claude-opus-4-8-high`, `-max`, `-xhigh`,
  // `-thinking-high`), and a mainline kernel commit carries `Assisted-by: Cursor:claude-4.6-opus-high-thinking`:
  // read as the made-up models anthropic/claude-opus-4.6-high, claude-opus-4.8-max, which no deny or allow rule names.
  it.each([
    ['Assisted-by: Cursor:claude-4.6-opus-high-thinking', ['cursor:anthropic/claude-opus-4.6']],
    ['Assisted-by: Cursor (claude-opus-4-8-thinking-high)', ['cursor:anthropic/claude-opus-4.8']],
    ['Assisted-by: Cursor (claude-opus-4-8-max)', ['cursor:anthropic/claude-opus-4.8']],
    ['Assisted-by: Cursor:claude-opus-4-7-xhigh', ['cursor:anthropic/claude-opus-4.7']],
    ['AI-Model: Claude Opus 5 High', ['unknown:anthropic/claude-opus-5']],
    ['Assisted-by: Cursor:claude-fable-5.1-max', ['cursor:anthropic/claude-fable-5.1']],
    // Other families keep their own names (`gpt-5.1-codex-max` is a model).
    ['Assisted-by: codex:gpt-5.1-codex-max', ['codex:openai/gpt-5.1-codex-max']],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Bobbit's and CodeAF's own trailers", () => {
  // G-Research/bobbit pull request #87: `Co-Authored-By: Bobbit (<model display name>) <noreply@bobbit.dev>`;
  // Agent-Field/CodeAF pull request #1325: `Assisted-by: CodeAF (<model id>)` beside
  // `Co-Authored-By: CodeAF <267109073+agentfield-bot@users.noreply.github.com>`. Each read as no agent's (or no AI at all).
  it.each([
    ['Co-Authored-By: Bobbit (Claude Sonnet 4.6 (aws)) <noreply@bobbit.dev>', ['bobbit:anthropic/claude-sonnet-4.6']],
    ['Co-Authored-By: Bobbit (GPT-5.6 Sol) <noreply@bobbit.dev>', ['bobbit:openai/gpt-5.6-sol']],
    ['Assisted-by: CodeAF (claude-opus-4-8)\nCo-Authored-By: CodeAF <267109073+agentfield-bot@users.noreply.github.com>', ['codeaf:anthropic/claude-opus-4.8']],
    ['Co-Authored-By: CodeAF <267109073+agentfield-bot@users.noreply.github.com>', ['codeaf:unknown']],
    // A person of that surname, and another account's name at the bot's address, are not.
    ['Co-authored-by: Jane Bobbit <jane@bobbit.org>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: an agent named at its own domain (pi, Kiro)", () => {
  // A pi-coding-agent extension writes `Co-Authored-By: <model name> <noreply@pi.dev>` and
  // `Generated-By: pi <version>`; a project's rules write `Kiro AI (<model>) <kiro@kiro.dev>`:
  // both read as an unknown agent's model (the attribution corpus's two agent misses).
  it.each([
    ['Co-Authored-By: Claude Sonnet 4 <noreply@pi.dev>\nGenerated-By: pi 0.52.12', ['pi:anthropic/claude-sonnet-4']],
    ['Co-authored-by: Kiro AI (Claude Opus 4.6) <kiro@kiro.dev>', ['kiro:anthropic/claude-opus-4.6']],
    ['Co-authored-by: Kiro <kiro@kiro.dev>', ['kiro:unknown']],
    // Raspberry Pi and a person named Kiro elsewhere are no agent.
    ['Built-with: Raspberry Pi', []],
    ['Co-authored-by: Kiro Tanaka <kiro@tanaka.dev>', []],
    ['Co-authored-by: Kiro Tanaka <kiro@kiro.dev>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: a co-author's model `via` the agent that ran it", () => {
  // A project's plans write `Co-authored-by: Gemini 3.6 Flash via Antigravity <noreply@google.com>` on
  // every commit: Gemini CLI's name pattern at Google's no-reply address took it (the wrong agent), and
  // `Gemini 3 Pro (High) via Google Antigravity <gemini-bot@google.com>` read as no agent's.
  it.each([
    ['Co-authored-by: Gemini 3.6 Flash via Antigravity <noreply@google.com>', ['antigravity:google/gemini-3.6-flash']],
    ['Co-authored-by: Gemini 3 Pro (High) via Google Antigravity <gemini-bot@google.com>', ['antigravity:google/gemini-3-pro']],
    ['Co-authored-by: Claude Opus 4.6 via Kiro <noreply@anthropic.com>', ['kiro:anthropic/claude-opus-4.6']],
    // The agent's own name after `via`, and a router there, change nothing.
    ['Co-authored-by: Gemini 3.6 Flash via Gemini CLI <noreply@google.com>', ['gemini-cli:google/gemini-3.6-flash']],
    ['Co-authored-by: Gemini 2.5 Pro via OpenRouter <noreply@google.com>', ['gemini-cli:google/gemini-2.5-pro']],
    ['Assisted-by: Claude Sonnet 4.5 via Crush <crush@charm.land>', ['crush:anthropic/claude-sonnet-4.5']],
    // A person's name is no model: `via` after it names no agent's work.
    ['Co-authored-by: Jane Doe via Cursor <jane@example.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });

  it('as the commit author too (an agent set as author: `Gemini 3.7 Flash via Antigravity <antigravity-ai@….local>`)', () => {
    expect(detect('fix: x\n', { name: 'Gemini 3.6 Flash via Antigravity', email: 'noreply@google.com' })).toEqual(['antigravity:google/gemini-3.6-flash']);
    expect(detect('fix: x\n', { name: 'Gemini 3.7 Flash via Antigravity', email: 'antigravity-ai@carelynx.local' })).toEqual(['antigravity:google/gemini-3.7-flash']);
    expect(detect('fix: x\n', { name: 'Jane Doe via Cursor', email: 'jane@example.com' })).toEqual([]);
  });
});

describe("detectCommit: xAI's Grok Build", () => {
  // Grok Build (xAI's terminal coding agent, May 2026): projects' rules and a commit wrapper write
  // `Co-Authored-By: Grok Build <noreply@x.ai>`, `<grok@x.ai>`, `<grok-build@x.ai>`, `<noreply@grok.x.ai>`,
  // each read as no agent's (`unknown:x-ai/unknown`), `Grok Build
  // implementer <grok-build@x.ai>` as a person's, and `Assisted-by: Grok Build (grok-code-fast-1)` without its agent.
  it.each([
    ['Co-Authored-By: Grok Build <noreply@x.ai>', ['grok-build:x-ai/unknown']],
    ['Co-Authored-By: Grok Build <grok@x.ai>', ['grok-build:x-ai/unknown']],
    ['Co-authored-by: Grok Build <grok-build@x.ai>', ['grok-build:x-ai/unknown']],
    ['Co-authored-by: Grok Build <noreply@grok.x.ai>', ['grok-build:x-ai/unknown']],
    ['Co-authored-by: Grok Build implementer <grok-build@x.ai>', ['grok-build:x-ai/unknown']],
    ['Assisted-by: Grok Build (grok-code-fast-1)', ['grok-build:x-ai/grok-code-fast-1']],
    ['Co-Authored-By: Grok 4.6 <noreply@x.ai>', ['unknown:x-ai/grok-4.6']],
    // xAI's people, and a build of something named Grok, are not.
    ['Co-authored-by: Jane Doe <jane@x.ai>', []],
    ['Built-with: grok-exporter build 2.1', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: GPT-6 model ids that carry the reasoning effort", () => {
  // Gateways, Cursor and Codex profiles write the effort into GPT-6's slug (`gpt-6-astra-xhigh`,
  // `gpt-6-sol-high`, `gpt-6-astra-xhigh-fast`), and GPT-5.6 Sol's `max` effort as `GPT-5.6 Sol Max`:
  // effort words were dropped only for GPT-5 ids, so each read as a model OpenAI never published.
  it.each([
    ['Assisted-by: codex:gpt-6-astra-xhigh', ['codex:openai/gpt-6-astra']],
    ['AI-Model: gpt-6-sol-high', ['unknown:openai/gpt-6-sol']],
    ['Assisted-by: Cursor:gpt-6-sol-high-fast', ['cursor:openai/gpt-6-sol']],
    ['Assisted-by: codex:gpt-6.1-sol-medium', ['codex:openai/gpt-6.1-sol']],
    ['AI-Model: GPT-5.6 Sol Max', ['unknown:openai/gpt-5.6-sol']],
    ['AI-Model: gpt-6-sol-ultra', ['unknown:openai/gpt-6-sol']],
    // A model named `max` stays that model.
    ['Assisted-by: codex:gpt-5.1-codex-max', ['codex:openai/gpt-5.1-codex-max']],
    ['AI-Model: gpt-5-mini', ['unknown:openai/gpt-5-mini']],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Antigravity's model ids that carry the thinking level", () => {
  // Antigravity names Gemini 3 Pro's thinking levels as models (`gemini-3-pro-high`, `gemini-3-pro-low`,
  // its picker's `Gemini 3 Pro (High)`) and gpt-oss's effort likewise (`gpt-oss-120b-medium`); kernel
  // commits declare Antigravity's model as `Assisted-by: Antigravity:<model id>`.
  it.each([
    ['Assisted-by: Antigravity:gemini-3-pro-high', ['antigravity:google/gemini-3-pro']],
    ['Assisted-by: Antigravity:gemini-3-pro-low', ['antigravity:google/gemini-3-pro']],
    ['AI-Model: gemini-3.8-flash-high', ['unknown:google/gemini-3.8-flash']],
    ['Assisted-by: Antigravity:gpt-oss-120b-medium', ['antigravity:openai/gpt-oss-120b']],
    // Gemini's own variants stay.
    ['Assisted-by: Antigravity:gemini-2.5-flash-lite', ['antigravity:google/gemini-2.5-flash-lite']],
    ['Assisted-by: Antigravity:gemini-3.5-flash', ['antigravity:google/gemini-3.5-flash']],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: a Model: trailer beside an agent's line", () => {
  // loopdive/js2 pull request #5234 (a commit-msg hook enforces it): every commit with a Claude or Codex
  // co-author line also carries `Model: <vendor family version effort>` (`Model: Codex GPT-5.6 Sol Max`,
  // `Model: Claude Fable 5 Max`); Codex's line names no model, so the commit read codex:unknown.
  it.each([
    ['Co-authored-by: Codex <noreply@openai.com>\nModel: Codex GPT-5.6 Sol Max', ['codex:openai/gpt-5.6-sol']],
    ['Co-Authored-By: Claude <noreply@anthropic.com>\nModel: Claude Fable 5 Max', ['claude-code:anthropic/claude-fable-5']],
    ['Co-authored-by: Codex <noreply@openai.com>\nModel: GPT-6 Astra', ['codex:openai/gpt-6-astra']],
    // Alone, or naming no model (a laptop, a results table's model), it says nothing of who wrote the commit.
    ['Model: Claude Opus 5 High', []],
    ['Model: Llama-3.1-8B\nDataset: MMLU', []],
    ['Co-authored-by: Codex <noreply@openai.com>\nModel: ThinkPad X1 Carbon', ['codex:unknown']],
    ['Co-authored-by: Jane Roe <jane@example.com>\nModel: gpt-4o', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });

  it("a message holding only `Model:` stays on the hooks' fast path (the word is everywhere; signatures.json companionModels is no *Keys list: read only beside one)", async () => {
    const { messageKeys } = await import('../../src/core/fast-path-layout.js');
    expect(messageKeys()).not.toContain('model');
    expect(messageKeys()).toContain('ai-model');
  });
});

describe("detectCommit: Kimi Code's line with its CLI word or version", () => {
  // `Co-Authored-By: Kimi Code CLI <noreply@moonshot.ai>` (a task runner's commits) and `Kimi Code 2.7
  // <noreply@moonshot.ai>` (a project's list of co-author lines) read as no agent's Kimi model
  // (`unknown:moonshotai/unknown`); `Kimi Code <noreply@moonshot.ai>`, on vLLM's commits, as Kimi Code's.
  it.each([
    ['Co-Authored-By: Kimi Code CLI <noreply@moonshot.ai>', ['kimi-code:moonshotai/unknown']],
    ['Co-Authored-By: Kimi Code 2.7 <noreply@moonshot.ai>', ['kimi-code:moonshotai/unknown']],
    ['Co-authored-by: Kimi Code <noreply@moonshot.ai>', ['kimi-code:moonshotai/unknown']],
    // Kimi's models at Moonshot's address stay no agent's model, as before.
    ['Co-authored-by: Kimi K3 <noreply@moonshot.ai>', ['unknown:moonshotai/kimi-k3']],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Xiaomi's MiMo, Meituan's LongCat and Tencent's Hunyuan models", () => {
  // Agents run these through Anthropic-compatible endpoints and opencode's gateways, and write them
  // as they write any model (`Co-Authored-By: mimo-v2.5-pro <support-mimo@xiaomi.com>` in a commit
  // skill; `longcat-2.0 (opencode-go)`, `mimo-v2.5 (opencode-go)` in a project's co-author headers):
  // no family knew them, so the model was lost (`claude-code:unknown`, `opencode:unknown`) or the line read as a person's.
  it.each([
    ['Co-Authored-By: mimo-v2.5-pro <support-mimo@xiaomi.com>', ['unknown:xiaomi/mimo-v2.5-pro']],
    ['Co-Authored-By: MiMo-V2-Pro <noreply@anthropic.com>', ['claude-code:xiaomi/mimo-v2-pro']],
    ['Assisted-by: opencode:longcat-2.0', ['opencode:meituan/longcat-2.0']],
    ['Co-authored-by: longcat-2.0 (opencode-go)', ['opencode:meituan/longcat-2.0']],
    ['AI-Model: hunyuan-t1', ['unknown:tencent/hunyuan-t1']],
    // People and words of those names are no model.
    ['Co-authored-by: Mimo Rossi <mimo@example.it>', []],
    ['Co-authored-by: Longcat <longcat@example.org>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Copilot's address with the model in a note", () => {
  // Projects' rules write `Co-authored-by: GitHub Copilot (Gemini 3.1 Pro) <copilot@github.com>` and, for
  // Copilot CLI, `Co-Authored-By: Copilot (<model-used> <effort>) <copilot@github.com>`: Copilot's identity
  // at that address took the bare name only, so each read as no agent's model.
  it.each([
    ['Co-authored-by: GitHub Copilot (Gemini 3.1 Pro) <copilot@github.com>', ['copilot:google/gemini-3.1-pro']],
    ['Co-authored-by: Copilot (gpt-4.1) <copilot@github.com>', ['copilot:openai/gpt-4.1']],
    ['Co-Authored-By: Copilot (claude-sonnet-4.6 high) <copilot@github.com>', ['copilot:anthropic/claude-sonnet-4.6']],
    ['Co-authored-by: GitHub Copilot <copilot@github.com>', ['copilot:unknown']],
    // Another name at that address is not Copilot's.
    ['Co-authored-by: Mona Lisa (she/her) <copilot@github.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Codex's GitHub account", () => {
  // Projects credit Codex by its official GitHub account (login `codex`, id 267193182, checked against
  // GitHub's user API in their AGENTS.md): `Co-authored-by: Codex <267193182+codex@users.noreply.github.com>`,
  // and `Codex (<MODEL_NAME>) <codex@users.noreply.github.com>`: each read as a person's commit.
  it.each([
    ['Co-authored-by: Codex <267193182+codex@users.noreply.github.com>', ['codex:unknown']],
    ['Co-Authored-By: Codex GPT-6.1 Sol <267193182+codex@users.noreply.github.com>', ['codex:openai/gpt-6.1-sol']],
    ['Co-authored-by: Codex (gpt-5.6-sol) <codex@users.noreply.github.com>', ['codex:openai/gpt-5.6-sol']],
    // Another account whose login holds the word is a person's.
    ['Co-authored-by: Ana Codex <1234+anacodex@users.noreply.github.com>', []],
    ['Co-authored-by: Codex Fan <999+codex@users.noreply.github.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Devin's pull request footer in a squash merge", () => {
  // Devin ends every pull request description with `Link to Devin run: https://app.devin.ai/sessions/<id>`
  // and `Requested by: …` (bold or as headings in some); a squash merge that keeps the description, with
  // the person who merged as author, read as that person's commit (Cursor's and Codex's own lines are read).
  it.each([
    ['Link to Devin run: https://app.devin.ai/sessions/d1991f5d4f0a47d994adb358b084d182\nRequested by: Nathan Doe (nathan@example.com)', ['devin:unknown']],
    ['**Link to Devin run**: https://app.devin.ai/sessions/a9c56bb42b0344fab812984651eb539b\n**Requested by**: Dan Doe (dan@example.com)', ['devin:unknown']],
    ['## Link to Devin run\nhttps://app.devin.ai/sessions/2ca996ced7d24a7e8b2e33800f19a12f\n\n## Requested by\nmasui@example.jp', ['devin:unknown']],
    ['- Link to Devin run: https://app.devin.ai/sessions/084adec2d6f346348410807939c079a4\n- Requested by: Erk Doe (@erk)', ['devin:unknown']],
    // A bare session link, or one quoted in prose, is no signature.
    ['See https://app.devin.ai/sessions/d1991f5d4f0a47d994adb358b084d182 for what it tried.', []],
    ['The Devin docs say to paste the session link (Link to Devin run) into the ticket.', []],
  ])('%s', (body, expected) => {
    expect(detect(`Add the models list (#12)\n\n* Added models.ts\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: OpenHands' pull request disclosure in a squash merge", () => {
  // OpenHands' pull requests end with `This PR was created by an AI agent (OpenHands) on behalf of <user>.`
  // (in italics in most); a squash merge that keeps the description read as the merger's own commit.
  it.each([
    ['---\n*This PR was created by an AI agent (OpenHands) on behalf of the user.*', ['openhands:unknown']],
    ['_This PR was created by an AI agent (OpenHands) on behalf of @saidai._', ['openhands:unknown']],
    ['This PR was created by an AI agent (OpenHands) on behalf of afreravi.', ['openhands:unknown']],
    // A rule that quotes it, or prose about it, is not.
    ['- add the note: "This PR was created by an AI agent (OpenHands) on behalf of afreravi."', []],
    ['We stopped letting an AI agent (OpenHands) open PRs on behalf of the team.', []],
  ])('%s', (body, expected) => {
    expect(detect(`Add migration status store (#37)\n\nDRAFT, ready for review.\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Copilot coding agent's markers in a squash merge", () => {
  // Copilot coding agent writes `<!-- START COPILOT CODING AGENT SUFFIX -->` (and `… TIPS -->`,
  // `<!-- START COPILOT ORIGINAL PROMPT -->`) into every pull request description; a squash merge that
  // keeps the description but not the co-author lines (edited, or the commits rewritten) read as a person's.
  it.each([
    ['- **Regression coverage**\n\n<!-- START COPILOT CODING AGENT SUFFIX -->\n\n- Fixes #10595', ['copilot:unknown']],
    ['## Security Summary\n- No vulnerabilities found\n\n<!-- START COPILOT ORIGINAL PROMPT -->', ['copilot:unknown']],
    ['- Fixes #509\n\n<!-- START COPILOT CODING AGENT TIPS -->\n---', ['copilot:unknown']],
    // Another tool's comment, or the marker quoted in prose, is not.
    ['<!-- START AUTOGENERATED SECTION -->', []],
    ['The `<!-- START COPILOT CODING AGENT SUFFIX -->` marker is stripped by our template check.', []],
  ])('%s', (body, expected) => {
    expect(detect(`Fix the BV shift (#10596)\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Gemini CLI's account without its id, and its agent address", () => {
  // Gemini CLI's GitHub account (login `gemini-cli`, id 218195315) is read with its id; projects' rules
  // also write its bare login (`Gemini CLI <gemini-cli@users.noreply.github.com>`) and
  // `Co-authored-by: Gemini CLI <agent@gemini.google.com>`: each read as a person's commit.
  it.each([
    ['Co-Authored-By: Gemini CLI <gemini-cli@users.noreply.github.com>', ['gemini-cli:unknown']],
    ['Co-authored-by: Gemini CLI <agent@gemini.google.com>', ['gemini-cli:unknown']],
    ['Co-authored-by: Gemini CLI (gemini-3.5-flash) <agent@gemini.google.com>', ['gemini-cli:google/gemini-3.5-flash']],
    // A Googler's mailbox there, or another login, is a person's.
    ['Co-authored-by: Jane Doe <jane@gemini.google.com>', []],
    ['Co-authored-by: Gem Ini <77+gemini-cli-fan@users.noreply.github.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Entire's checkpoint trailer", () => {
  // Entire (entireio/cli) records an agent's session and, when a commit's staged files hold that
  // session's edits, appends `Entire-Checkpoint: <12 hex or a ULID>` (trailers.go AppendCheckpointTrailer,
  // content_overlap.go); the agent is named only on its checkpoints ref. It read as a person's commit.
  it.each([
    ['Entire-Checkpoint: a3b2c4d5e6f7', ['unknown:unknown']],
    ['Entire-Checkpoint: 01M2VBJBJQZ2BP1W2PBWDF3J30', ['unknown:unknown']],
    ['Signed-off-by: Jane Doe <jane@example.com>\nEntire-Checkpoint: 01M2VBJBJQZ2BP1W2PBWDF3J31', ['unknown:unknown']],
    // Beside the agent's own line it is that agent's.
    ['Co-Authored-By: Claude Opus 4.7 <noreply@anthropic.com>\nEntire-Checkpoint: a3b2c4d5e6f7', ['claude-code:anthropic/claude-opus-4.7']],
    // A template's placeholder, a rule naming the key, and no id are no one's session.
    ['Entire-Checkpoint: [auto-generated]', []],
    ['Entire-Checkpoint: <id>', []],
    ['Verify the latest commit carries an `Entire-Checkpoint:` trailer before pushing.', []],
    ['Entire-Checkpoint:', []],
  ])('%s', (body, expected) => {
    expect(detect(`feat: add the export dialog\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Claude Code's pull request footer with its share and model", () => {
  // Claude Code's pull request attribution (getEnhancedPRAttribution) ends the description with
  // `🤖 Generated with [Claude Code](…) (<share>% <n>-shotted by <model>[, <k> memories recalled])`;
  // a squash merge keeps it as the body. The footer's own pattern ended at the link, so the line was
  // read only as a copied footer naming Claude Code, and the model it names was lost.
  it.each([
    ['🤖 Generated with [Claude Code](https://claude.com/claude-code) (93% 3-shotted by claude-opus-4-6)', ['claude-code:anthropic/claude-opus-4.6']],
    ['🤖 Generated with [Claude Code](https://claude.com/claude-code) (93% 3-shotted by claude-opus-4-5, 2 memories recalled)', ['claude-code:anthropic/claude-opus-4.5']],
    ['🤖 Generated with [Claude Code](https://claude.com/claude-code) (45% 2-shotted by claude-sonnet-4-6, 1 memory recalled)', ['claude-code:anthropic/claude-sonnet-4.6']],
    // The plain footer, and a note that names no model, are Claude Code's of an unknown model as before.
    ['🤖 Generated with [Claude Code](https://claude.com/claude-code)', ['claude-code:unknown']],
    ['🤖 Generated with [Claude Code](https://claude.com/claude-code) (93% 3-shotted by cap*****-v2-fast)', ['claude-code:unknown']],
    // The format quoted in prose is no one's.
    ['Claude Code ends its descriptions with `Generated with [Claude Code](https://claude.com/claude-code) (93% 3-shotted by claude-opus-4-6)`, which we strip.', []],
  ])('%s', (body, expected) => {
    expect(detect(`Add retry to the upload client (#418)\n\n## Summary\n- Retry 502 responses\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Copilot code review's account as a co-author", () => {
  // Copilot's pull request reviews are posted by `copilot-pull-request-reviewer[bot]` (id 175728472);
  // projects credit it on the commit that applies its review (`Co-authored-by: Copilot
  // <175728472+copilot-pull-request-reviewer[bot]@users.noreply.github.com>`, or the login alone),
  // and hooks strip that line as Copilot's. Each read as a person's commit.
  it.each([
    ['Co-authored-by: Copilot <175728472+copilot-pull-request-reviewer[bot]@users.noreply.github.com>', ['copilot:unknown']],
    ['Co-authored-by: copilot-pull-request-reviewer[bot] <175728472+copilot-pull-request-reviewer[bot]@users.noreply.github.com>', ['copilot:unknown']],
    ['Co-authored-by: copilot-pull-request-reviewer[bot]', ['copilot:unknown']],
    // A review is no authorship, and a login without `[bot]` is someone's account.
    ['Reviewed-by: copilot-pull-request-reviewer[bot]', []],
    ['Addresses the comments copilot-pull-request-reviewer[bot] left on the first revision.', []],
    ['Co-authored-by: Pat Lee <42+copilot-pull-request-reviewer@users.noreply.github.com>', []],
  ])('%s', (body, expected) => {
    expect(detect(`fix: clamp the dial angle\n\n${body}\n`)).toEqual(expected);
  });

  it('is Copilot as the commit author too, by its login or its address', () => {
    expect(detect('Update src/dial.ts\n', { name: 'copilot-pull-request-reviewer[bot]', email: '175728472+copilot-pull-request-reviewer[bot]@users.noreply.github.com' })).toEqual(['copilot:unknown']);
  });
});

describe("detectCommit: Gemini at gemini@google.com", () => {
  // Commit helpers, agent rules and attribution tables credit Gemini as `Gemini <gemini@google.com>`
  // (`Co-Authored-By: Google Gemini <gemini@google.com>`, `--author=Gemini <gemini@google.com>`), as
  // `Claude <claude@anthropic.com>` is credited; `Gemini` is also a person's name, so each read as a person's.
  it.each([
    ['Co-authored-by: Gemini <gemini@google.com>', ['gemini-cli:unknown']],
    ['Co-Authored-By: Google Gemini <gemini@google.com>', ['gemini-cli:unknown']],
    ['Co-authored-by: Gemini CLI <gemini@google.com>', ['gemini-cli:unknown']],
    ['Co-authored-by: Gemini (gemini-3-pro) <gemini@google.com>', ['gemini-cli:google/gemini-3-pro']],
    // Another name at that address, the name at another Google address, and a person named Gemini are not.
    ['Co-authored-by: Gemini Lopez <gemini@google.com>', []],
    ['Co-authored-by: Gemini <gemini.lopez@google.com>', []],
    ['Co-authored-by: Gemini Team <gemini-team@google.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix: x\n\n${trailer}\n`)).toEqual(expected);
  });

  it('is Gemini as the commit author', () => {
    expect(detect('Add the test runner wrapper\n', { name: 'Gemini', email: 'gemini@google.com' })).toEqual(['gemini-cli:unknown']);
  });
});

describe("detectCommit: Claude Code on the web's session link", () => {
  // Claude Code on the web ends each commit with the session's link on a line of its own
  // (`https://claude.ai/code/session_<id>`; anthropics/claude-code issue #40733, 2.1.87; projects'
  // CLAUDE.md: "Format: `<type>: <description>\n\nhttps://claude.ai/code/session_<id>`"), and the
  // pull requests it opens with `_Generated by [Claude Code](https://claude.ai/code/session_<id>)_`
  // (below `---`, kept by a squash merge; a Claude Code settings PR's own description): both read as a person's.
  it.each([
    ['https://claude.ai/code/session_01BMwkZwXscNESZMb1iFjeLU', ['claude-code:unknown']],
    ['https://claude.com/code/session_013exyhWpZbEyrHaetsxynxc', ['claude-code:unknown']],
    ['---\n_Generated by [Claude Code](https://claude.ai/code/session_01RU8JrXGhhWnXkW9fWLtfqb)_', ['claude-code:unknown']],
    ['_Generated by [Claude Code](https://claude.ai/code)_', ['claude-code:unknown']],
    ['Generated by [Claude Code](https://claude.ai/code/session_01HsSQ1TEzdCLan4rGpsqE4A)', ['claude-code:unknown']],
    // The link inside a sentence, to another page of the site, or a placeholder is no one's.
    ['See https://claude.ai/code/session_01BMwkZwXscNESZMb1iFjeLU for the transcript.', []],
    ['https://claude.ai/code/onboarding', []],
    ['Generated by [Claude Monet](https://example.org/monet)', []],
  ])('%s', (body, expected) => {
    expect(detect(`feat(water): suggest salt additions\n\nReads ions against the target.\n\n${body}\n`)).toEqual(expected);
  });

  it('is one Claude Code reading beside its co-author line', () => {
    expect(detect('fix: y\n\nCo-Authored-By: Claude Opus 4.8 <noreply@anthropic.com>\n\nhttps://claude.ai/code/session_01W3iwFZVppJtk5cEvdUbnsF\n')).toEqual(['claude-code:anthropic/claude-opus-4.8']);
  });
});

describe("detectCommit: Command Code's co-author line", () => {
  // Command Code's own system prompt: "the commit message MUST end with the following co-author
  // trailer: Co-authored-by: CommandCodeBot <noreply@commandcode.ai>" (CommandCodeAI/command-code
  // issue #667: every commit gets it); projects' rules also write `Command Code <noreply@commandcode.ai>`.
  it.each([
    ['Co-authored-by: CommandCodeBot <noreply@commandcode.ai>', ['command-code:unknown']],
    ['Co-authored-by: Command Code <noreply@commandcode.ai>', ['command-code:unknown']],
    ['Assisted-by: Command Code', ['command-code:unknown']],
    // A person at the vendor's domain is not.
    ['Co-authored-by: Jane Doe <jane@commandcode.ai>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`feat(sidecar): parse markdown into stable ids\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Kilo at kilo.ai", () => {
  // Kilo Code (now Kilo, at kilo.ai) commits as `Kilo <kilo@kilo.ai>` (a project's contributor
  // investigation: "Commit 008bbe9 was authored as `Kilo <kilo@kilo.ai>`"), and projects' rules credit
  // it as `Grok (x-ai/grok-code-fast-1) <kilo@kilo.ai>`, `<model> <noreply@kilo.ai>`: read as a
  // person's commit, or as no agent's model.
  it.each([
    ['Co-Authored-By: Kilo <kilo@kilo.ai>', ['kilo-code:unknown']],
    ['Co-Authored-By: Grok (x-ai/grok-code-fast-1) <kilo@kilo.ai>', ['kilo-code:x-ai/grok-code-fast-1']],
    ['Co-Authored-By: Claude Sonnet 4.6 <noreply@kilo.ai>', ['kilo-code:anthropic/claude-sonnet-4.6']],
    ['Co-Authored-By: DeepSeek v4.1 Flash (Kilo) <noreply@kilo.ai>', ['kilo-code:deepseek/deepseek-v4.1-flash']],
    ['Co-Authored-By: Kilo Code <noreply@kilo.ai>', ['kilo-code:unknown']],
    // Kilo's people, and a person named Kilo elsewhere, are not.
    ['Co-Authored-By: Jane Doe <jane@kilo.ai>', []],
    ['Co-Authored-By: Kilo Smith <kilo@example.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`feat(shell): dialogs over their parent window\n\n${trailer}\n`)).toEqual(expected);
  });

  it('is Kilo as the commit author', () => {
    expect(detect('docs: contributor insights\n', { name: 'Kilo', email: 'kilo@kilo.ai' })).toEqual(['kilo-code:unknown']);
  });
});

describe("detectCommit: Augment Code's pull request footer in a squash merge", () => {
  // Augment's remote agents end the pull requests they open with `---` and
  // `Pull Request opened by [Augment Code](https://www.augmentcode.com/) with guidance from the PR author`
  // (or `| [View session](https://cosmos.augmentcode.com/session?agentId=…)`), which a squash merge keeps:
  // read as the merger's own commit.
  it.each([
    ['---\nPull Request opened by [Augment Code](https://www.augmentcode.com/) with guidance from the PR author', ['augment:unknown']],
    ['---\nPull Request opened by [Augment Code](https://www.augmentcode.com/) | [View session](https://cosmos.augmentcode.com/session?agentId=01KT3J3B6ABG8VC19MZAFP2CN5&panel=chat)', ['augment:unknown']],
    // A rule that quotes the footer in a list, and prose about it, are no one's.
    ['- `Pull Request opened by [Augment Code]…`', []],
    ['This Pull Request opened by [Augment Code](https://www.augmentcode.com/) was closed.', []],
  ])('%s', (body, expected) => {
    expect(detect(`Allow late berth events to override the fallback (#12)\n\nThe visit path keeps its behaviour.\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Warp's Oz pull request footer in a squash merge", () => {
  // Warp's Oz cloud agents end the pull requests they open with `_This PR was generated with
  // [Oz](https://www.warp.dev/oz)._` (warpdotdev/warp pull request #9504 with `warp.dev/oz`; several
  // projects' pull requests), which a squash merge keeps: read as the merger's own commit.
  it.each([
    ['_This PR was generated with [Oz](https://www.warp.dev/oz)._', ['warp:unknown']],
    ['---\n_This PR was generated with [Oz](https://warp.dev/oz)._', ['warp:unknown']],
    ['This PR was generated with [Oz](https://www.warp.dev/oz).', ['warp:unknown']],
    // Another Oz, and prose about the footer, are no one's.
    ['_This PR was generated with [Oz](https://oz.example.com)._', []],
    ['We dropped the line "This PR was generated with [Oz](https://www.warp.dev/oz)." from the template.', []],
  ])('%s', (body, expected) => {
    expect(detect(`Add batch import for accounts (#3)\n\nResults list created, skipped and failed counts.\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Nous Research's Hermes Agent", () => {
  // Projects run Hermes Agent with a co-author trailer on each of its commits, `Hermes Agent
  // <noreply@nousresearch.com>` ("Each Git commit created by the agent will include a `Co-authored-by:
  // Hermes Agent <noreply@nousresearch.com>` trailer"), `Hermes <noreply@nousresearch.com>`,
  // `Hermes (<model>) <noreply@nousresearch.com>`, `hermes-agent <hermes@nousresearch.com>`, an author
  // `Hermes <hermes@nousresearch.com>`, and `🤖 Generated with Hermes Agent`: each read as a person's.
  it.each([
    ['Co-authored-by: Hermes Agent <noreply@nousresearch.com>', ['hermes:unknown']],
    ['Co-Authored-By: Hermes <noreply@nousresearch.com>', ['hermes:unknown']],
    ['Co-Authored-By: Hermes (glm-5.1) <noreply@nousresearch.com>', ['hermes:z-ai/glm-5.1']],
    ['Co-Authored-By: hermes-agent <hermes@nousresearch.com>', ['hermes:unknown']],
    ['Co-authored-by: Hermes Agent <hermes-agent@nousresearch.com>', ['hermes:unknown']],
    ['🤖 Generated with Hermes Agent', ['hermes:unknown']],
    ['Assisted-by: Hermes Agent (claude-opus-4.7)', ['hermes:anthropic/claude-opus-4.7']],
    // Nous Research's people and automation, and a person named Hermes, are not.
    ['Co-authored-by: Ben Barclay <ben@nousresearch.com>', []],
    ['Co-authored-by: Nous Research <noreply@nousresearch.com>', []],
    ['Co-authored-by: Hermes Conrad <hermes@planetexpress.com>', []],
    ['Co-authored-by: Hermes <hermes@example.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`feat: gated temp-worktree patch apply tool\n\n${trailer}\n`)).toEqual(expected);
  });

  it('is Hermes Agent as the commit author', () => {
    expect(detect('feat: gated temp-worktree patch apply tool\n', { name: 'Hermes', email: 'hermes@nousresearch.com' })).toEqual(['hermes:unknown']);
  });
});

describe("detectCommit: Z.ai's ZCode", () => {
  // Projects run Z.ai's ZCode agent (its CLI reads `~/.zcode/cli/config.json`) with "Commits made by
  // ZCode carry a `Co-Authored-By: ZCode <noreply@z.ai>` trailer", a plugin's prepare-commit-msg hook
  // adds that line when the model leaves it out, and a contribution guide writes `ZCode (GLM-5.3) <noreply@z.ai>`:
  // the bare line read as a person's, the model one as no agent's GLM.
  it.each([
    ['Co-Authored-By: ZCode <noreply@z.ai>', ['zcode:unknown']],
    ['Co-authored-by: ZCode (GLM-5.3) <noreply@z.ai>', ['zcode:z-ai/glm-5.3']],
    ['Assisted-by: ZCode (glm-5.1)', ['zcode:z-ai/glm-5.1']],
    // Z.ai's model alone there stays the model, and a person at z.ai is a person.
    ['Co-authored-by: GLM-5.1 <noreply@z.ai>', ['unknown:z-ai/glm-5.1']],
    ['Co-authored-by: Jane Doe <jane@z.ai>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`feat(velocity): persist the limits per mode\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: MiniMax's Mavis", () => {
  // MiniMax's desktop agent, renamed Mavis (\"MiniMax as a Jarvis\") in May 2026, is credited in
  // projects' commit rules as `Co-authored-by: Mavis <noreply@minimax.io>` and `Mavis <AI@minimax.io>`:
  // `Mavis` is a person's name, so each read as a person's commit.
  it.each([
    ['Co-authored-by: Mavis <noreply@minimax.io>', ['mavis:minimax/unknown']],
    ['Co-authored-by: Mavis <AI@minimax.io>', ['mavis:minimax/unknown']],
    ['Co-authored-by: Mavis (MiniMax-M3) <noreply@minimax.io>', ['mavis:minimax/minimax-m3']],
    // A model alone at MiniMax's address stays no agent's model; a person named Mavis is a person.
    ['Co-authored-by: MiniMax-M2.7 <no-reply@minimax.io>', ['unknown:minimax/minimax-m2.7']],
    ['Co-authored-by: Mavis Beacon <mavis@example.com>', []],
    ['Co-authored-by: Mavis <mavis@example.com>', []],
    ['Co-authored-by: Mavis Chen <mavis.chen@minimax.io>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`feat(scanner): recognise AI artifact files\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Cursor's line on a fix pushed by `@cursor push`", () => {
  // Cursor's agent ends the commits it pushes for a Bugbot finding (a reviewer comments `@cursor push
  // <id>`) with `Applied via @cursor push command` (thiesgerken/carapace: the line on its commits, kept in
  // its squash merges' lists and its changelog), the co-author line lost when the list is edited or
  // the commit cherry-picked: read as a person's.
  it.each([
    ['- Fix shell error suppression that masked restore failures\n\nApplied via @cursor push command', ['cursor:unknown']],
    ['* Remove unused proxyApprovalState ref\n\nApplied via @cursor push command\n\n* Fix proxy approval allow-all CLI choices', ['cursor:unknown']],
    // Prose about the command is no one's.
    ['The fix was applied via @cursor push command after review.', []],
    ['Applied via `@cursor push` command is disabled here.', []],
  ])('%s', (body, expected) => {
    expect(detect(`fix: address security and configuration bugs\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Junie's GitHub Action", () => {
  // JetBrains' Junie GitHub Action (its constants: `JUNIE_AGENT = { login: "junie-agent", id: 247260674,
  // email: "247260674+junie-agent@users.noreply.github.com" }`) commits as that account, titles its pull
  // requests `[Junie]: <title>` and opens their body with `## 📌 Hey! This PR was made for you with Junie,
  // the coding agent by JetBrains`; its commits and their squash merges read as people's.
  it.each([
    ['Co-authored-by: junie-agent <247260674+junie-agent@users.noreply.github.com>', ['junie:unknown']],
    [' ## 📌 Hey! This PR was made for you with Junie, the coding agent by JetBrains **Early Access Preview**', ['junie:unknown']],
    ['## 📌 Hey! This PR was made for you with Junie, the coding agent by JetBrains', ['junie:unknown']],
    // The login under another id, and prose about Junie, are not.
    ['Co-authored-by: junie-agent <12345+junie-agent@users.noreply.github.com>', []],
    ['We tried Junie, the coding agent by JetBrains, on this.', []],
  ])('%s', (body, expected) => {
    expect(detect(`Fix the null check in the parser (#13)\n\n${body}\n`)).toEqual(expected);
  });

  it('is Junie as the commit author, and in its pull request title', () => {
    expect(detect('[issue-12]\n\nFix the null check in the parser\n\nCo-authored-by: Jane Doe <jane@example.com>\n', { name: 'junie-agent', email: '247260674+junie-agent@users.noreply.github.com' })).toEqual(['junie:unknown']);
    expect(detect('[Junie]: Fix the null check in the parser (#13)\n')).toEqual(['junie:unknown']);
    expect(detect('[Junie] docs: why the parser skips nulls\n')).toEqual([]);
  });
});

describe("detectCommit: Claude's GitHub account", () => {
  // GitHub shows Claude Code's `noreply@anthropic.com` as the account `claude` (id 81847), and projects
  // credit that account's own no-reply address: `Co-Authored-By: Claude <81847+claude@users.noreply.github.com>`
  // ("This maps to github.com/claude"), and commit as it (a session script sets `GIT_AUTHOR_EMAIL`
  // to it, `Claude(Kimi)` when the session runs Kimi): each read as a person's commit.
  it.each([
    ['Co-Authored-By: Claude <81847+claude@users.noreply.github.com>', ['claude-code:unknown']],
    ['Co-authored-by: Claude Opus 4.8 <81847+claude@users.noreply.github.com>', ['claude-code:anthropic/claude-opus-4.8']],
    ['Co-authored-by: Claude <claude@users.noreply.github.com>', ['claude-code:unknown']],
    // The login under another id is someone else's account.
    ['Co-authored-by: Claude <12345+claude@users.noreply.github.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`chore: bump the version after the release\n\n${trailer}\n`)).toEqual(expected);
  });

  it('is Claude Code as the commit author', () => {
    expect(detect('fix: keep the snapshot order stable\n', { name: 'Claude', email: '81847+claude@users.noreply.github.com' })).toEqual(['claude-code:unknown']);
  });
});

describe("detectCommit: Trae's GitHub account", () => {
  // Trae's cloud agent (branches `trae/agent-<id>`) is credited by its GitHub account `traeagent` (id 272135137):
  // projects' rules put `Co-authored-by: traeagent <traeagent@users.noreply.github.com>` on every commit it makes
  // (a history analysis: "部分 commit 包含 `Co-authored-by: traeagent <…>` 署名"): each read as a person's commit.
  it.each([
    ['Co-authored-by: traeagent <traeagent@users.noreply.github.com>', ['trae:unknown']],
    ['Co-authored-by: traeagent <272135137+traeagent@users.noreply.github.com>', ['trae:unknown']],
    ['Co-authored-by: traeagent <12345+traeagent@users.noreply.github.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`refactor: introduce the host adapter module\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Arena's coding agent app", () => {
  // Arena's AI coding agent works in sessions on `arena/<id>-<name>` branches and pushes and opens pull
  // requests as its GitHub App, `arena-ai-coding-agent[bot]` (projects' notes: "gh … authed as
  // `arena-ai-coding-agent[bot]`", a script committing with `user.name=arena-ai-coding-agent[bot]`,
  // "the only authenticated actor was the same App that authored PR #37"): its commits read as a person's.
  it.each([
    ['Co-authored-by: arena-ai-coding-agent[bot] <281234567+arena-ai-coding-agent[bot]@users.noreply.github.com>', ['arena:unknown']],
    ['Co-authored-by: Arena <arena@example.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`chore: drive fetch push-test\n\n${trailer}\n`)).toEqual(expected);
  });

  it('is Arena as the commit author, by its login or its address', () => {
    expect(detect('chore: drive fetch push-test (temp)\n', { name: 'arena-ai-coding-agent[bot]', email: 'arena-ai-coding-agent[bot]@users.noreply.github.com' })).toEqual(['arena:unknown']);
    expect(detect('feat: ledger crash recovery\n', { name: 'Arena', email: '281234567+arena-ai-coding-agent[bot]@users.noreply.github.com' })).toEqual(['arena:unknown']);
  });
});

describe("detectCommit: coding agents' GitHub apps", () => {
  // Warp's Oz for OSS app opens pull requests as `oz-for-oss[bot]` (warpdotdev/oz-for-oss: `pr_author_login="oz-for-oss[bot]"`),
  // Qoder's action commits as `qoderai[bot]` (its script: `BOT_LOGIN="qoderai[bot]"`, `BOT_ID="215938697"`), Open SWE credits
  // itself as `open-swe[bot]` at `open-swe@users.noreply.github.com` (its attribution module), and Codeflash's optimizer
  // commits as `codeflash-ai[bot]` (`<148906541+codeflash-ai[bot]@users.noreply.github.com>` as co-author in Langflow):
  // each read as a person's.
  it.each([
    ['Co-authored-by: oz-for-oss[bot] <281234567+oz-for-oss[bot]@users.noreply.github.com>', ['warp:unknown']],
    ['Co-authored-by: qoderai[bot] <215938697+qoderai[bot]@users.noreply.github.com>', ['qoder:unknown']],
    ['Co-authored-by: open-swe[bot] <open-swe@users.noreply.github.com>', ['open-swe:unknown']],
    ['Co-authored-by: codeflash-ai[bot] <148906541+codeflash-ai[bot]@users.noreply.github.com>', ['codeflash:unknown']],
    // Their names without `[bot]` at a person's address are people's.
    ['Co-authored-by: open-swe <maintainer@example.com>', []],
    ['Co-authored-by: Codeflash Team <team@example.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`perf: speed up the tokenizer\n\n${trailer}\n`)).toEqual(expected);
  });

  it('is the app as the commit author', () => {
    expect(detect('⚡️ Speed up function `parse` by 31%\n', { name: 'codeflash-ai[bot]', email: '148906541+codeflash-ai[bot]@users.noreply.github.com' })).toEqual(['codeflash:unknown']);
    expect(detect('fix: handle empty config\n', { name: 'qoderai[bot]', email: '215938697+qoderai[bot]@users.noreply.github.com' })).toEqual(['qoder:unknown']);
  });
});

describe("detectCommit: a person whose login is an agent app's name", () => {
  it.each([
    ['Co-authored-by: Sam <4242+open-swe@users.noreply.github.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`docs: typo\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: an agent's footer naming it in brackets without a link", () => {
  // Devin's CLI (`attribution`, default true, docs.devin.ai CLI config reference) adds a `Generated with
  // [Devin]` line and `Co-Authored-By: Devin` to its commits: the brackets carry no link, so the footer was
  // not read, and the bare co-author line names a person's name without an address (no one's, as
  // `Co-Authored-By: Claude` alone): the commit read as a person's. Projects' detectors list `Generated with [Trae]` too.
  it.each([
    ['Generated with [Devin]\n\nCo-Authored-By: Devin', ['devin:unknown']],
    ['🤖 Generated with [Devin]', ['devin:unknown']],
    ['Generated with [Trae]', ['trae:unknown']],
    // A bracketed name that is no agent's, or words after the brackets, are no one's.
    ['Generated with [Sphinx]', []],
    ['Generated with [Devin] by hand, for the docs.', []],
    ['Co-Authored-By: Devin', []],
  ])('%s', (body, expected) => {
    expect(detect(`fix(api): return 404 for a missing session\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Claude and Codex as GitHub's coding agents", () => {
  // Assigned to an issue on GitHub (as Copilot coding agent is), Claude commits as the app
  // `anthropic-code-agent[bot]` with the address `242468646+Claude@users.noreply.github.com` (commit
  // headers quoted in projects' reports: `Author: anthropic-code-agent[bot] <242468646+Claude@…>`,
  // `Initial plan`), and Codex as `openai-code-agent[bot]` at `242516109+Codex@users.noreply.github.com`
  // (a tracker's "Codex GitHub App bot email"): their commits read as people's.
  it.each([
    [{ name: 'anthropic-code-agent[bot]', email: '242468646+Claude@users.noreply.github.com' }, ['claude-code:unknown']],
    [{ name: 'Claude', email: '242468646+Claude@users.noreply.github.com' }, ['claude-code:unknown']],
    [{ name: 'openai-code-agent[bot]', email: '242516109+Codex@users.noreply.github.com' }, ['codex:unknown']],
    [{ name: 'GPT 5.6', email: '242516109+Codex@users.noreply.github.com' }, ['codex:openai/gpt-5.6']],
    // The same logins under other ids are other accounts.
    [{ name: 'Claude', email: '4242+Claude@users.noreply.github.com' }, []],
    [{ name: 'Codex', email: '4242+Codex@users.noreply.github.com' }, []],
  ])('%o', (author, expected) => {
    expect(detect('Initial plan\n', author as Identity)).toEqual(expected);
  });

  it('is the agent as a co-author too', () => {
    expect(detect('fix: x\n\nCo-authored-by: Claude <242468646+Claude@users.noreply.github.com>\n')).toEqual(['claude-code:unknown']);
    expect(detect('fix: x\n\nCo-authored-by: openai-code-agent[bot] <242516109+Codex@users.noreply.github.com>\n')).toEqual(['codex:unknown']);
  });
});

describe("detectCommit: Rover's and PostHog Code's own trailers", () => {
  // Endor's Rover runs coding agents (Claude Code, Codex, Gemini CLI, Qwen Code) in task worktrees and, with
  // attribution on (its default), commits their work with `Co-Authored-By: Rover <noreply@endor.dev>`, the only
  // attribution its agents may write (endorhq/rover's merge/push commands and AGENTS.md); PostHog Code adds
  // `Generated-By: PostHog Code` and `Task-Id: <uuid>` to every commit from its UI (PostHog/code pull request
  // #1431): the first read as a person's, the second as an unknown agent's.
  it.each([
    ['Co-Authored-By: Rover <noreply@endor.dev>', ['rover:unknown']],
    ['Generated-By: PostHog Code\nTask-Id: e6f79d08-9b9d-42fe-8648-14fe1aad8bcb', ['posthog-code:unknown']],
    // A person named Rover, and Endor's people, are people.
    ['Co-Authored-By: Rover Smith <rover@example.com>', []],
    ['Co-Authored-By: Jane Doe <jane@endor.dev>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`fix(actions): remove a test comment\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: Kimi at kimi@moonshot.ai", () => {
  // Projects have Kimi commit as `Kimi <kimi@moonshot.ai>` ("Codex commits as `Codex <codex@openai.com>` and
  // Kimi commits as `Kimi <kimi@moonshot.ai>`", as `Claude <claude@anthropic.com>` and `Gemini
  // <gemini@google.com>` are written): only Moonshot's no-reply address was known, so it read as a person's.
  it.each([
    ['Co-authored-by: Kimi <kimi@moonshot.ai>', ['unknown:moonshotai/unknown']],
    ['Co-authored-by: Kimi K2.5 <kimi@moonshot.ai>', ['unknown:moonshotai/kimi-k2.5']],
    ['Co-authored-by: Kimi Code <kimi@moonshot.ai>', ['kimi-code:moonshotai/unknown']],
    // Another name there, and a person named Kimi elsewhere, are people.
    ['Co-authored-by: Kimi Raikkonen <kimi@example.fi>', []],
    ['Co-authored-by: Jane Doe <kimi@moonshot.ai>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`feat(otlp): extract the server package\n\n${trailer}\n`)).toEqual(expected);
  });

  it('is Kimi as the commit author', () => {
    expect(detect('feat(otlp): extract the server package\n\nSigned-off-by: Kimi <kimi@moonshot.ai>\n', { name: 'Kimi', email: 'kimi@moonshot.ai' })).toEqual(['unknown:moonshotai/unknown']);
  });
});

describe("detectCommit: ralphex's commit trailer", () => {
  // ralphex (umputun/ralphex, an autonomous plan runner over Claude Code) appends its configured
  // `commit_trailer` to every commit it makes or prompts, its documented value
  // `Co-authored-by: ralphex <noreply@ralphex.com>` (issue #240, its config docs and tests): read as a person's.
  it.each([
    ['Co-authored-by: ralphex <noreply@ralphex.com>', ['ralphex:unknown']],
    ['Co-authored-by: Jane Doe <jane@ralphex.com>', []],
  ])('%s', (trailer, expected) => {
    expect(detect(`feat(plan): move the completed plan to done\n\n${trailer}\n`)).toEqual(expected);
  });
});

describe("detectCommit: GitHub's agent session link", () => {
  // GitHub's cloud agents (Copilot coding agent, and Claude on `claude/…` branches) end each commit with
  // `Agent-Logs-Url: https://github.com/<owner>/<repo>/sessions/<uuid>` above the person's co-author line
  // (xhluca/bm25s 62d6bbe0, bytedance/deer-flow #2524's squash list, appthemanger-ctrl/DREAMengin 1ed0972):
  // once the commit is re-authored (a rebase with --reset-author, an amend) or its agent's line edited
  // out of a squash, it read as a person's. The link names no agent of its own.
  it.each([
    ['Agent-Logs-Url: https://github.com/xhluca/bm25s/sessions/31474705-fbd9-4eed-bbb9-f011558ccd5e\n\nCo-authored-by: xhluca <1234+xhluca@users.noreply.github.com>', ['unknown:unknown']],
    // The key in prose, or a link that is not an agent session's, is no one's.
    ['The Agent-Logs-Url: trailer is kept by our linter.', []],
    ['Agent-Logs-Url: https://github.com/acme/api/pull/12', []],
  ])('%s', (body, expected) => {
    expect(detect(`fix: update test to match the new warning message\n\n${body}\n`)).toEqual(expected);
  });

  it("is folded into the agent the author names", () => {
    expect(detect('feat: add the pipeline\n\nAgent-Logs-Url: https://github.com/LarhlimiUhp/SCAF/sessions/d95a2931-cd2e-4ab2-bff9-1a994293a3e4\n', { name: 'copilot-swe-agent[bot]', email: '198982749+Copilot@users.noreply.github.com' })).toEqual(['copilot:unknown']);
  });
});

describe("detectCommit: Cursor's pull request footer in a squash merge", () => {
  // Cursor's Agent adds `Made with [Cursor](https://cursor.com)` to the body of every pull request it
  // creates with `gh pr create` (Cursor's attribution docs, quoted in projects' notes; many merged pull
  // requests end with it), which a squash merge keeps: read as the merger's own commit.
  it.each([
    ['---\nMade with [Cursor](https://cursor.com)', ['cursor:unknown']],
    ['Made with [Cursor](https://cursor.com)', ['cursor:unknown']],
    // Other tools in that footer, and a person's words around it, are no one's.
    ['Made with [Vite](https://vitejs.dev)', []],
    ['Made with [Docusaurus](https://docusaurus.io) and love', []],
    ['Made with [Cursor](https://cursor.com) for the demo, then rewritten by hand.', []],
  ])('%s', (body, expected) => {
    expect(detect(`Collapse repeated slashes in rule paths (#3121)\n\nFixes #3121\n\n${body}\n`)).toEqual(expected);
  });
});

describe("detectCommit: an agent's footer written `Generated by`, in italics", () => {
  // Claude Code's pull request and comment footer as projects' commands write it, `---` over
  // `_Generated by [Claude Code](https://claude.com/claude-code)_` (or `*…*`, `🤖 Generated by [Claude Code](…),
  // posted via @<login>'s account`), ends pull requests a squash merge keeps: only `Generated with` was read.
  it.each([
    ['---\n_Generated by [Claude Code](https://claude.com/claude-code)_', ['claude-code:unknown']],
    ['*Generated by [Claude Code](https://claude.com/claude-code)*', ['claude-code:unknown']],
    ["🤖 Generated by [Claude Code](https://claude.com/claude-code), posted via @jdoe's account on their behalf.", ['claude-code:unknown']],
    ['_Generated with [Claude Code](https://claude.com/claude-code)_', ['claude-code:unknown']],
    // Documentation generators in that footer are no one's.
    ['_Generated by [Sphinx](https://www.sphinx-doc.org)_', []],
    ['Generated by [TypeDoc](https://typedoc.org)', []],
  ])('%s', (body, expected) => {
    expect(detect(`fix(ui): format the risk-reward ratio (#412)\n\nDisplay only; the thresholds are unchanged.\n\n${body}\n`)).toEqual(expected);
  });
});
