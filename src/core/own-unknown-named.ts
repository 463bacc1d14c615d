import type { Attribution } from './types.js';
import { findTrailerBlock } from './trailers/block.js';
import type { TrailerOptions } from './trailers/options.js';

/**
 * Agents whose `<key>: <agent>:unknown` (aitrail's own form, a stated unknown, row 894) stands beside a model of the
 * same agent the message declares (`<key>: claude-code:anthropic/claude-opus-4.6`): a person who named, in the
 * editor, the model prepare-commit-msg could not read (row 916).
 */
export function ownUnknownsNamed(attributions: readonly Attribution[]): Set<string> {
  const named = new Set(attributions.filter((a) => a.declared && a.agent !== 'unknown' && a.model !== 'unknown').map((a) => a.agent));
  return new Set(attributions.filter((a) => a.stated && a.model === 'unknown' && named.has(a.agent)).map((a) => a.agent));
}

/** `message` without the lines `<key>: <agent>:unknown` of `agents` in its trailer block (exactly as the hooks write them); the rest byte for byte. */
export function withoutOwnUnknowns(message: string, key: string, agents: ReadonlySet<string>, options: TrailerOptions): string {
  const block = findTrailerBlock(message, options);
  if (block.start === block.end) return message;
  const drop = new Set([...agents].map((agent) => `${key}: ${agent}:unknown`));
  const kept = message.slice(block.start, block.end).split(/(?<=\n)/).filter((line) => !drop.has(line.replace(/\r?\n$/, '')));
  return `${message.slice(0, block.start)}${kept.join('')}${message.slice(block.end)}`;
}
