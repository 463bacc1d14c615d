import { describe, expect, test } from 'vitest';
import { canonicalModel, isModelId, knownModels, knownVendors, modelVendor } from '../../src/core/catalog.js';
import { MODEL_ALIASES } from '../../src/core/model-data.js';
import { normaliseModelName } from '../../src/core/model-name.js';
import { cpuClock } from '../helpers/cpu-clock.js';

type Case = readonly [input: string, expected: string | null];

const anthropic: Case[] = [
  ['Claude Opus 4.6 (1M context)', 'anthropic/claude-opus-4.6'],
  ['claude-opus-4-6', 'anthropic/claude-opus-4.6'],
  ['Claude Opus 4.5', 'anthropic/claude-opus-4.5'],
  ['claude-opus-4-5-20251101', 'anthropic/claude-opus-4.5'],
  ['claude-opus-4-1-20250805', 'anthropic/claude-opus-4.1'],
  ['claude-opus-4-0', 'anthropic/claude-opus-4'],
  ['Claude Sonnet 4.5', 'anthropic/claude-sonnet-4.5'],
  ['claude-sonnet-4-5-20250929', 'anthropic/claude-sonnet-4.5'],
  ['claude-sonnet-4-5-20250929[1m]', 'anthropic/claude-sonnet-4.5'],
  ['claude-sonnet-4-20250514', 'anthropic/claude-sonnet-4'],
  ['claude-4-sonnet', 'anthropic/claude-sonnet-4'],
  ['claude-4.5-sonnet-thinking', 'anthropic/claude-sonnet-4.5'],
  ['Claude Sonnet 3.7', 'anthropic/claude-3.7-sonnet'],
  ['claude-3-7-sonnet-20250219', 'anthropic/claude-3.7-sonnet'],
  ['claude-3-7-sonnet-latest', 'anthropic/claude-3.7-sonnet'],
  ['Claude 3.5 Sonnet', 'anthropic/claude-3.5-sonnet'],
  ['Claude 3.5 Sonnet (New)', 'anthropic/claude-3.5-sonnet'],
  ['claude-3-5-sonnet-20241022', 'anthropic/claude-3.5-sonnet'],
  ['claude-3-5-haiku-20241022', 'anthropic/claude-3.5-haiku'],
  ['claude-3-opus-20240229', 'anthropic/claude-3-opus'],
  ['Claude Haiku 4.5', 'anthropic/claude-haiku-4.5'],
  ['claude-haiku-4-5', 'anthropic/claude-haiku-4.5'],
  ['CLAUDE_OPUS_4_1', 'anthropic/claude-opus-4.1'],
  ['Anthropic Claude Sonnet 4', 'anthropic/claude-sonnet-4'],
  ['Sonnet 4.5', 'anthropic/claude-sonnet-4.5'],
  ['opus-4-1', 'anthropic/claude-opus-4.1'],
  ['openrouter/anthropic/claude-3.7-sonnet:thinking', 'anthropic/claude-3.7-sonnet'],
  ['Claude Opus 4.6 (1M context) <noreply@anthropic.com>', 'anthropic/claude-opus-4.6'],
];

const openai: Case[] = [
  ['GPT-5.2 Codex', 'openai/gpt-5.2-codex'],
  ['gpt-5.2-codex', 'openai/gpt-5.2-codex'],
  ['gpt-5-2-codex', 'openai/gpt-5.2-codex'],
  ['GPT-5', 'openai/gpt-5'],
  ['gpt5', 'openai/gpt-5'],
  ['gpt-5-2025-08-07', 'openai/gpt-5'],
  ['GPT-5 (high)', 'openai/gpt-5'],
  ['gpt-5-codex-high', 'openai/gpt-5-codex'],
  ['gpt-5.1-codex-max xhigh', 'openai/gpt-5.1-codex-max'],
  ['gpt-5-mini', 'openai/gpt-5-mini'],
  ['GPT-4.1', 'openai/gpt-4.1'],
  ['gpt-4.1-2025-04-14', 'openai/gpt-4.1'],
  ['GPT-4o', 'openai/gpt-4o'],
  ['gpt-4o-2024-08-06', 'openai/gpt-4o'],
  ['gpt4o', 'openai/gpt-4o'],
  ['GPT-4o mini', 'openai/gpt-4o-mini'],
  ['chatgpt-4o-latest', 'openai/chatgpt-4o'],
  ['o3', 'openai/o3'],
  ['O3', 'openai/o3'],
  ['OpenAI o3', 'openai/o3'],
  ['o3-2025-04-16', 'openai/o3'],
  ['o4-mini', 'openai/o4-mini'],
  ['o4-mini-high', 'openai/o4-mini'],
  ['o3-mini-2025-01-31', 'openai/o3-mini'],
  ['codex-mini-latest', 'openai/codex-mini'],
  ['gpt-oss:120b', 'openai/gpt-oss-120b'],
  ['gpt-3.5-turbo', 'openai/gpt-3.5-turbo'],
  ['gpt-6', 'openai/gpt-6'],
  ['ft:gpt-4o-mini-2024-07-18:acme::9abcDEF', 'openai/gpt-4o-mini'],
];

const google: Case[] = [
  ['Gemini 2.5 Pro', 'google/gemini-2.5-pro'],
  ['gemini-2.5-pro', 'google/gemini-2.5-pro'],
  ['gemini-2.5-flash', 'google/gemini-2.5-flash'],
  ['Gemini 2.5 Flash-Lite', 'google/gemini-2.5-flash-lite'],
  ['gemini-3-pro-preview', 'google/gemini-3-pro-preview'],
  ['Gemini 3 Pro', 'google/gemini-3-pro'],
  ['Gemini 3 Pro Preview', 'google/gemini-3-pro-preview'],
  ['gemini-3-flash', 'google/gemini-3-flash'],
  ['gemini-2.0-flash-001', 'google/gemini-2.0-flash'],
  ['gemini-1.5-pro-002', 'google/gemini-1.5-pro'],
  ['models/gemini-2.5-pro', 'google/gemini-2.5-pro'],
  ['Google Gemini 2.5 Pro', 'google/gemini-2.5-pro'],
  ['gemma3:27b', 'google/gemma-3-27b-it'],
  ['google/gemma-3-27b-it', 'google/gemma-3-27b-it'],
  ['gemini-4-ultra', 'google/gemini-4-ultra'],
];

const qwen: Case[] = [
  ['Qwen3-Coder', 'qwen/qwen3-coder'],
  ['qwen3-coder', 'qwen/qwen3-coder'],
  ['Qwen 3 Coder', 'qwen/qwen3-coder'],
  ['Qwen/Qwen3-Coder-480B-A35B-Instruct', 'qwen/qwen3-coder'],
  ['qwen/qwen3-coder-480b-a35b-instruct', 'qwen/qwen3-coder'],
  ['Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8', 'qwen/qwen3-coder'],
  ['Qwen/Qwen3-Coder-30B-A3B-Instruct', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['qwen3-coder-plus', 'qwen/qwen3-coder-plus'],
  ['Qwen3-Coder-Plus', 'qwen/qwen3-coder-plus'],
  ['qwen3-coder-plus-2025-07-22', 'qwen/qwen3-coder-plus'],
  ['qwen3-coder-flash', 'qwen/qwen3-coder-flash'],
  ['qwen-2.5-coder-32b-instruct', 'qwen/qwen-2.5-coder-32b-instruct'],
  ['Qwen2.5-Coder-32B-Instruct', 'qwen/qwen-2.5-coder-32b-instruct'],
  ['Qwen2.5 Coder 32B', 'qwen/qwen-2.5-coder-32b-instruct'],
  ['qwen3-max', 'qwen/qwen3-max'],
  ['qwen-max-latest', 'qwen/qwen-max'],
  ['QwQ-32B', 'qwen/qwq-32b'],
  ['qwen3:8b', 'qwen/qwen3-8b'],
  ['Qwen3.5-Coder', 'qwen/qwen3.5-coder'],
];

const deepseek: Case[] = [
  ['deepseek-chat', 'deepseek/deepseek-chat'],
  ['deepseek-reasoner', 'deepseek/deepseek-reasoner'],
  ['DeepSeek R1', 'deepseek/deepseek-r1'],
  ['deepseek-r1', 'deepseek/deepseek-r1'],
  ['DeepSeek-R1-0528', 'deepseek/deepseek-r1-0528'],
  ['DeepSeek V3', 'deepseek/deepseek-v3'],
  ['DeepSeek V3.1', 'deepseek/deepseek-v3.1'],
  ['deepseek-chat-v3.1', 'deepseek/deepseek-v3.1'],
  ['deepseek-ai/DeepSeek-V3.1-Terminus', 'deepseek/deepseek-v3.1-terminus'],
  ['DeepSeek-V3.2-Exp', 'deepseek/deepseek-v3.2-exp'],
  ['deepseek-v4', 'deepseek/deepseek-v4'],
];

const moonshot: Case[] = [
  ['Kimi K2', 'moonshotai/kimi-k2'],
  ['kimi-k2', 'moonshotai/kimi-k2'],
  ['moonshotai/Kimi-K2-Instruct', 'moonshotai/kimi-k2'],
  ['kimi-k2-0905-preview', 'moonshotai/kimi-k2-0905'],
  ['Kimi K2 Thinking', 'moonshotai/kimi-k2-thinking'],
  ['moonshot-v1-8k', 'moonshotai/moonshot-v1-8k'],
  ['kimi-k3', 'moonshotai/kimi-k3'],
];

const mistral: Case[] = [
  ['devstral-small-2505', 'mistralai/devstral-small-2505'],
  ['devstral-small-2507', 'mistralai/devstral-small'],
  ['Devstral Medium', 'mistralai/devstral-medium'],
  ['devstral-2512', 'mistralai/devstral-2512'],
  ['Devstral 2', 'mistralai/devstral-2512'],
  ['codestral-2501', 'mistralai/codestral-2501'],
  ['codestral-latest', 'mistralai/codestral'],
  ['mistral/codestral-2508', 'mistralai/codestral-2508'],
  ['mistral-large-latest', 'mistralai/mistral-large'],
  ['magistral-medium-2506', 'mistralai/magistral-medium-2506'],
  ['mixtral:8x7b', 'mistralai/mixtral-8x7b-instruct'],
  ['Mistral Devstral Small 1.1', 'mistralai/devstral-small'],
];

const meta: Case[] = [
  ['Llama 4 Maverick', 'meta-llama/llama-4-maverick'],
  ['meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8', 'meta-llama/llama-4-maverick'],
  ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'meta-llama/llama-3.1-8b-instruct'],
  ['llama3.3:70b', 'meta-llama/llama-3.3-70b-instruct'],
  ['groq/llama-3.3-70b-versatile', 'meta-llama/llama-3.3-70b-instruct'],
  ['llama-5-behemoth', 'meta-llama/llama-5-behemoth'],
];

const xai: Case[] = [
  ['grok-4', 'x-ai/grok-4'],
  ['Grok 4', 'x-ai/grok-4'],
  ['xai/grok-4', 'x-ai/grok-4'],
  ['grok-4-0709', 'x-ai/grok-4'],
  ['grok-code-fast-1', 'x-ai/grok-code-fast-1'],
  ['Grok Code Fast 1', 'x-ai/grok-code-fast-1'],
  ['grok-4-1-fast-reasoning', 'x-ai/grok-4.1-fast'],
  ['xAI Grok 3 Mini', 'x-ai/grok-3-mini'],
];

const zai: Case[] = [
  ['glm-4.6', 'z-ai/glm-4.6'],
  ['GLM-4.6', 'z-ai/glm-4.6'],
  ['GLM 4.5', 'z-ai/glm-4.5'],
  ['zai-org/GLM-4.6-FP8', 'z-ai/glm-4.6'],
  ['glm-4-6', 'z-ai/glm-4.6'],
  ['zai/glm-4.5-air', 'z-ai/glm-4.5-air'],
  ['glm-5', 'z-ai/glm-5'],
];

const minimax: Case[] = [
  ['MiniMax-M2', 'minimax/minimax-m2'],
  ['openrouter/minimax/minimax-m2:free', 'minimax/minimax-m2'],
  ['minimax-m3', 'minimax/minimax-m3'],
];

const prefixes: Case[] = [
  ['openrouter/qwen/qwen3-coder', 'qwen/qwen3-coder'],
  ['openrouter/anthropic/claude-sonnet-4.5', 'anthropic/claude-sonnet-4.5'],
  ['anthropic/claude-sonnet-4-20250514', 'anthropic/claude-sonnet-4'],
  ['vertex_ai/gemini-2.5-pro', 'google/gemini-2.5-pro'],
  ['vertex_ai/claude-opus-4-1@20250805', 'anthropic/claude-opus-4.1'],
  ['vertex_ai/claude-3-5-sonnet-v2@20241022', 'anthropic/claude-3.5-sonnet'],
  ['gemini/gemini-2.5-flash', 'google/gemini-2.5-flash'],
  ['ollama/qwen2.5-coder:32b', 'qwen/qwen-2.5-coder-32b-instruct'],
  ['ollama_chat/qwen2.5-coder:7b-instruct-q4_K_M', 'qwen/qwen-2.5-coder-7b-instruct'],
  ['ollama/qwen3-coder:30b', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['ollama/qwen3-coder:480b-cloud', 'qwen/qwen3-coder'],
  ['ollama/kimi-k2:1t-cloud', 'moonshotai/kimi-k2'],
  ['ollama/deepseek-r1:14b', 'deepseek/deepseek-r1-distill-qwen-14b'],
  ['ollama/llama3.1:latest', 'meta-llama/llama-3.1'],
  ['ollama/glm-4.6:cloud', 'z-ai/glm-4.6'],
  ['bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic/claude-3.5-sonnet'],
  ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic/claude-sonnet-4.5'],
  ['bedrock/converse/global.anthropic.claude-opus-4-1-20250805-v1:0', 'anthropic/claude-opus-4.1'],
  ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0', 'anthropic/claude-3-haiku'],
  ['bedrock/us.meta.llama4-maverick-17b-instruct-v1:0', 'meta-llama/llama-4-maverick'],
  ['bedrock/meta.llama3-1-70b-instruct-v1:0', 'meta-llama/llama-3.1-70b-instruct'],
  ['bedrock/deepseek.r1-v1:0', 'deepseek/deepseek-r1'],
  ['bedrock/qwen.qwen3-coder-480b-a35b-v1:0', 'qwen/qwen3-coder'],
  ['bedrock/openai.gpt-oss-120b-1:0', 'openai/gpt-oss-120b'],
  ['azure/gpt-4o', 'openai/gpt-4o'],
  ['azure/my-gpt-deployment', null],
  ['openai/gpt-5', 'openai/gpt-5'],
  ['deepseek/deepseek-chat', 'deepseek/deepseek-chat'],
  ['together_ai/Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8', 'qwen/qwen3-coder'],
  ['together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo', 'meta-llama/llama-3.3-70b-instruct'],
  ['groq/moonshotai/kimi-k2-instruct', 'moonshotai/kimi-k2'],
  ['groq/openai/gpt-oss-20b', 'openai/gpt-oss-20b'],
  ['fireworks_ai/accounts/fireworks/models/qwen3-coder-480b-a35b-instruct', 'qwen/qwen3-coder'],
  ['fireworks_ai/accounts/fireworks/models/llama-v3p1-70b-instruct', 'meta-llama/llama-3.1-70b-instruct'],
  ['fireworks_ai/accounts/fireworks/models/glm-4p6', 'z-ai/glm-4.6'],
  ['dashscope/qwen3-coder-plus', 'qwen/qwen3-coder-plus'],
  ['github_copilot/claude-sonnet-4', 'anthropic/claude-sonnet-4'],
  ['github_copilot/gpt-4.1', 'openai/gpt-4.1'],
  ['hf/Qwen/Qwen2.5-Coder-32B-Instruct', 'qwen/qwen-2.5-coder-32b-instruct'],
  ['huggingface/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['mistral/devstral-small-2505', 'mistralai/devstral-small-2505'],
  ['xai/grok-code-fast-1', 'x-ai/grok-code-fast-1'],
  ['vertex_ai/meta/llama-4-maverick-17b-128e-instruct-maas', 'meta-llama/llama-4-maverick'],
  ['@cf/meta/llama-3.1-8b-instruct', 'meta-llama/llama-3.1-8b-instruct'],
  ['lm_studio/qwen/qwen3-coder-30b', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['openrouter/moonshotai/kimi-k2:free', 'moonshotai/kimi-k2'],
  ['openrouter/z-ai/glm-4.6:exacto', 'z-ai/glm-4.6'],
  ['openrouter/deepseek/deepseek-chat-v3-0324:free', 'deepseek/deepseek-v3-0324'],
  ['ollama/llama4:scout', 'meta-llama/llama-4-scout'],
  ['ollama/deepseek-r1:14b-qwen-distill-q4_K_M', 'deepseek/deepseek-r1-distill-qwen-14b'],
];

const unknownOfKnownFamily: Case[] = [
  ['claude-opus-5', 'anthropic/claude-opus-5'],
  ['Claude Sonnet 5 (1M context)', 'anthropic/claude-sonnet-5'],
  ['claude-sonnet-4-6-20260301', 'anthropic/claude-sonnet-4.6'],
  ['gpt-5.3-codex', 'openai/gpt-5.3-codex'],
  ['o5-mini', 'openai/o5-mini'],
  ['gemini-3.5-flash', 'google/gemini-3.5-flash'],
  ['qwen4-coder', 'qwen/qwen4-coder'],
  ['deepseek-r2', 'deepseek/deepseek-r2'],
  ['devstral-3', 'mistralai/devstral-3'],
  ['grok-5', 'x-ai/grok-5'],
  ['glm-4.8', 'z-ai/glm-4.8'],
];

const literal: Case[] = [
  ['acme/coder-2', 'acme/coder-2'],
  ['ACME/Coder-2', 'acme/coder-2'],
  ['acme/internal_llm.v2', 'acme/internal_llm.v2'],
  ['openrouter/acme/coder-2', 'acme/coder-2'],
  ['xai/grok-beta', 'x-ai/grok-beta'],
  ['acme/coder 2', null],
  ['acme/../etc', null],
  ['acme/coder-2:latest', null],
  ['ollama/mymodel', null],
  ['openrouter/auto', null],
  ['anthropic/claude', null],
  ['cursor/agent', null],
  ['cursor/auto', null],
  ['composer-1', 'cursor/composer-1'],
  ['Composer 1', 'cursor/composer-1'],
  ['cursor/composer-1', 'cursor/composer-1'],
  ['claude-code/2.0.14', null],
];

const notModels: Case[] = [
  ['Jane Doe', null],
  ['Jane Doe <jane@example.com>', null],
  ['Claude Monet', null],
  ['Claude Dupont 3', null],
  ['sonnet', null],
  ['Kimi Raikkonen', null],
  ['Claude Code', null],
  ['claude code 2.0.14', null],
  ['Claude', null],
  ['Claude Opus', null],
  ['Cursor', null],
  ['aider', null],
  ['Copilot', null],
  ['GitHub Copilot', null],
  ['Codex', null],
  ['Codex CLI 0.46.0', null],
  ['Gemini CLI', null],
  ['Qwen-Coder', null],
  ['Qwen Code', null],
  ['unknown', null],
  ['', null],
  ['   ', null],
  ['gpt4all', null],
  ['llama.cpp', null],
  ['latest', null],
  ['20250514', null],
  ['Claude Opus 4.6 / GPT-5', null],
];

const hostile: Case[] = [
  ['gpt-4o\nAssisted-by: evil', null],
  ['claude-opus-4.6\u0000', null],
  ['\u001b[31mgpt-4o\u001b[0m', null],
  ['gpt-4o\r', null],
  ['gpt\u200b-4o', null],
  ['\u202egpt-4o', null],
  ['gpt-4o\ufeff', null],
  ['сlaude-opus-4.6', null], // Cyrillic 'с'
  ['ｇｐｔ-４ｏ', null],
  ['gpt-4o; rm -rf /', null],
  ['$(id)', null],
  ['`id`', null],
  ['../../etc/passwd', null],
  ['gpt-4o"><script>', null],
  ['gpt-4o%0a', null],
  ['--help', null],
  ['a'.repeat(201), null],
  [`claude-opus-4.6${' '.repeat(200)}`, null],
  [`${'openrouter/'.repeat(9)}gpt-4o`, null],
  ['((((gpt-4o', null],
  ['gpt-4o)', null],
  ['__proto__', null],
  ['constructor', null],
  ['GPT\u20114o', 'openai/gpt-4o'], // non-breaking hyphen
  ['Claude\u00a0Opus\u00a04.6', 'anthropic/claude-opus-4.6'],
  ['  "gpt-4o"  ', 'openai/gpt-4o'],
  ['-gpt-4o', 'openai/gpt-4o'],
];

const notes: Case[] = [
  ['aider (gpt-4o)', 'openai/gpt-4o'],
  ['aider (openrouter/qwen/qwen3-coder)', 'qwen/qwen3-coder'],
  ['Claude Code (claude-opus-4-6)', 'anthropic/claude-opus-4.6'],
  ['Jane Doe (gpt-4o)', null],
  ['Jane Doe (aider)', null],
];

/** Issue 9: preview and experimental releases are models of their own; only a GA snapshot's date folds. */
const releases: Case[] = [
  ['gemini-2.5-pro-exp-03-25', 'google/gemini-2.5-pro-exp-03-25'],
  ['gemini-2.5-pro-preview-06-05', 'google/gemini-2.5-pro-preview-06-05'],
  ['gemini-2.5-pro-preview-05-06', 'google/gemini-2.5-pro-preview-05-06'],
  ['gemini/gemini-2.5-pro-preview-03-25', 'google/gemini-2.5-pro-preview-03-25'],
  ['Gemini 2.5 Pro Preview', 'google/gemini-2.5-pro-preview'],
  ['gemini-2.5-flash-preview-09-2025', 'google/gemini-2.5-flash-preview-09-2025'],
  ['gemini-2.0-flash-exp', 'google/gemini-2.0-flash-exp'],
  ['gemini-2.0-flash-thinking-exp-01-21', 'google/gemini-2.0-flash-thinking-exp-01-21'],
  ['gemini-exp-1206', 'google/gemini-exp-1206'],
  ['qwq-32b-preview', 'qwen/qwq-32b-preview'],
  ['gpt-4-turbo-preview', 'openai/gpt-4-turbo-preview'],
  ['o1-preview-2024-09-12', 'openai/o1-preview'],
  ['claude-opus-4-5-20251101', 'anthropic/claude-opus-4.5'],
  ['claude-opus-4-5', 'anthropic/claude-opus-4.5'],
  ['claude-opus-4.5', 'anthropic/claude-opus-4.5'],
  ['gemini-2.5-pro', 'google/gemini-2.5-pro'],
  ['gpt-5-2', 'openai/gpt-5.2'],
  ['gpt-5.2-2025-12-11', 'openai/gpt-5.2'],
  ['gpt-5-2025-08-07', 'openai/gpt-5'],
];

/** Models as agents and routers display them. */
const displayNames: Case[] = [
  ['Anthropic Claude Sonnet 4.5', 'anthropic/claude-sonnet-4.5'],
  ['Anthropic: Claude Opus 4.5', 'anthropic/claude-opus-4.5'],
  ['OpenAI: GPT-5.2', 'openai/gpt-5.2'],
  ['Google: Gemini 2.5 Pro', 'google/gemini-2.5-pro'],
  ['Qwen: Qwen3 Coder 480B A35B', 'qwen/qwen3-coder'],
  ['Claude Opus 4.6', 'anthropic/claude-opus-4.6'],
  ['GPT-5.2 Codex', 'openai/gpt-5.2-codex'],
  ['GPT 5.1 Codex Mini', 'openai/gpt-5.1-codex-mini'],
  ['Gemini 2.5 Pro', 'google/gemini-2.5-pro'],
  ['Claude (claude-opus-4-5)', 'anthropic/claude-opus-4.5'],
  ['aider (openrouter/qwen/qwen3-coder)', 'qwen/qwen3-coder'],
  ['claude-opus-4.5 (high effort, 80%)', 'anthropic/claude-opus-4.5'],
  ['Claude Opus 4.5 (Thinking)', 'anthropic/claude-opus-4.5'],
  ['Opus 4.6', 'anthropic/claude-opus-4.6'],
];

/** Text that holds a model but is not one model name. */
const notOneModel: Case[] = [
  ['Claude Opus 4.6 and Qwen3-Coder', null],
  ['claude-opus-4.6-and-qwen3-coder', null],
  ['gpt-4-is-great', null],
  ['claude-opus-4.5 high effort', null],
  ['Jane Doe: Claude Opus 4.5', null],
];

const groups: Record<string, Case[]> = {
  anthropic,
  openai,
  google,
  qwen,
  deepseek,
  moonshot,
  mistral,
  meta,
  xai,
  zai,
  minimax,
  prefixes,
  unknownOfKnownFamily,
  literal,
  notModels,
  hostile,
  notes,
  releases,
  displayNames,
  notOneModel,
};

const SAFE_ID = /^[a-z0-9./_-]+$/;

describe('canonicalModel', () => {
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      test.each(cases)('%j → %s', (input, expected) => {
        const id = canonicalModel(input);
        expect(id).toBe(expected);
        if (id !== null) expect(id).toMatch(SAFE_ID);
      });
    });
  }

  test('covers at least 120 cases', () => {
    expect(Object.values(groups).flat().length).toBeGreaterThanOrEqual(120);
  });

  test('is idempotent on its own output', () => {
    for (const [input] of Object.values(groups).flat()) {
      const id = canonicalModel(input);
      if (id !== null) expect(canonicalModel(id), `${input} → ${id}`).toBe(id);
    }
  });

  test('never throws and only ever returns a safe, idempotent id on generated input', () => {
    const pieces = ['claude', 'gpt', 'o3', 'qwen', 'gemini', 'kimi', 'grok', 'glm', 'llama', 'opus', 'sonnet', '4', '5', '2.5',
      '-', '_', ' ', '.', '/', ':', '@', '(', ')', '[', ']', '<', '>', 'openrouter/', 'ollama/', 'us.anthropic.', 'v1:0',
      '20250514', '-latest', 'ft:', 'b', 'x', '\u0000', '\n', '\u202e', 'é', '😀', '$(', '`', '..', 'acme/', '\\'];
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let index = 0; index < 3000; index += 1) {
      const length = 1 + random(10);
      const input = Array.from({ length }, () => pieces[random(pieces.length)]).join('');
      const id = canonicalModel(input, { 'claude 4': 'acme/four' });
      if (id === null) continue;
      expect(id, JSON.stringify(input)).toMatch(SAFE_ID);
      expect(isModelId(id), JSON.stringify(input)).toBe(true);
      expect(canonicalModel(id), JSON.stringify(input)).toBe(id === 'acme/four' ? 'acme/four' : id);
    }
  });

  test('rejects non-string input without throwing', () => {
    for (const value of [undefined, null, 42, {}, ['gpt-4o'], Symbol('x')]) {
      expect(canonicalModel(value as unknown as string)).toBeNull();
    }
  });
});

describe('config aliases', () => {
  const aliases = { 'internal-llm': 'acme/internal-llm-2', 'Our Big Model': 'Claude Opus 4.6', 'gpt-4o': 'acme/proxy-4o' };

  test.each<Case>([
    ['internal-llm', 'acme/internal-llm-2'],
    ['INTERNAL-LLM', 'acme/internal-llm-2'],
    ['Internal LLM', 'acme/internal-llm-2'],
    ['openrouter/internal-llm', 'acme/internal-llm-2'],
    ['our big model', 'anthropic/claude-opus-4.6'],
    ['GPT-4o', 'acme/proxy-4o'],
    ['gpt-4o-2024-08-06', 'acme/proxy-4o'],
    ['gpt-4.1', 'openai/gpt-4.1'],
  ])('%j → %s', (input, expected) => {
    expect(canonicalModel(input, aliases)).toBe(expected);
  });

  test('ignores hostile or unusable alias targets and keys', () => {
    const hostileAliases = {
      'evil-1': 'acme/\u001b[31mx',
      'evil-2': 'Jane Doe',
      'evil-3': 'ACME/../x',
      ['x'.repeat(300)]: 'acme/a',
      'ok\nkey': 'acme/b',
    } as Record<string, string>;
    expect(canonicalModel('evil-1', hostileAliases)).toBeNull();
    expect(canonicalModel('evil-2', hostileAliases)).toBeNull();
    expect(canonicalModel('evil-3', hostileAliases)).toBeNull();
    expect(canonicalModel('claude-opus-4-6', hostileAliases)).toBe('anthropic/claude-opus-4.6');
    const weird = JSON.parse('{"__proto__": "acme/proto", "toString": 5}') as Record<string, string>;
    expect(canonicalModel('__proto__', weird)).toBe('acme/proto');
    expect(canonicalModel('toString', weird)).toBeNull();
  });

  test('an empty aliases object changes nothing', () => {
    expect(canonicalModel('Kimi K2', {})).toBe('moonshotai/kimi-k2');
  });
});

describe('the built-in table', () => {
  const ids = knownModels();

  test('every id is a canonical id of a known vendor, and resolves to itself', () => {
    for (const id of ids) {
      expect(isModelId(id), id).toBe(true);
      expect(knownVendors()).toContain(modelVendor(id));
      expect(canonicalModel(id), id).toBe(id);
    }
  });

  test('every alias resolves to its own id, and no alias is claimed by two models', () => {
    const owner = new Map<string, string>();
    for (const [id, aliases] of Object.entries(MODEL_ALIASES)) {
      for (const alias of aliases) {
        expect(canonicalModel(alias), `${alias} should be ${id}`).toBe(id);
        const key = normaliseModelName(alias)?.key ?? '';
        expect(owner.get(key) ?? id, `${alias} claimed by ${owner.get(key)} and ${id}`).toBe(id);
        owner.set(key, id);
      }
    }
  });

  test('covers every vendor', () => {
    const vendors = new Set(ids.map((id) => modelVendor(id)));
    expect([...vendors].sort()).toEqual([...knownVendors()].sort());
    expect(knownVendors()).toEqual(
      expect.arrayContaining(['anthropic', 'openai', 'google', 'qwen', 'deepseek', 'moonshotai', 'mistralai', 'meta-llama', 'x-ai', 'z-ai']),
    );
  });
});

describe('modelVendor and isModelId', () => {
  test.each([
    ['anthropic/claude-opus-4.6', 'anthropic'],
    ['meta-llama/llama-4-maverick', 'meta-llama'],
    ['acme/coder-2', 'acme'],
    ['unknown', null],
    ['Anthropic/Claude', null],
    ['a/b/c', null],
    ['acme/..', null],
    ['/gpt-4o', null],
    ['acme/x\n', null],
  ])('%j → %s', (id, vendor) => {
    expect(modelVendor(id)).toBe(vendor);
    expect(isModelId(id)).toBe(vendor !== null);
  });
});

describe('speed', () => {
  test('takes well under half a millisecond a name, even on a loaded machine', () => {
    const inputs = Object.values(groups).flat().map(([input]) => input);
    const rounds = Math.ceil(5_000 / inputs.length);
    const started = cpuClock();
    for (let round = 0; round < rounds; round += 1) for (const input of inputs) canonicalModel(`${input}${round % 2 ? '' : ' '}`);
    expect((cpuClock() - started) / (rounds * inputs.length)).toBeLessThan(0.5);
  });
});

describe('canonicalModel: short names, with the agent as context (issue 9)', () => {
  const model = (agent?: string) => ({ ...(agent ? { agent } : {}), isModel: true });
  test.each([
    ['opus', undefined, 'anthropic/claude-opus'],
    ['sonnet', undefined, 'anthropic/claude-sonnet'],
    ['haiku', 'claude-code', 'anthropic/claude-haiku'],
    ['opus[1m]', 'claude-code', 'anthropic/claude-opus'],
    ['Claude Sonnet', undefined, 'anthropic/claude-sonnet'],
    ['default', 'claude-code', 'anthropic/unknown'],
    ['opusplan', 'claude-code', 'anthropic/unknown'],
    ['gemini-pro', undefined, 'google/gemini-pro'],
    ['pro', 'gemini-cli', 'google/gemini-pro'],
    ['flash', 'gemini-cli', 'google/gemini-flash'],
    ['flash-lite', undefined, 'google/gemini-flash-lite'],
    ['auto', 'gemini-cli', 'google/unknown'],
    ['4o', 'aider', 'openai/gpt-4o'],
    ['r1', 'aider', 'deepseek/deepseek-reasoner'],
    ['gpt-5', 'codex', 'openai/gpt-5'],
    ['pro', undefined, null],
    ['default', undefined, null],
    ['4o', 'claude-code', null],
    ['Claude Fable 5', 'claude-code', 'anthropic/claude-fable-5'],
    ['gpt-5.6-luna', 'codex', 'openai/gpt-5.6-luna'],
  ])('%j as %s → %s', (input, agent, expected) => {
    expect(canonicalModel(input, {}, model(agent))).toBe(expected);
  });

  test('outside a model context, short names and new tiers are not models (a co-author could be a person)', () => {
    expect(canonicalModel('opus')).toBeNull();
    expect(canonicalModel('Claude Nova 6')).toBeNull();
    expect(canonicalModel('Sonnet')).toBeNull();
    expect(canonicalModel('Claude Fable')).toBeNull();
  });

  test("Claude's Fable and Mythos tiers with a version are models, as Opus is (Anthropic, June and September 2026)", () => {
    expect(canonicalModel('Claude Fable 5')).toBe('anthropic/claude-fable-5');
    expect(canonicalModel('Claude Mythos 5.1')).toBe('anthropic/claude-mythos-5.1');
    expect(canonicalModel('claude-fable-5-1')).toBe('anthropic/claude-fable-5.1');
    expect(canonicalModel('Claude Mythos', {}, { isModel: true })).toBe('anthropic/claude-mythos');
    expect(canonicalModel('Fable 4')).toBeNull();
  });

  test.each([
    ['qwen/unknown', 'qwen/unknown'],
    ['openrouter/anthropic/unknown', 'anthropic/unknown'],
    ['alibaba/unknown', 'qwen/unknown'],
    ['acme/unknown', null],
    ['unknown', null],
  ])('a vendor named without a model: %j → %s', (input, expected) => {
    expect(canonicalModel(input)).toBe(expected);
  });
});
