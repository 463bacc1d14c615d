import { join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { readUnlinkedJson } from '../io/read-regular-file.js';
import { MAX_WINDOW_MODELS } from './claude-transcript.js';
import { answerModel, parseTimestamp, usedAt, windowModels, type DatedRecord } from './session-window.js';
import { absolute, shownPath, type SettingsPlace } from './settings-place.js';

/** Amp's thread id as its shell tool exports it (`AMP_CURRENT_THREAD_ID=T-<uuid>`): the thread file's name, never a path. */
const THREAD_ID = /^T-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A thread file is read whole (one JSON document) only up to this; past it, its model stays unknown. */
const MAX_THREAD_BYTES = 16 * 1024 * 1024;
/** Answers weighed, the last ones. */
const MAX_MESSAGES = 100_000;

/** Where Amp keeps its threads: `AMP_DATA_DIR` (its `threads/`, or the folder itself), else `${XDG_DATA_HOME:-~/.local/share}/amp/threads`. */
function threadDirs(place: SettingsPlace): string[] {
  const dirs: string[] = [];
  const custom = absolute(place, place.env.AMP_DATA_DIR);
  if (custom) dirs.push(join(custom, 'threads'), custom);
  const xdg = absolute(place, place.env.XDG_DATA_HOME);
  dirs.push(join(xdg ?? join(place.home, '.local', 'share'), 'amp', 'threads'));
  return dirs;
}

/** A record's date: an ISO string, or milliseconds since the epoch. */
function dated(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : parseTimestamp(value);
}

/**
 * The thread's answers, oldest first: each assistant message's `usage.model` (Amp writes the model
 * that answered there, since January 2026), and the older `usageLedger.events[].model`.
 */
function threadRecords(thread: unknown): DatedRecord[] {
  if (thread === null || typeof thread !== 'object') return [];
  const { messages, usageLedger } = thread as { messages?: unknown; usageLedger?: { events?: unknown } };
  const records: DatedRecord[] = [];
  const events = usageLedger !== null && typeof usageLedger === 'object' ? usageLedger.events : undefined;
  for (const event of Array.isArray(events) ? events.slice(-MAX_MESSAGES) : []) {
    if (event === null || typeof event !== 'object') continue;
    const { model, timestamp } = event as { model?: unknown; timestamp?: unknown };
    records.push({ date: dated(timestamp), model: answerModel(model) });
  }
  for (const message of Array.isArray(messages) ? messages.slice(-MAX_MESSAGES) : []) {
    if (message === null || typeof message !== 'object') continue;
    const { role, usage, timestamp } = message as { role?: unknown; usage?: { model?: unknown }; timestamp?: unknown };
    if (role !== 'assistant' || usage === null || typeof usage !== 'object') continue;
    records.push({ date: dated(timestamp), model: answerModel(usage.model) });
  }
  return records;
}

/**
 * Amp's model (ampcode.com: its mode picks the model server-side, `smart` Claude Opus, `rush` Claude
 * Haiku, `deep` GPT; no settings file or variable names it): the models its thread's answers used,
 * read from the thread its shell tool names (`AMP_CURRENT_THREAD_ID`, `AMP_THREAD_ID`), a JSON file
 * under Amp's data folder (its own folder, never the repository's). The last answer's model is the
 * model; the others used since the previous commit (`place.windowStart`; every one when it is not
 * known or the answers are undated) beside it, at most {@link MAX_WINDOW_MODELS}. Null when no thread is named or none is read.
 */
export function ampThreadModel(place: SettingsPlace): SettingsModel | null {
  const ids = [...new Set([place.env.AMP_CURRENT_THREAD_ID, place.env.AMP_THREAD_ID].map((id) => id?.trim() ?? ''))].filter((id) => THREAD_ID.test(id));
  for (const id of ids) {
    for (const dir of threadDirs(place)) {
      const path = join(dir, `${id}.json`);
      const records = threadRecords(readUnlinkedJson(path, MAX_THREAD_BYTES));
      // Undated answers (a thread is one task): every model the thread used; dated ones: those since the previous commit.
      const since = place.windowStart && records.some((record) => record.date !== null) ? place.windowStart() : null;
      const window = windowModels(records, since, MAX_WINDOW_MODELS);
      const last = window.last;
      if (last === null) continue;
      const evidence = (model: string) => `thread ${shownPath(place, path)} usage.model=${quote(model)}`;
      const also = window.models.filter((used) => used.model !== last).map((used) => ({ model: used.model, evidence: `${evidence(used.model)} ${usedAt(used)}`, overriddenBy: [] }));
      return { model: last, evidence: evidence(last), ...(also.length > 0 ? { also } : {}) };
    }
  }
  return null;
}
