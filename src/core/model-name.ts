// Normalises one model name (the last `/` segment of what was written) to the spelling the
// catalog uses as a key: lowercase, `-` between words, `.` between version digits, no dates,
// no cloud/runner decorations. Pure; the rules are listed in catalog.ts.
import { AGENTS, FAMILIES, ROUTERS, VENDOR_NAMES, type Family } from './model-data.js';

export interface ModelName {
  /** The normalised name, with an ollama tag folded in: `qwen-2.5-coder-32b-instruct`, `llama-4-scout`. */
  key: string;
  /** With only the tag's size kept (`deepseek-r1:14b-qwen-distill` → `deepseek-r1-14b`); else `key`. */
  sized: string;
  /**
   * The name before an ollama tag (`qwen3-coder` of `qwen3-coder:rm`), when it differs from `key`:
   * read when neither `key` nor `sized` is a catalog model. An ollama tag picks a build of one
   * model (a size, a quantisation, `latest`, `cloud`, `instruct`); kept as part of the name, an
   * unknown tag made `qwen/qwen3-coder-rm`, past an exact deny of `qwen/qwen3-coder` (row 1007).
   */
  base?: string;
}

export interface NameOptions {
  /** Fireworks writes version points as `p`: `llama-v3p1-70b-instruct`, `glm-4p6`. */
  fireworks?: boolean;
}

const MAX_NAME = 100;
/** Bedrock's cross-region inference profiles, written before the provider: `us.`, `eu.`, `global.`… */
const BEDROCK_REGIONS = 'us|eu|apac|ap|global|us-gov|jp|au|ca';
/** A Bedrock id's region profile (`us.` of `us.anthropic.claude-…-v1:0`): no part of the model's name. */
export const BEDROCK_REGION = new RegExp(`^(?:${BEDROCK_REGIONS})\\.`, 'i');
/** Bedrock ids: optional region profile, provider, model, version: `us.anthropic.claude-…-v1:0`. */
const BEDROCK = new RegExp(
  `^(?:(?:${BEDROCK_REGIONS})\\.)?(anthropic|meta|mistral|deepseek|qwen|openai|moonshot|moonshotai|google|amazon|cohere|ai21|writer|minimax)\\.(.+)$`,
);
/** Cohere For AI's prefix of its open-weight ids (`c4ai-command-a-03-2025`, `c4ai-command-r-v01`): no part of the model's name. */
export const COHERE_LAB = /^c4ai-(?=command|aya)/i;
/**
 * A server's label before the model it serves, no part of the model's name, read only before a
 * family's name (`alpha-gd4` names none and stays unknown): OpenCode Zen's for a model it serves
 * early (`opencode/alpha-glm-4.7`, `alpha-minimax-m2`, `alpha-doubao-seed-code`: models.dev
 * `providers/opencode`), and Databricks' pay-per-token endpoints (`databricks-claude-sonnet-4`,
 * goose's Databricks default, `databricks-meta-llama-3-3-70b-instruct`, `databricks-qwen3-next-80b-a3b-instruct`,
 * LiteLLM's `databricks/databricks-…`: block/goose `providers/databricks.rs`).
 */
const SERVING_LABEL = /^(?:alpha|databricks)-/;
/** Size at the start of an ollama tag: `32b`, `0.6b`, `1t`, `8x7b`, `e4b` (then `-instruct-q4_K_M`, `-cloud`…). */
const SIZE_TAG = /^(\d+(?:\.\d+)?[bmt]|\d+x\d+b|e\d+b)(?:$|[-_])/;
/** Tags that choose a provider or price, not a model: OpenRouter `:free`, `:exacto`; ollama `:latest`. */
const VARIANT_TAG = /^(?:free|beta|extended|exacto|nitro|floor|online|thinking|latest|cloud)$/;
/**
 * Hugging Face's router (router.huggingface.co) picks who serves a Hub model by a tag after its id:
 * a provider (`Qwen/Qwen3-Coder-480B-A35B-Instruct:novita`, `deepseek-ai/DeepSeek-V4-Pro:fireworks-ai`,
 * `zai-org/GLM-4.6:zai-org`) or a selection policy (`:fastest`, `:cheapest`, `:preferred`): where it
 * ran, no part of the model's name. Read as an ollama tag, it made `qwen/…-novita` (past a deny of
 * `qwen/qwen3-coder`) and a co-author line nothing at all.
 */
const ROUTER_TAG =
  /^(?:fastest|cheapest|preferred|baseten|cerebras|clarifai|cohere|deepinfra|fal-ai|featherless-ai|fireworks-ai|groq|hf-inference|hyperbolic|nebius|novita|nscale|openai|ovhcloud|publicai|replicate|sambanova|scaleway|together|wavespeed|zai-org)$/;
const AGENT_SET: ReadonlySet<string> = new Set(AGENTS);
/** Whether `name` is an agent's name exactly (`claude-code`, `codex`), not only one of its prefixes (isAgentName). */
export const isAgent = (name: string): boolean => AGENT_SET.has(name);

const GENERIC_SUFFIXES: readonly RegExp[] = [
  /-\d{8}$/, // -20250514
  /-\d{4}-\d{2}-\d{2}$/, // -2024-08-06
  // `-latest` after a model's name (`qwen-max-latest`, `claude-3-5-sonnet-latest`); after one word alone it
  // stays: `kimi-latest` is Moonshot's model, where `Kimi` is a person's name (catalog.ts's lookup reads
  // `codestral-latest` as `codestral` when the table has no name of its own for it).
  /(?<!^[a-z]+)-latest$/,
  /-(?:fp8|fp16|fp32|f16|f32|bf16|fp4|nvfp4|mxfp4|int4|int8|w4a16|w8a8|awq|gptq|gguf|mlx|exl2|exl3|dwq|qat|hqq|bnb|eetq|mlc|unsloth|\d+bit)$/,
  // Quantisers' own spellings: exllama's `-4.0bpw`, RedHat's `-FP8-dynamic` and `-quantized.w4a16`, a
  // group size (`-W4A16-G128`), MLC's `-q4f16_1`, llama.cpp's `-MXFP4_MOE`.
  /-\d+(?:\.\d+)?bpw$/,
  /-(?:fp8|fp4|int8|int4|w\d+a\d+)-dynamic$/,
  /-quantized(?:[.-](?:w\d+a\d+|fp8|int\d))?$/,
  /-w\d+a\d+(?:-g\d+)?$/,
  /-q\d+f\d+(?:-\d)?$/,
  /-(?:mxfp4|nvfp4)-moe$/,
  // llama.cpp quantisations: q4-k-m, q8-0, iq4-xs, iq4-nl, tq1-0; unsloth's dynamic ones (`UD-Q4_K_XL`).
  /-(?:ud-)?[it]?q\d(?:-k)?(?:-[sml0-9]|-xs|-xxs|-xl|-nl)?$/,
  /\.gguf$/, // a llama.cpp server's default model name is its file's: Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf
  /-\d{5}-of-\d{5}$/, // a split GGUF's part: …-UD-Q2_K_XL-00001-of-00004.gguf
  /-(?:maas|cloud|hf)$/,
  // OpenCode Zen's free tier of a model (`opencode/kimi-k2.5-free`, `minimax-m2.5-free`, `glm-4.7-free`): a price, as OpenRouter's `:free` is.
  /-free$/,
  // Serving variants of open-weight models (quantised, faster): Together's `-tput`, Together's and
  // DeepInfra's `-Turbo` after a full model name (`Llama-3.3-70B-Instruct-Turbo`, `DeepSeek-R1-Turbo`,
  // `gpt-oss-120b-Turbo`). Not after a bare family (`gpt-4-turbo`, `gpt-3.5-turbo`, `qwen-turbo`,
  // `qwen2.5-turbo` are models of their own).
  /-tput$/,
  /(?<=-(?:instruct|\d+(?:\.\d+)?b|a\d+b|\d{4}|r1|v\d+(?:\.\d+)?))-turbo$/,
  // …and Nebius's `-fast` after a full name (`DeepSeek-V3-0324-fast`, `Qwen3-235B-A22B-Instruct-2507-fast`,
  // Cloudflare's `llama-3.3-70b-instruct-fp8-fast`), not after a bare version (`grok-4-fast`, `grok-4.1-fast`
  // are models of their own); Chutes' `-TEE` (`DeepSeek-V3.1-TEE`, `GLM-4.6-TEE`: the same weights in a
  // trusted enclave), after any name: no model is named so.
  /(?<=-(?:instruct|\d+(?:\.\d+)?b|a\d+b|\d{4}|r1|v\d+(?:\.\d+)?|fp8))-fast$/,
  /-tee$/,
];

/**
 * MiniMax's `abab` is also a run of hex digits (a session's UUID, a commit's sha: `abab12cd-0e1f-…`,
 * `abab4c2`): an abab model is the word, a version 5 to 9 (`5.5`, `6.5`), maybe one letter of its
 * variant (`abab6.5s-chat`, `abab6.5g`, `abab7-chat-preview`), then a word or the end.
 */
const ABAB_MODEL = /^-?[5-9](?:\.\d)?[a-z]?(?:-|$)/;

/**
 * A fine-tuned model's whole id as OpenAI and Mistral write it (`ft:gpt-4o-mini-2024-07-18:acme:support-bot:9abc`,
 * `ft:gpt-3.5-turbo-0613:personal::7qn4BCMz`, `ft:open-mistral-7b:587a6b29:20240514:7e773925`, a checkpoint's
 * `…:ckpt-step-88`): the base model, then the owner, the suffix its owner chose and the job's id. The
 * suffix is a name, no model (`:qwen:` is a team's label: a fine-tune runs on its base, the vendor's own
 * model): only the base is read (row 948). Behind a route or vendor (`openai/ft:gpt-4o:acme:qwen3-coder:abc`,
 * `openrouter/openai/ft:…`: LiteLLM's and aider's `openai/` route) the route is kept before the base (`openai/gpt-4o`),
 * so a vendor written there is still read (`qwen/ft:gpt-4o:…` names Qwen); read whole, the route's id was a made-up
 * `openai/ft` beside the suffix's `qwen/unknown` (row 973). Null for anything else.
 */
const FINE_TUNE_ID = /^((?:[a-z0-9._~-]{1,40}\/){0,3})ft:([a-z0-9][a-z0-9._-]{0,80}):[a-z0-9_-]{0,64}:[a-z0-9._-]{0,64}:[a-z0-9]{1,40}(?::ckpt-step-\d{1,9})?$/i;
export function fineTuneBase(text: string): string | null {
  const id = FINE_TUNE_ID.exec(text.trim());
  return id ? `${id[1] ?? ''}${id[2] ?? ''}` : null;
}

/** The family a name starts with (`claude-…`, `gpt4o`, `o3-mini`, `qwen2.5`), or null. */
export function familyOf(token: string): Family | null {
  for (const family of FAMILIES) {
    if (!token.startsWith(family.word)) continue;
    const next = token.charAt(family.word.length);
    if (next === '') return family;
    if (family.word === 'abab' && !ABAB_MODEL.test(token.slice(family.word.length))) continue;
    if (/\d$/.test(family.word) ? next === '-' : /[-.0-9]/.test(next)) return family;
  }
  return null;
}

/** Every `-`-separated prefix of a token, longest first: `a-b-c` → `a-b-c`, `a-b`, `a`. */
function prefixes(token: string): string[] {
  const found = [token];
  for (let at = token.lastIndexOf('-'); at > 0; at = token.lastIndexOf('-', at - 1)) found.push(token.slice(0, at));
  return found;
}

/** True for agent and product names (`claude-code`, `codex-cli-0.46`, `cursor`). */
export function isAgentName(token: string): boolean {
  return prefixes(token).some((prefix) => AGENT_SET.has(prefix));
}

/** `openai-o3` → `o3`, `meta-llama-3.1-8b` → `llama-3.1-8b`: a vendor word before a family. */
function stripVendorWord(token: string): string {
  for (const prefix of prefixes(token).slice(1)) {
    const rest = token.slice(prefix.length + 1);
    if (VENDOR_NAMES.has(prefix) && familyOf(rest)) return rest;
  }
  return token;
}

function stripSuffixes(token: string): string {
  let current = token;
  for (let round = 0; round < 8; round += 1) {
    let next = current;
    for (const suffix of GENERIC_SUFFIXES) next = next.replace(suffix, '');
    // Cursor's and Windsurf's effort slugs (`claude-opus-4-8-high`, `-thinking-high`, `-max`): no Claude model is named so.
    // …and fast mode, the same model served faster (Copilot CLI's and OpenRouter's `claude-opus-4.6-fast`), as GPT's `-fast` below.
    // …and a thinking budget after that word, as LMArena names its runs (`claude-opus-4-5-20251101-thinking-32k`, `-high-32k`).
    if (next.startsWith('claude-')) next = next.replace(/-(?:thinking|1m|low|medium|high|xhigh|max|fast)(?:-\d{1,3}k)?$/, '');
    // GPT-5 and later: an effort (and Cursor's `-fast`, priority serving) after the name; `max` and `ultra`
    // only after a tier word (`gpt-5.6-sol-max`, `gpt-6-sol-ultra`): `gpt-5.1-codex-max` is a model.
    if (/^(?:gpt-[5-9]|gpt-oss|o\d)/.test(next)) next = next.replace(/-(?:minimal|low|medium|high|xhigh|none)(?:-fast)?$/, '').replace(/-(sol|luna|terra|astra)-(?:max|ultra)(?:-fast)?$/, '-$1');
    // ChatGPT's picker names of GPT-5 and later, as OpenAI maps them to API ids: `GPT-5.2 Thinking` (at any of
    // its thinking times, `Extended`, `Heavy`…) is `gpt-5.2`, `GPT-5 Thinking mini` `gpt-5-mini`, `GPT-5.2
    // Instant` `gpt-5.2-chat` (`gpt-5.2-chat-latest`). No API model is named `-thinking` or `-instant`.
    next = next
      .replace(/^(gpt-(?:[5-9]|[1-9]\d)(?:\.\d+)?)-thinking(?:-(?:light|standard|extended|heavy))?(-(?:mini|nano|pro))?$/, '$1$2')
      .replace(/^(gpt-(?:[5-9]|[1-9]\d)(?:\.\d+)?)-instant$/, '$1-chat')
      // …and `Auto` (`GPT-5.6 Auto`, Copilot Studio's `GPT-5 Auto`), ChatGPT's router between that release's
      // Instant and Thinking: the release's id, which a deny of `openai/gpt-5.6` names. No API model is named `-auto`.
      .replace(/^(gpt-(?:[5-9]|[1-9]\d)(?:\.\d+)?)-auto$/, '$1');
    // Volcengine ark's release date, YYMMDD, after a ByteDance model (`doubao-seed-1-6-250615`, `seed-1-6-thinking-250715`).
    if (/^(?:doubao|seed)-/.test(next)) next = next.replace(/-\d{6}$/, '');
    // …and after a model ark hosts for its vendor, whose own ids date a release by month and day
    // (`deepseek-r1-250528` is `deepseek-r1-0528`, `kimi-k2-250905` `kimi-k2-0905`; `deepseek-v3-1-250821`,
    // an ark id of a release without its own date, is the catalog's alias). Only a date (20YY, 2024 on).
    if (/^(?:deepseek|kimi|glm)-/.test(next)) next = next.replace(/-2[4-9](0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/, '-$1$2');
    // Antigravity's thinking levels as model ids (`gemini-3-pro-high`, `gemini-3-pro-low`): no Gemini model is named so.
    if (next.startsWith('gemini-')) next = next.replace(/-\d{3}$/, '').replace(/-(?:minimal|low|medium|high)$/, '');
    if (next === current) break;
    current = next;
  }
  return current;
}

/** `claude-opus-4-6` → `claude-opus-4.6`, `llama3-1-70b` → `llama3.1-70b`, `deepseek-v3-1` → `deepseek-v3.1`. */
function joinVersionDigits(token: string): string {
  return token.replace(/(^|[-a-z])(\d+)-(\d{1,2})(?=-|$)/g, '$1$2.$3');
}

/** Claude 4 and later put the tier first (`claude-sonnet-4.5`), earlier ones the version (`claude-3.5-sonnet`). */
function claudeForm(token: string): string {
  // `claude-opus4.6`, `Claude4.6Opus`: the tier glued to the version is the same model.
  const match = /^claude-(?:(opus|sonnet|haiku|fable|mythos)-?(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)-?(opus|sonnet|haiku|fable|mythos))(?=-|$)(.*)$/.exec(token);
  if (!match) return token;
  const tier = match[1] ?? match[4] ?? '';
  const version = (match[2] ?? match[3] ?? '').replace(/\.0$/, '');
  const rest = match[5] ?? '';
  return Number.parseInt(version, 10) >= 4 ? `claude-${tier}-${version}${rest}` : `claude-${version}-${tier}${rest}`;
}

/** The spelling each family uses on OpenRouter: `gpt-4o`, `qwen-2.5-…` but `qwen3-…`, `llama-3.1`. */
function familyForm(token: string): string {
  const spaced = token
    // `Z-GLM-4`, `Z GLM-4.6`: Z.ai's letter before its GLM (`Z (GLM-4)` in a team's list of AIs); no GLM is named so.
    .replace(/^z-(?=glm-?\d)/, '')
    // A `v` before the version of a family whose vendor never writes one there (Fedora's policy example
    // `Assisted-by: ChatGPTv5`, `GPT v5`, `Gemini v2.5 Pro`, `Claude Sonnet v4.5`, `Grok v4`, `Qwen v3 Coder`):
    // the version. DeepSeek's and Xiaomi's `V` is their names' own (`deepseek-v3`, `mimo-v2-pro`), and
    // Anthropic's API ids of 2023 (`claude-v2`, `claude-instant-v1`) are Claude 2 and Instant 1 all the same.
    .replace(/^(gpt|chatgpt|gemini|gemma|grok|claude|qwen|kimi|glm|opus|sonnet|haiku)-?v(?=\d)/, '$1-')
    .replace(/^(claude-(?:opus|sonnet|haiku|fable|mythos))-?v(?=\d)/, '$1-')
    .replace(/^(gpt|chatgpt|llama|gemma|gemini|glm|grok|claude|mistral|devstral|codestral|magistral|ministral)-?(?=\d)/, '$1-')
    .replace(/^qwen-?(\d+)/, (_whole, major: string) => (Number(major) >= 3 ? `qwen${major}` : `qwen-${major}`))
    .replace(/^llama-v(?=\d)/, 'llama-')
    // `ChatGPT 5`, `chatgpt-4.1`: the app's name before a GPT version is that GPT (`gpt-5`); OpenAI's own
    // `chatgpt-4o-latest` (models.json's `openai/chatgpt-4o`) is the one model named so, and stays.
    .replace(/^chatgpt-(?=\d)(?!4o(?:-|$))/, 'gpt-')
    .replace(/^(?=(?:opus|sonnet|haiku)-\d)/, 'claude-')
    // Claude 4 and later's tier glued to its version (`sonnet4.5`, Auggie's model names; `Opus4.6`, `Haiku4.5`):
    // only from 4 on, so `opus1.5` (the audio codec's version) is not a Claude model.
    .replace(/^(opus|sonnet|haiku)(?=(?:[4-9]|[1-9]\d)(?:\.\d+)?(?:-|$))/, 'claude-$1-')
    // GPT-5 and later's Codex models written the other way round (`codex-5.3`, `Codex 5.3`, `GPT-codex-5.3`,
    // opencode-go's `codex-5.3`, `codex-5.1-mini`, `codex-5.3-spark`): OpenAI names them `gpt-5.3-codex`,
    // `gpt-5.1-codex-mini`, `gpt-5.3-codex-spark`. Not `codex-1` (OpenAI's own model of 2025) nor `codex-mini`.
    .replace(/^(?:gpt-)?codex-?((?:[5-9]|[1-9]\d)(?:\.\d+)?)(?=-|$)/, 'gpt-$1-codex')
    // `gpt-5.3codex`: a GPT-5 model word glued to its version.
    .replace(/^(gpt-(?:[5-9]|[1-9]\d)(?:\.\d+)?)(?=(?:codex|mini|nano|pro|chat)(?:-|$))/, '$1-')
    // `.0` of a version its vendor writes without it (`gemini-3.0-pro`, `gpt-5.0-codex`, `glm-5.0`, `grok-4.0`):
    // not Gemini 1.0 and 2.0 (`gemini-2.0-flash` is a model of its own).
    .replace(/^(gpt-(?:[5-9]|[1-9]\d)|gemini-(?:[3-9]|[1-9]\d)|glm-\d+|grok-\d+)\.0(?=-|$)/, '$1')
    .replace(/^deepseek-?([vr])-?(?=\d)/, 'deepseek-$1')
    // `DeepSeek 3.2`, `deepseek-3.2`: the V series' version without its `V` (R1 and R2 always carry their `R`).
    .replace(/^deepseek-(?=[2-4](?:\.\d+)?(?:-|$))/, 'deepseek-v')
    .replace(/^kimi-?k-?(?=\d)/, 'kimi-k')
    // `Kimi 2.6` (a co-author line's name): Moonshot's models are K1.5, K2, K2.5…, never a bare number.
    .replace(/^kimi-(?=[1-3](?:\.\d+)?(?:-|$))/, 'kimi-k');
  return claudeForm(spaced);
}

/** Normalised text, or null when it cannot be (part of) a model name. */
function normaliseText(raw: string, options: NameOptions): string | null {
  let text = raw.replace(/[\s_]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  if (text.length === 0 || text.length > MAX_NAME || !/^[a-z0-9][a-z0-9.-]*$/.test(text)) return null;
  if (options.fireworks) text = text.replace(/(\d)p(\d)/g, '$1.$2');
  text = stripVendorWord(text);
  // A preview's or experiment's date is part of its name (`-preview-06-05`, `-exp-03-25`), not a version to join.
  const release = /-(?:preview|exp)-\d{2}-\d{2,4}$/.exec(text)?.[0] ?? '';
  text = familyForm(joinVersionDigits(stripSuffixes(text.slice(0, text.length - release.length))));
  text = familyForm(stripSuffixes(text)) + release;
  return /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(text) && !text.includes('..') ? text : null;
}

/** The catalog key for one name segment, or null when it cannot be a model name. */
export function normaliseModelName(segment: string, options: NameOptions = {}): ModelName | null {
  let text = segment.toLowerCase().trim();
  const at = text.indexOf('@'); // vertex: claude-opus-4-1@20250805
  if (at >= 0) text = text.slice(0, at);
  // opencode's variant after the model (`openai/gpt-6.1-sol#xhigh`, `opencode-go/grok-4.7#max`): the effort it runs at, not the model.
  text = text.replace(/#[a-z][a-z0-9-]{0,19}$/, '');
  const bedrock = BEDROCK.exec(text);
  if (bedrock) {
    text = bedrock[2] ?? '';
    if (/:\d+$/.test(text)) text = text.replace(/:\d+$/, '').replace(/-v?\d+$/, '');
    // Bedrock's newer ids drop the `:0` (`us.anthropic.claude-opus-4-6-v1`, opencode's `amazon-bedrock/…`): the
    // `-v1` after a version or date is Bedrock's too, read as `anthropic/claude-opus-4.6-v1` past a deny of
    // `anthropic/claude-opus-4.6`. After a letter it stays part of the name (`claude-v2`, `titan-embed-text-v2`),
    // but not after a size or `instruct` (`qwen.qwen3-coder-480b-a35b-v1`, `meta.llama3-70b-instruct-v1`: Bedrock's
    // `-v1:0` ids without the `:0`, read `qwen/qwen3-coder-480b-a35b-v1` past a deny of `qwen/qwen3-coder`).
    else text = text.replace(/(\d|\d[bkm]|-instruct)-v\d{1,2}$/, '$1');
    if (bedrock[1] === 'deepseek' && !text.startsWith('deepseek')) text = `deepseek-${text}`;
  }
  const fineTune = /^ft:([^:]+)/.exec(text); // OpenAI fine-tune of a base model: ft:gpt-4o-mini-2024-07-18:org::id
  if (fineTune) text = fineTune[1] ?? '';
  text = text.replace(COHERE_LAB, ''); // Hugging Face's `CohereLabs/c4ai-command-r-plus-08-2024` is `command-r-plus-08-2024`
  const label = SERVING_LABEL.exec(text)?.[0];
  if (label !== undefined && familyOf(stripVendorWord(text.slice(label.length))) !== null) text = text.slice(label.length);
  const colon = text.indexOf(':'); // ollama: qwen2.5-coder:32b-instruct-q4_K_M
  // A run of colons is one (`qwen3-coder::x`, `::latest`): the tag after it, not a tag `:x` that is no word,
  // which left the name no model and only its vendor's word (`qwen/unknown`) past a deny of the base (row 1033).
  // Colons with no tag after them (`qwen3-coder:`, `claude-opus-4-6::`) are no tag: the name alone, not the vendor's
  // unknown model past a deny of the name (row 1068).
  let tagAt = colon + 1;
  while (colon >= 0 && text[tagAt] === ':') tagAt += 1;
  if (colon < 0 || tagAt === text.length || VARIANT_TAG.test(text.slice(tagAt)) || ROUTER_TAG.test(text.slice(tagAt))) {
    if (colon >= 0) text = text.slice(0, colon);
    const key = normaliseText(text, options);
    return key ? { key, sized: key } : null;
  }
  const name = text.slice(0, colon);
  const tag = text.slice(tagAt);
  // `provider:model`, as pydantic-ai, promptfoo and others name a model (`cerebras:qwen-3-coder-480b`,
  // `deepseek:deepseek-chat`): a router's or vendor's name before the colon, and a family's name after
  // it (`zai-glm-4.6` is `glm-4.6`), is that model; an ollama model's tag is a size or a variant (`qwen:7b`, `mistral:instruct`).
  if (ROUTERS.has(name) || VENDOR_NAMES.has(name)) {
    const routed = normaliseModelName(tag, options);
    if (routed && familyOf(routed.key) !== null) return routed;
  }
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(tag)) return null;
  const key = normaliseText(`${name}-${tag}`, options);
  const size = SIZE_TAG.exec(tag)?.[1];
  const sized = size ? normaliseText(`${name}-${size}`, options) : key;
  if (!key || !sized) return null;
  const base = normaliseText(name, options);
  return base && base !== key ? { key, sized, base } : { key, sized };
}
