/**
 * The changed lines of a line diff exactly as git's xdiff finds them before it slides them
 * (`xdi_diff` → `xdl_diff` → `xdl_do_diff`, Myers, as `git blame` runs it): the common tail
 * trimmed in 1 KiB blocks (`trim_common_tail`, blame asks for no context), the common head and tail
 * taken off (`xdl_trim_ends`), lines with no match on the other side and runs of lines with too
 * many (`xdl_cleanup_records`) set aside as changed, then the divide-and-conquer Myers search of
 * `xdl_recs_cmp`/`xdl_split` with its cost limits (never minimal: blame does not pass --minimal).
 * Where two edit scripts are equally short, git picks one of them; this picks the same one, so a
 * note's line numbers name the lines git blame gives their commit.
 */

/** What xdiff marked changed on each side (1 = changed), and how many lines of each it read (the rest: a common tail it trimmed). */
export interface XdiffChanges {
  changedA: Uint8Array;
  changedB: Uint8Array;
  /** Lines of each side the diff ran on; the lines after them are the same on both sides. */
  countA: number;
  countB: number;
}

const MAX_EQLIMIT = 1024;
const SIMSCAN_WINDOW = 100;
const KPDIS_RUN = 4;
const MAX_COST_MIN = 256;
const HEUR_MIN_COST = 256;
const SNAKE_CNT = 20;
const K_HEUR = 4;
const LINE_MAX = 0x3fffffff;

/** xdiff's integer square root approximation (`xdl_bogosqrt`). */
function bogosqrt(n: number): number {
  let root = 1;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 4)) root *= 2;
  return root;
}

/**
 * `trim_common_tail`: a common tail of whole 1 KiB blocks is cut off both files, then the cut is
 * moved past the next newline; the lines after it are left out of the diff. Returns how many lines
 * of each side remain. Lines are counted as text with a newline each (UTF-8 bytes).
 */
function trimCommonTail(before: readonly string[], after: readonly string[]): [number, number] {
  const sizeOf = (lines: readonly string[]) => lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
  const sizeA = sizeOf(before);
  const sizeB = sizeOf(after);
  const smaller = Math.min(sizeA, sizeB);
  if (smaller < 1024) return [before.length, after.length];
  // The common suffix in bytes: whole equal lines from the end, then the equal end of the next pair.
  let common = 0;
  let ia = before.length - 1;
  let ib = after.length - 1;
  while (ia >= 0 && ib >= 0 && before[ia] === after[ib]) {
    common += Buffer.byteLength(before[ia]!) + 1;
    ia -= 1;
    ib -= 1;
  }
  if (ia >= 0 && ib >= 0) {
    const x = Buffer.from(before[ia]!);
    const y = Buffer.from(after[ib]!);
    let same = 1; // the newline
    while (same <= x.length && same <= y.length && x[x.length - same] === y[y.length - same]) same += 1;
    common += same;
  }
  let trimmed = 0;
  while (1024 + trimmed <= smaller && 1024 + trimmed <= common) trimmed += 1024;
  if (trimmed === 0) return [before.length, after.length];
  // The cut at byte `size - trimmed`: kept up to and including the first newline at or after it.
  const keep = (lines: readonly string[], size: number): number => {
    const cut = size - trimmed;
    let at = 0;
    for (let index = 0; index < lines.length; index += 1) {
      const end = at + Buffer.byteLength(lines[index]!); // the newline's byte
      if (end >= cut) return index + 1;
      at = end + 1;
    }
    return lines.length;
  };
  return [keep(before, sizeA), keep(after, sizeB)];
}

/** `xdl_clean_mmatch`: a line with many matches sitting among lines with none is set aside too. */
function cleanMmatch(dis: Uint8Array, i: number, start: number, end: number): boolean {
  const s = i - start > SIMSCAN_WINDOW ? i - SIMSCAN_WINDOW : start;
  const e = end - i > SIMSCAN_WINDOW ? i + SIMSCAN_WINDOW : end;
  let rdis0 = 0;
  let rpdis0 = 1;
  for (let r = 1; i - r >= s; r += 1) {
    if (!dis[i - r]) rdis0 += 1;
    else if (dis[i - r] === 2) rpdis0 += 1;
    else break;
  }
  if (rdis0 === 0) return false;
  let rdis1 = 0;
  let rpdis1 = 1;
  for (let r = 1; i + r <= e; r += 1) {
    if (!dis[i + r]) rdis1 += 1;
    else if (dis[i + r] === 2) rpdis1 += 1;
    else break;
  }
  if (rdis1 === 0) return false;
  rdis1 += rdis0;
  rpdis1 += rpdis0;
  return rpdis1 * KPDIS_RUN < rpdis1 + rdis1;
}

interface Split {
  i1: number;
  i2: number;
  minLo: boolean;
  minHi: boolean;
}

interface Env {
  mxcost: number;
  kvdf: Int32Array;
  kvdb: Int32Array;
  /** Index of diagonal 0 in kvdf/kvdb. */
  zero: number;
}

/** `xdl_split`: the middle snake of the box (off1, lim1) × (off2, lim2), or a good-enough split past the cost limits. */
function split(ha1: Int32Array, off1: number, lim1: number, ha2: Int32Array, off2: number, lim2: number, needMin: boolean, env: Env): Split {
  const { kvdf, kvdb, zero } = env;
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = ((fmid - bmid) & 1) !== 0;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  kvdf[zero + fmid] = off1;
  kvdb[zero + bmid] = lim1;
  for (let ec = 1; ; ec += 1) {
    let gotSnake = false;
    if (fmin > dmin) kvdf[zero + --fmin - 1] = -1;
    else ++fmin;
    if (fmax < dmax) kvdf[zero + ++fmax + 1] = -1;
    else --fmax;
    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = kvdf[zero + d - 1]! >= kvdf[zero + d + 1]! ? kvdf[zero + d - 1]! + 1 : kvdf[zero + d + 1]!;
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 < lim1 && i2 < lim2 && ha1[i1] === ha2[i2]) {
        i1 += 1;
        i2 += 1;
      }
      if (i1 - prev1 > SNAKE_CNT) gotSnake = true;
      kvdf[zero + d] = i1;
      if (odd && bmin <= d && d <= bmax && kvdb[zero + d]! <= i1) return { i1, i2, minLo: true, minHi: true };
    }
    if (bmin > dmin) kvdb[zero + --bmin - 1] = LINE_MAX;
    else ++bmin;
    if (bmax < dmax) kvdb[zero + ++bmax + 1] = LINE_MAX;
    else --bmax;
    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = kvdb[zero + d - 1]! < kvdb[zero + d + 1]! ? kvdb[zero + d - 1]! : kvdb[zero + d + 1]! - 1;
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 > off1 && i2 > off2 && ha1[i1 - 1] === ha2[i2 - 1]) {
        i1 -= 1;
        i2 -= 1;
      }
      if (prev1 - i1 > SNAKE_CNT) gotSnake = true;
      kvdb[zero + d] = i1;
      if (!odd && fmin <= d && d <= fmax && i1 <= kvdf[zero + d]!) return { i1, i2, minLo: true, minHi: true };
    }
    if (needMin) continue;
    if (gotSnake && ec > HEUR_MIN_COST) {
      let best = 0;
      const found: Split = { i1: 0, i2: 0, minLo: true, minHi: false };
      for (let d = fmax; d >= fmin; d -= 2) {
        const dd = d > fmid ? d - fmid : fmid - d;
        const i1 = kvdf[zero + d]!;
        const i2 = i1 - d;
        const v = i1 - off1 + (i2 - off2) - dd;
        if (v > K_HEUR * ec && v > best && off1 + SNAKE_CNT <= i1 && i1 < lim1 && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
          for (let k = 1; ha1[i1 - k] === ha2[i2 - k]; k += 1) {
            if (k === SNAKE_CNT) {
              best = v;
              found.i1 = i1;
              found.i2 = i2;
              break;
            }
          }
        }
      }
      if (best > 0) return found;
      best = 0;
      const back: Split = { i1: 0, i2: 0, minLo: false, minHi: true };
      for (let d = bmax; d >= bmin; d -= 2) {
        const dd = d > bmid ? d - bmid : bmid - d;
        const i1 = kvdb[zero + d]!;
        const i2 = i1 - d;
        const v = lim1 - i1 + (lim2 - i2) - dd;
        if (v > K_HEUR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_CNT && off2 < i2 && i2 <= lim2 - SNAKE_CNT) {
          for (let k = 0; ha1[i1 + k] === ha2[i2 + k]; k += 1) {
            if (k === SNAKE_CNT - 1) {
              best = v;
              back.i1 = i1;
              back.i2 = i2;
              break;
            }
          }
        }
      }
      if (best > 0) return back;
    }
    if (ec >= env.mxcost) {
      let fbest = -1;
      let fbest1 = -1;
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(kvdf[zero + d]!, lim1);
        let i2 = i1 - d;
        if (lim2 < i2) {
          i1 = lim2 + d;
          i2 = lim2;
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2;
          fbest1 = i1;
        }
      }
      let bbest = LINE_MAX;
      let bbest1 = LINE_MAX;
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, kvdb[zero + d]!);
        let i2 = i1 - d;
        if (i2 < off2) {
          i1 = off2 + d;
          i2 = off2;
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2;
          bbest1 = i1;
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) return { i1: fbest1, i2: fbest - fbest1, minLo: true, minHi: false };
      return { i1: bbest1, i2: bbest - bbest1, minLo: false, minHi: true };
    }
  }
}

/** The changed lines of `a` → `b` (line ids; `before`/`after` their texts), as git's xdiff marks them. */
export function xdiffChanges(a: Int32Array, b: Int32Array, before: readonly string[], after: readonly string[]): XdiffChanges {
  const [n1, n2] = trimCommonTail(before, after);
  const changedA = new Uint8Array(a.length);
  const changedB = new Uint8Array(b.length);
  // Occurrences of each line in the other file (xdiff's classifier counts, over the lines it reads).
  let top = 0;
  for (let at = 0; at < n1; at += 1) top = Math.max(top, a[at]!);
  for (let at = 0; at < n2; at += 1) top = Math.max(top, b[at]!);
  const inA = new Int32Array(top + 1);
  const inB = new Int32Array(top + 1);
  for (let at = 0; at < n1; at += 1) inA[a[at]!]! += 1;
  for (let at = 0; at < n2; at += 1) inB[b[at]!]! += 1;
  // xdl_trim_ends.
  const lim = Math.min(n1, n2);
  let start = 0;
  while (start < lim && a[start] === b[start]) start += 1;
  let tail = 0;
  while (tail < lim - start && a[n1 - 1 - tail] === b[n2 - 1 - tail]) tail += 1;
  const end1 = n1 - tail - 1;
  const end2 = n2 - tail - 1;
  // xdl_cleanup_records: lines kept for the search (their index), the others changed outright.
  const keep = (ids: Int32Array, n: number, end: number, other: Int32Array, changed: Uint8Array): number[] => {
    const dis = new Uint8Array(n + 1);
    const mlim = Math.min(bogosqrt(n), MAX_EQLIMIT);
    for (let at = start; at <= end; at += 1) {
      const matches = other[ids[at]!]!;
      dis[at] = matches === 0 ? 0 : matches >= mlim ? 2 : 1;
    }
    const kept: number[] = [];
    for (let at = start; at <= end; at += 1) {
      if (dis[at] === 1 || (dis[at] === 2 && !cleanMmatch(dis, at, start, end))) kept.push(at);
      else changed[at] = 1;
    }
    return kept;
  };
  const index1 = keep(a, n1, end1, inB, changedA);
  const index2 = keep(b, n2, end2, inA, changedB);
  const ha1 = Int32Array.from(index1, (at) => a[at]!);
  const ha2 = Int32Array.from(index2, (at) => b[at]!);
  const ndiags = ha1.length + ha2.length + 3;
  const env: Env = { mxcost: Math.max(bogosqrt(ndiags), MAX_COST_MIN), kvdf: new Int32Array(ndiags + 2), kvdb: new Int32Array(ndiags + 2), zero: ha2.length + 2 };
  // xdl_recs_cmp, with a stack instead of recursion (each box is independent of the others).
  const boxes: Array<[number, number, number, number, boolean]> = [[0, ha1.length, 0, ha2.length, false]];
  while (boxes.length > 0) {
    let [off1, lim1, off2, lim2, needMin] = boxes.pop()!;
    while (off1 < lim1 && off2 < lim2 && ha1[off1] === ha2[off2]) {
      off1 += 1;
      off2 += 1;
    }
    while (off1 < lim1 && off2 < lim2 && ha1[lim1 - 1] === ha2[lim2 - 1]) {
      lim1 -= 1;
      lim2 -= 1;
    }
    if (off1 === lim1) for (let at = off2; at < lim2; at += 1) changedB[index2[at]!] = 1;
    else if (off2 === lim2) for (let at = off1; at < lim1; at += 1) changedA[index1[at]!] = 1;
    else {
      const found = split(ha1, off1, lim1, ha2, off2, lim2, needMin, env);
      boxes.push([found.i1, lim1, found.i2, lim2, found.minHi], [off1, found.i1, off2, found.i2, found.minLo]);
    }
  }
  return { changedA, changedB, countA: n1, countB: n2 };
}
