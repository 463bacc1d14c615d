import { isAscii } from 'node:buffer';

/** A diff header's mode line (`old mode 100644`, `new mode 100755`, `new file mode 100755`, `deleted file mode 100755`): dropped before `git patch-id` (row 1103). */
const MODE_LINE = /^(?:old mode|new mode|new file mode|deleted file mode) [0-7]+\n$/;

/** Bytes of a line's start read to tell what it is; a longer line is a diff's content (or a `diff --git` header), passed on as it comes. */
const LINE_HEAD = 256;

const DIFF_HEADER = Buffer.from('diff --git ');
const EMPTY = Buffer.alloc(0);
const NEWLINE = Buffer.from('\n');

/** A hunk header's counts (`@@ -a[,b] +c[,d] @@`): how many lines it holds before and after. */
const HUNK = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/**
 * Each run of content lines of one sign given as one line in a hunk of its own (git patch-id hashes no hunk header, and
 * counts a hunk's lines by it): lines joined, or white-space-only ones dropped, leave every hunk's count true (rows 1203..1206).
 */
const LINE_HUNK: Record<number, Buffer> = { 0x2b: Buffer.from('@@ -0,0 +1 @@\n+'), 0x2d: Buffer.from('@@ -1 +0,0 @@\n-'), 0x20: Buffer.from('@@ -1 +1 @@\n ') };

/** White space git patch-id drops from a line (C's isspace), but the line breaks: a line of only these gives no text. */
const SPACE = new Uint8Array(256);
for (const byte of [0x20, 0x09, 0x0b, 0x0c]) SPACE[byte] = 1;

/**
 * The UTF-8 white space JavaScript reads as such and git patch-id does not (row 1205): its length at `at` in `data`
 * (U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000, U+FEFF), minus its length for a line break (U+2028,
 * U+2029), 0 for anything else, undefined when `data` ends before the sequence does.
 */
function wideSpace(data: Buffer, at: number): number | undefined {
  const lead = data[at]!;
  const length = lead === 0xc2 ? 2 : lead === 0xe1 || lead === 0xe2 || lead === 0xe3 || lead === 0xef ? 3 : 0;
  if (length === 0) return 0;
  if (at + length > data.length) return undefined;
  const second = data[at + 1]!;
  const third = data[at + 2];
  if (lead === 0xc2) return second === 0xa0 ? 2 : 0;
  if (lead === 0xe1) return second === 0x9a && third === 0x80 ? 3 : 0;
  if (lead === 0xe3) return second === 0x80 && third === 0x80 ? 3 : 0;
  if (lead === 0xef) return second === 0xbb && third === 0xbf ? 3 : 0;
  if (second === 0x81) return third === 0x9f ? 3 : 0;
  if (second !== 0x80 || third === undefined) return 0;
  if ((third >= 0x80 && third <= 0x8a) || third === 0xaf) return 3;
  return third === 0xa8 || third === 0xa9 ? -3 : 0;
}

/**
 * Splits a patch stream into one patch per file for `git patch-id --stable`: each `diff --git` line given a
 * `commit <tag>` line of its own (the tag its source's last header line named: `tagOf`), mode lines dropped
 * (row 1103: a file's mode is no part of its change). Holds at most LINE_HEAD bytes between chunks (row 1175:
 * the whole diff of a merge of an unrelated 5,000-file history was held, split and joined as strings).
 * Rows 1203..1206: git patch-id ignores ASCII white space inside a line but hashes each line's sign, so a blank
 * line more or fewer, line breaks written as lone carriage returns, Unicode white space or a re-wrap made the same change
 * another id: a hunk's lines are read by its header's counts, each run of one sign's lines given as one line without
 * white space (carriage returns, JavaScript's Unicode white space and line breaks too), `\ No newline at end of file` dropped.
 */
export class PatchSplitter {
  private carry = EMPTY;
  private passing = false;
  /** The rest of a line dropped (a hunk header or `\ No newline…` line longer than LINE_HEAD). */
  private skipping = false;
  private tag = '';
  /** Lines of the hunk still to come, before and after (git patch-id's own counts). */
  private before = 0;
  private after = 0;
  /** The sign of the content line being read (0: none), and of the output line open (0: none; row 1206). */
  private sign = 0;
  private open = 0;
  /** Whether the content line being read has given text yet (its leading white space is dropped until then). */
  private texted = false;
  /**
   * The current file's header lines, held until its first text (row 1224): a file whose hunks hold only white space
   * gives git patch-id no part at all, not a bare header, whose id would be its name's alone (a person deleting a blank
   * line was the twin of Qwen's commit adding one). A file with no hunk (binary, a mode change) gives its header.
   */
  private held: Buffer[] = [];
  private holding = false;
  private hunked = false;

  constructor(private readonly tagOf: (line: string) => string | undefined) {}

  /** What `chunk` (the next bytes of the source) gives git patch-id. */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let data = chunk;
    if (this.carry.length > 0) {
      data = Buffer.concat([this.carry, data]);
      this.carry = EMPTY;
    }
    let at = 0;
    while (at < data.length) {
      if (this.sign !== 0) {
        at = this.content(data, at, out);
        continue;
      }
      if (this.passing || this.skipping) {
        const newline = data.indexOf(10, at);
        const end = newline < 0 ? data.length : newline + 1;
        if (this.passing) this.emit(out, data.subarray(at, end));
        at = end;
        if (newline >= 0) this.passing = this.skipping = false;
        continue;
      }
      if (this.before > 0 || this.after > 0) {
        const sign = data[at]!;
        if (sign === 0x2b) this.after -= 1;
        else if (sign === 0x2d) this.before -= 1;
        else if (sign === 0x20) {
          this.before -= 1;
          this.after -= 1;
        } else {
          // `\ No newline at end of file` (counted by no side): no part of the change.
          this.skipping = true;
          continue;
        }
        this.sign = sign;
        this.texted = false;
        at += 1;
        continue;
      }
      const newline = data.indexOf(10, at);
      const end = newline < 0 ? data.length : newline + 1;
      if (newline < 0 && end - at < LINE_HEAD) {
        this.carry = Buffer.from(data.subarray(at));
        break;
      }
      const line = data.subarray(at, end);
      at = end;
      const head = line.subarray(0, LINE_HEAD).toString('latin1');
      if (newline >= 0 && line.length <= LINE_HEAD) {
        const tag = this.tagOf(head.slice(0, -1));
        if (tag !== undefined) {
          this.fileEnd(out);
          this.tag = tag;
          continue;
        }
        if (MODE_LINE.test(head)) continue;
      }
      const hunk = HUNK.exec(head);
      // A hunk header leaves the open output line open: under `-U0` an unchanged line between two added runs (a blank
      // one the copy's base already held) is a hunk header, and closing there made the copy another id (row 1203's
      // blank line kept in the base). Careless truth it costs: `foo` added at line 3 and `bar` at line 10 is `foobar`'s id.
      if (hunk || head.startsWith('\\')) {
        this.before = hunk ? Number(hunk[1] ?? 1) : 0;
        this.after = hunk ? Number(hunk[2] ?? 1) : 0;
        if (hunk) this.hunked = true;
        if (newline < 0) this.skipping = true;
        continue;
      }
      out.push(...this.closed());
      if (line.subarray(0, DIFF_HEADER.length).equals(DIFF_HEADER)) {
        this.fileEnd(out);
        this.holding = true;
        this.emit(out, Buffer.from(`commit ${this.tag}\n`));
      }
      this.emit(out, line);
      if (newline < 0) this.passing = true;
    }
    return out;
  }

  /**
   * A content line's bytes from `at` to its end or the chunk's, without the white space git patch-id would keep (row
   * 1205): its text written to the output line of its sign, opened (a hunk of its own) when the line before was of
   * another sign (row 1206: a run of added lines is one text, however it is wrapped). A sequence the chunk cuts is
   * held for the next.
   */
  private content(data: Buffer, at: number, out: Buffer[]): number {
    let start = at;
    // A line's leading white space, until its text starts (the same bytes whatever the chunks).
    if (!this.texted) while (start < data.length && SPACE[data[start]!] === 1) start += 1;
    const newline = data.indexOf(10, start);
    const text = data.subarray(start, newline < 0 ? data.length : newline);
    // Nearly every line: ASCII without a carriage return, given whole (a byte at a time in JavaScript cost twice the split).
    if (text.indexOf(13) < 0 && isAscii(text)) {
      if (text.length > 0) out.push(...this.opened(), text);
      this.texted ||= text.length > 0;
      if (newline < 0) return data.length;
      this.sign = 0;
      return newline + 1;
    }
    let from = -1;
    for (let index = at; index < data.length; index += 1) {
      const byte = data[index]!;
      const wide = byte < 0xc2 ? 0 : wideSpace(data, index);
      if (wide === undefined) {
        if (from >= 0) out.push(data.subarray(from, index));
        this.carry = Buffer.from(data.subarray(index));
        return data.length;
      }
      if (byte === 10) {
        if (from >= 0) out.push(data.subarray(from, index));
        this.sign = 0;
        return index + 1;
      }
      if (byte === 13 || wide !== 0 || SPACE[byte] === 1) {
        if (from >= 0) out.push(data.subarray(from, index));
        from = -1;
        index += Math.abs(wide) > 1 ? Math.abs(wide) - 1 : 0;
      } else if (from < 0) {
        out.push(...this.opened());
        this.texted = true;
        from = index;
      }
    }
    if (from >= 0) out.push(data.subarray(from));
    return data.length;
  }

  /** What opens the output line of the current sign: nothing when it is open, else the line before closed (or the file's held header) and a hunk of one line. */
  private opened(): Buffer[] {
    if (this.open === this.sign) return [];
    const opening = [...this.closed(), ...this.held, LINE_HUNK[this.sign]!];
    this.held = [];
    this.holding = false;
    this.open = this.sign;
    return opening;
  }

  /** `parts` to the output, or held with the current file's header until the file gives text. */
  private emit(out: Buffer[], ...parts: Buffer[]): void {
    if (this.holding) this.held.push(...parts);
    else out.push(...parts);
  }

  /** The current file's end: its held header given when it had no hunk, dropped when its hunks held only white space. */
  private fileEnd(out: Buffer[]): void {
    if (this.holding && !this.hunked) out.push(...this.held);
    this.held = [];
    this.holding = false;
    this.hunked = false;
  }

  /** The open output line's end (none when no line is open). */
  private closed(): Buffer[] {
    if (this.open === 0) return [];
    this.open = 0;
    return [NEWLINE];
  }

  /** The bytes held at the source's end (a last line with no line break). */
  end(): Buffer[] {
    const rest = this.carry;
    this.carry = EMPTY;
    const out: Buffer[] = [];
    // A content line's last bytes, no white space's whole (row 1205), are text.
    if (this.sign !== 0 && rest.length > 0) out.push(...this.opened(), rest);
    out.push(...this.closed());
    // A last `\ No newline at end of file` (git ends a diff with one) is dropped as any other.
    if (rest.length > 0 && this.sign === 0 && rest[0] !== 0x5c) this.emit(out, rest);
    this.fileEnd(out);
    this.sign = 0;
    return out;
  }

}
