import { describe, expect, it } from 'vitest';
import { checkpointOwners } from '../../../src/core/checkpoint/checkpoint-file.js';
import { recordPost, recordPre } from '../../../src/core/checkpoint/record-edit.js';
import { reverseEdits } from '../../../src/core/checkpoint/reverse-edits.js';
import type { AgentEvent, CheckpointOwner, FileCheckpoint, TextEdit } from '../../../src/core/checkpoint/types.js';
import { splitLines } from '../../../src/core/lines/line-owners.js';

const owner = (n: number): CheckpointOwner => ({ key: `s_${'0'.repeat(13)}${n}::t_${'0'.repeat(13)}${n}`, agent: 'claude-code', tool: 'claude', session: `session-${n}`, model: 'claude-opus-4-6' });
const event = (edits: TextEdit[] | null, wholeFile = false): AgentEvent => ({ phase: 'post', tool: 'Edit', paths: ['f'], cwd: null, session: 's', model: null, transcriptPath: null, edits, wholeFile });
const edit = (old: string, replacement: string, all = false): TextEdit => ({ old, new: replacement, all });

/** Each line of the checkpoint's content with the number of its owner, or '-' for nobody's. */
function owned(checkpoint: FileCheckpoint): string[] {
  const lines = splitLines(checkpoint.content);
  const owners = checkpointOwners(checkpoint, lines.length);
  return lines.map((line, at) => {
    const index = owners.owner[at]!;
    return `${index === -1 ? '-' : owners.keys[index]!.slice(-1)} ${line}`;
  });
}

describe('recordPre / recordPost', () => {
  it('an Edit after a pre snapshot: exactly the added and changed lines are the agent\'s', () => {
    const pre = recordPre(null, 'f', 'a\nb\nc\n', 'blob', 1);
    expect(pre.pre).toBe(true);
    expect(pre.marks).toEqual([]);
    const post = recordPost(pre, 'f', 'a\nB!\nnew\nc\n', 'blob2', event(null), owner(1), 2);
    expect(owned(post)).toEqual(['- a', '1 B!', '1 new', '- c']);
    expect(post.pre).toBe(false);
  });

  it('no pre snapshot (Cursor afterFileEdit, MultiEdit): the payload\'s replacements are undone to find the file before', () => {
    const post = recordPost(null, 'f', 'head\nx1\nx2\nmid\ny1\ntail\n', 'b', event([edit('one\n', 'x1\nx2\n'), edit('two', 'y1')]), owner(1), 1);
    expect(owned(post)).toEqual(['- head', '1 x1', '1 x2', '- mid', '1 y1', '- tail']);
  });

  it('replace_all undoes every occurrence', () => {
    expect(reverseEdits('B a B', [edit('b', 'B', true)])).toBe('b a b');
    const post = recordPost(null, 'f', 'B\nkeep\nB\n', 'b', event([edit('b', 'B', true)]), owner(1), 1);
    expect(owned(post)).toEqual(['1 B', '- keep', '1 B']);
  });

  it('an edit whose result is ambiguous, or a deletion, claims nothing (never counted as AI without certainty)', () => {
    expect(reverseEdits('x\nx\n', [edit('y', 'x')])).toBeNull();
    expect(reverseEdits('a\n', [edit('gone\n', '')])).toBeNull();
    expect(owned(recordPost(null, 'f', 'x\nx\n', 'b', event([edit('y', 'x')]), owner(1), 1))).toEqual(['- x', '- x']);
  });

  it('a Write without a snapshot: the whole file is the agent\'s; with one, only what changed', () => {
    expect(owned(recordPost(null, 'f', 'a\nb\n', 'b', event(null, true), owner(1), 1))).toEqual(['1 a', '1 b']);
    const pre = recordPre(null, 'f', 'a\nb\n', 'b', 1);
    expect(owned(recordPost(pre, 'f', 'a\nB\n', 'b', event(null, true), owner(1), 2))).toEqual(['- a', '1 B']);
  });

  it('a person\'s edit between two agent edits stays theirs; the earlier agent lines keep their owner where unchanged', () => {
    const first = recordPost(recordPre(null, 'f', 'a\n', 'b', 1), 'f', 'a\nx1\nx2\n', 'b', event(null), owner(1), 2);
    // A person changes x2 and adds a line; then a second session edits.
    const pre = recordPre(first, 'f', 'a\nx1\nx2 by hand\nmine\n', 'b', 3);
    expect(owned(pre)).toEqual(['- a', '1 x1', '- x2 by hand', '- mine']);
    const second = recordPost(pre, 'f', 'a\nx1\nx2 by hand\nmine\ny1\n', 'b', event(null), owner(2), 4);
    expect(owned(second)).toEqual(['- a', '1 x1', '- x2 by hand', '- mine', '2 y1']);
    expect(second.owners.map((entry) => entry.session)).toEqual(['session-1', 'session-2']);
  });

  it('an edit with nothing known about the file before claims nothing', () => {
    expect(owned(recordPost(null, 'f', 'a\nb\n', 'b', event(null), owner(1), 1))).toEqual(['- a', '- b']);
  });
});
