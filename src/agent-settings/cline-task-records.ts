import { closeSync, constants } from 'node:fs';
import { join } from 'node:path';
import { openRegularFile, readBytes, readUnlinkedJson } from '../io/read-regular-file.js';
import { printableModel, windowModels, type DatedRecord, type SessionWindow } from './session-window.js';

/** A dated record of a Cline task and the file it was read in. */
interface TaskRecord extends DatedRecord {
  file: string;
}

/** `ui_messages.json` is read in its last megabyte first; when the window reaches further back, in its last 16 MB. */
const TAIL = 1024 * 1024;
const FURTHEST = 16 * 1024 * 1024;
/** `task_metadata.json` (its `files_in_context` grows with the task) past this is not read; its last entries only. */
const MAX_METADATA = 4 * 1024 * 1024;
const MAX_USAGE = 10_000;
/** A provider's id as Cline names it (`openrouter`, `deepseek`, `openai-native`). */
const PROVIDER = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The model a Cline record names, `provider/model` as the catalog reads an OpenRouter or LiteLLM
 * prefix (`openrouter` + `qwen/qwen3-coder`, `deepseek` + `deepseek-chat`); the model alone when
 * the provider's id is not one; null when the model is not a printable name.
 */
export function providerModel(provider: unknown, model: unknown): string | null {
  const id = printableModel(model);
  if (id === null) return null;
  return typeof provider === 'string' && PROVIDER.test(provider) ? `${provider}/${id}` : id;
}

/**
 * A message's start in `ui_messages.json` (`JSON.stringify` of Cline's messages: every `say` and
 * `ask` is written `{"ts":…,"type":…`) and a message's `"modelInfo":{…}` (Cline 3.3x+ `say`: the
 * provider, model and mode in force). A string's quotes are escaped, so neither is ever a message's
 * text: both are the messages' own keys, wherever the read starts.
 */
const MESSAGE_OR_MODEL = /\{"ts":(\d{1,16}),"type":"|"modelInfo":\{([^{}]{0,1024})\}/g;

/** The model of a `modelInfo` object's inside, or null. */
function infoModel(inside: string): string | null {
  try {
    const info = JSON.parse(`{${Buffer.from(inside, 'latin1').toString('utf8')}}`) as { providerId?: unknown; modelId?: unknown };
    return providerModel(info.providerId, info.modelId);
  } catch {
    return null;
  }
}

/** The messages of one region of `ui_messages.json`, oldest first: each dated by its `ts`, with its `modelInfo`'s model (null: none). */
function scanMessages(bytes: Buffer, file: string): TaskRecord[] {
  const records: TaskRecord[] = [];
  let current: TaskRecord | null = null;
  // A message cut by the region's start has no `ts` read: its model is not counted.
  for (const match of bytes.toString('latin1').matchAll(MESSAGE_OR_MODEL)) {
    if (match[1] !== undefined) {
      const date = Number(match[1]);
      current = Number.isSafeInteger(date) ? { date, model: null, file } : null;
      if (current) records.push(current);
    } else if (current && current.model === null) {
      current.model = infoModel(match[2]!);
    }
  }
  return records;
}

/** The messages of `ui_messages.json` (a regular file, never through a link): its tail, or its last {@link FURTHEST} bytes when the window starts before the tail does. */
function messageRecords(file: string, since: number | null): TaskRecord[] {
  const opened = openRegularFile(file, constants.O_NOFOLLOW);
  if (!opened) return [];
  try {
    const tail = Math.min(opened.size, TAIL);
    const records = scanMessages(readBytes(opened.fd, tail, opened.size - tail), file);
    const reachesBack = since === null || !records.some((record) => record.date! < since);
    if (!reachesBack || tail === opened.size) return records;
    const start = Math.max(0, opened.size - FURTHEST);
    return scanMessages(readBytes(opened.fd, opened.size - start, start), file);
  } catch {
    return [];
  } finally {
    closeSync(opened.fd);
  }
}

/** `task_metadata.json`'s `model_usage` (Cline's ModelContextTracker: one entry `{ts, model_id, model_provider_id, mode}` each time a request's model differs from the last entry's). */
function usageRecords(file: string): TaskRecord[] {
  const usage = (readUnlinkedJson(file, MAX_METADATA) as { model_usage?: unknown } | null | undefined)?.model_usage;
  if (!Array.isArray(usage)) return [];
  return usage.slice(-MAX_USAGE).flatMap((entry: unknown): TaskRecord[] => {
    if (entry === null || typeof entry !== 'object') return [];
    const { ts, model_id: model, model_provider_id: provider } = entry as Record<string, unknown>;
    const named = providerModel(provider, model);
    return typeof ts === 'number' && Number.isSafeInteger(ts) && named !== null ? [{ date: ts, model: named, file }] : [];
  });
}

/** What a task's records say: its models in the window and its last model, and for each model the file that named it last. */
export interface TaskWindow extends SessionWindow {
  files: Map<string, string>;
}

/**
 * The models a Cline task (`tasks/<id>/`) used at or after `since` (ms; null: every record), the
 * most recently used first, at most `max`, and its last model. Its records, by date: each change of
 * model in `task_metadata.json` (stays in force until the next one), and each message of
 * `ui_messages.json` (its own `modelInfo`'s model, else the one in force), so a model in force
 * when the window opens counts only when a message of the task falls in the window.
 */
export function taskWindow(dir: string, since: number | null, max: number): TaskWindow {
  const records = [...usageRecords(join(dir, 'task_metadata.json')), ...messageRecords(join(dir, 'ui_messages.json'), since)];
  // Stable: a change of model recorded in the same millisecond as a message comes before it (Cline records it first).
  records.sort((a, b) => a.date! - b.date!);
  const files = new Map<string, string>();
  for (const record of records) if (record.model !== null) files.set(record.model, record.file);
  const { models, last } = windowModels(records, since, max, true);
  return { models, last, files };
}
