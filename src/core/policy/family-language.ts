/**
 * The exact judgment of a family id (model-family.ts) by a glob list (row 870): a family names every version it can run,
 * `prefix` + version + `suffix` (+ build words), version `[1-9][0-9]*(.[0-9]+)*` with no end (`anthropic/claude-opus-20`,
 * `google/gemini-14.2-pro-preview`). No finite list of probe ids is sound (`deny: ["anthropic/claude-opus-2[0-9]*"]`
 * reaches only Opus 20+), but the glob language is finite-state: each glob's regular expression (picomatch's own,
 * `simple-glob.ts`'s for simple globs) is read as an automaton and walked together with the family's, so whether some
 * version a glob refuses exists, or one no glob of an allow passes, is decided exactly and a witness id returned.
 * Expressions with a construct this reader does not take (a lookahead other than picomatch's dot-segment ones, a
 * back-reference, a class escape) answer `undefined`: the caller judges by its probe ids as before.
 */

interface Edge {
  test: (char: string) => boolean;
  to: number;
}
interface State {
  eps: number[];
  /** Epsilon moves taken only at the subject's start (`^`) or end (`$`). */
  bol: number[];
  eol: number[];
  edges: Edge[];
}
/** A Thompson automaton: its states, start and one accepting state. */
export interface Automaton {
  states: State[];
  start: number;
  accept: number;
}
interface Fragment {
  start: number;
  end: number;
}

/** The bodies of picomatch's dot-segment lookaheads under `dot: true` (`(?!\.{1,2}(?:\/|$))`), read as always true. */
const DOT_GUARDS = new Set(['\\.{1,2}(?:\\/|$)', '(?:^|\\/)\\.{1,2}(?:\\/|$)']);

/** A construct, or a size, the reader does not take. */
class Unsupported extends Error {}

class Builder {
  readonly states: State[] = [];
  /** States any automaton of one expression may still make: a longer one is not read (the caller keeps its probes). */
  constructor(private readonly budget: { left: number }) {}
  state(): number {
    if ((this.budget.left -= 1) < 0) throw new Unsupported();
    this.states.push({ eps: [], bol: [], eol: [], edges: [] });
    return this.states.length - 1;
  }
  char(test: (char: string) => boolean): Fragment {
    const start = this.state();
    const end = this.state();
    this.states[start]!.edges.push({ test, to: end });
    return { start, end };
  }
  empty(kind: 'eps' | 'bol' | 'eol' = 'eps'): Fragment {
    const start = this.state();
    const end = this.state();
    this.states[start]![kind].push(end);
    return { start, end };
  }
  seq(parts: Fragment[]): Fragment {
    if (parts.length === 0) return this.empty();
    for (let index = 1; index < parts.length; index += 1) this.states[parts[index - 1]!.end]!.eps.push(parts[index]!.start);
    return { start: parts[0]!.start, end: parts[parts.length - 1]!.end };
  }
  alt(parts: Fragment[]): Fragment {
    const start = this.state();
    const end = this.state();
    for (const part of parts) {
      this.states[start]!.eps.push(part.start);
      this.states[part.end]!.eps.push(end);
    }
    return { start, end };
  }
  /** `min` to `max` (Infinity: no end) repetitions of what `make` builds, each built anew. */
  repeat(make: () => Fragment, min: number, max: number): Fragment {
    const parts: Fragment[] = [];
    for (let count = 0; count < min; count += 1) parts.push(make());
    if (max === Infinity) {
      const body = make();
      const loop = this.alt([body]);
      this.states[body.end]!.eps.push(body.start);
      this.states[loop.start]!.eps.push(loop.end);
      parts.push(loop);
    } else {
      for (let count = min; count < max; count += 1) {
        const body = make();
        const optional = this.alt([body]);
        this.states[optional.start]!.eps.push(optional.end);
        parts.push(optional);
      }
    }
    return this.seq(parts);
  }
  literal(text: string): Fragment {
    return this.seq([...text].map((char) => this.char((other) => other === char)));
  }
  done(fragment: Fragment): Automaton {
    return { states: this.states, start: fragment.start, accept: fragment.end };
  }
}

/**
 * A character as a case-insensitive expression without `u` compares it (ECMAScript's Canonicalize): its upper case, unless that
 * is several characters or takes a non-ASCII one to ASCII. The Kelvin sign `\u212A` is no `k` there (row 885).
 */
function canonical(char: string): string {
  const upper = char.toUpperCase();
  if (upper.length !== 1 || (char.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128)) return char;
  return upper;
}

/** A `{n}`, `{n,}` or `{n,m}` quantifier; any other `{` is a character. */
const QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;
const CONTROL_ESCAPES: Record<string, string> = { t: '\t', r: '\r', n: '\n', v: '\v', f: '\f' };

/**
 * The character an escape at `at` (past its `\\`) stands for and the length it takes: a punctuation character, the
 * control escapes and `\xHH` picomatch writes for POSIX classes (`[[:graph:]]` is `[\x21-\x7E]`, `[[:space:]]` holds
 * `\t`: row 885). Any other letter or digit is a construct the reader does not take.
 */
function escapedChar(source: string, at: number): { escaped: string; length: number } {
  const escaped = source[at];
  if (escaped === undefined) throw new Unsupported();
  if (escaped === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(at + 1, at + 3))) return { escaped: String.fromCharCode(parseInt(source.slice(at + 1, at + 3), 16)), length: 3 };
  const control = CONTROL_ESCAPES[escaped];
  if (control !== undefined) return { escaped: control, length: 1 };
  if (/[a-zA-Z0-9]/.test(escaped)) throw new Unsupported();
  return { escaped, length: 1 };
}

/** A character test of a class's body (`0-9`, `^/`, `a-z._`), case-insensitive when `fold`. */
function classTest(source: string, at: number, fold: boolean): { test: (char: string) => boolean; next: number } {
  let index = at;
  const negated = source[index] === '^';
  if (negated) index += 1;
  const ranges: [string, string][] = [];
  let first = true;
  const one = (): string => {
    const char = source[index]!;
    if (char === undefined) throw new Unsupported();
    index += 1;
    if (char !== '\\') return char;
    const { escaped, length } = escapedChar(source, index);
    index += length;
    return escaped;
  };
  while (source[index] !== ']' || first) {
    if (source[index] === undefined) throw new Unsupported();
    if (source[index] === '[' && source[index + 1] === ':') throw new Unsupported();
    first = false;
    const low = one();
    if (source[index] === '-' && source[index + 1] !== ']' && source[index + 1] !== undefined) {
      index += 1;
      ranges.push([low, one()]);
    } else ranges.push([low, low]);
  }
  const inside = (char: string): boolean => ranges.some(([low, high]) => char >= low && char <= high);
  const folded = (char: string): boolean => inside(char) || (fold && (inside(char.toLowerCase()) || inside(char.toUpperCase())));
  return { test: negated ? (char) => !folded(char) : folded, next: index + 1 };
}

/**
 * The automaton of a JavaScript regular expression of the forms picomatch writes: groups, alternation, classes,
 * escapes, `.`, quantifiers (lazy ones as greedy: the same language), `^`, `$`; picomatch's dot-segment lookaheads
 * `(?!…\.{1,2}…)` and `(?=.)` are read as always true (a family's ids have no `.`/`..` segment and no empty one).
 * Null for any other construct.
 */
export function regexAutomaton(source: string, fold: boolean, budget = { left: 5000 }): Automaton | null {
  const builder = new Builder(budget);
  let at = 0;
  const alternation = (): Fragment => {
    const branches = [sequence()];
    while (source[at] === '|') {
      at += 1;
      branches.push(sequence());
    }
    return branches.length === 1 ? branches[0]! : builder.alt(branches);
  };
  const sequence = (): Fragment => {
    const parts: Fragment[] = [];
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      parts.push(quantified(atomMaker()));
    }
    return builder.seq(parts);
  };
  /** Parses one atom and returns a maker building it anew (quantifiers repeat it). */
  const atomMaker = (): (() => Fragment) => {
    const char = source[at]!;
    if (char === '(') {
      let kind = 'group';
      if (source.startsWith('(?:', at)) (kind = 'group'), (at += 3);
      else if (source.startsWith('(?=', at)) (kind = 'ahead'), (at += 3);
      else if (source.startsWith('(?!', at)) (kind = 'not-ahead'), (at += 3);
      else if (source[at + 1] === '?') throw new Unsupported();
      else at += 1;
      const inner = at;
      let depth = 0;
      // The group's source, parsed anew for each repetition.
      for (; at < source.length; at += 1) {
        if (source[at] === '\\') at += 1;
        else if (source[at] === '[') at = classTest(source, at + 1, fold).next - 1;
        else if (source[at] === '(') depth += 1;
        else if (source[at] === ')') {
          if (depth === 0) break;
          depth -= 1;
        }
      }
      if (source[at] !== ')') throw new Unsupported();
      const body = source.slice(inner, at);
      at += 1;
      if (kind === 'ahead') {
        if (body !== '.') throw new Unsupported();
        return () => builder.empty();
      }
      if (kind === 'not-ahead') {
        // Only picomatch's own guards, whole (row 885): a `!(…)` extglob's lookahead holding a `**` also holds `\.{1,2}`.
        if (!DOT_GUARDS.has(body)) throw new Unsupported();
        return () => builder.empty();
      }
      // Read once (a nested group once per level: a hostile `{a,{a,{a,…}}}` stays linear), its states copied anew for each repetition.
      const copy = regexAutomaton(body, fold, budget);
      if (copy === null) throw new Unsupported();
      return () => {
        const offset = builder.states.length;
        if ((budget.left -= copy.states.length) < 0) throw new Unsupported();
        const moved = (list: number[]): number[] => list.map((to) => to + offset);
        for (const state of copy.states) builder.states.push({ eps: moved(state.eps), bol: moved(state.bol), eol: moved(state.eol), edges: state.edges.map((edge) => ({ test: edge.test, to: edge.to + offset })) });
        return { start: copy.start + offset, end: copy.accept + offset };
      };
    }
    if (char === '[') {
      const { test, next } = classTest(source, at + 1, fold);
      at = next;
      return () => builder.char(test);
    }
    if (char === '.') {
      at += 1;
      return () => builder.char((other) => other !== '\n' && other !== '\r' && other !== '\u2028' && other !== '\u2029');
    }
    if (char === '^' || char === '$') {
      at += 1;
      return () => builder.empty(char === '^' ? 'bol' : 'eol');
    }
    if (char === '\\') {
      const escaped = source[at + 1];
      at += 2;
      if (escaped === 'd') return () => builder.char((other) => other >= '0' && other <= '9');
      const read = escapedChar(source, at - 1);
      at += read.length - 1;
      return () => builder.char((other) => other === read.escaped);
    }
    // A `{` that opens no quantifier, and a `}`, are characters (picomatch leaves a glob's stray ones so: `}[1-3]`, `\]{1..3}`).
    if ('*+?'.includes(char) || (char === '{' && QUANTIFIER.test(source.slice(at)))) throw new Unsupported();
    at += 1;
    const folded = canonical(char);
    const test = fold ? (other: string) => other === char || canonical(other) === folded : (other: string) => other === char;
    return () => builder.char(test);
  };
  const quantified = (make: () => Fragment): Fragment => {
    let min = 1;
    let max = 1;
    const char = source[at];
    if (char === '*') (min = 0), (max = Infinity), (at += 1);
    else if (char === '+') (min = 1), (max = Infinity), (at += 1);
    else if (char === '?') (min = 0), (max = 1), (at += 1);
    else if (char === '{') {
      const bounds = QUANTIFIER.exec(source.slice(at));
      if (bounds === null) return make();
      min = Number(bounds[1]);
      max = bounds[2] === undefined ? min : bounds[3] === '' ? Infinity : Number(bounds[3]);
      if (min > 20 || (max !== Infinity && max > 20)) throw new Unsupported();
      at += bounds[0].length;
    }
    if (min === 1 && max === 1) return make();
    if (source[at] === '?') at += 1;
    if (source[at] !== undefined && '*+?{'.includes(source[at]!)) throw new Unsupported();
    return builder.repeat(make, min, max);
  };
  try {
    const whole = alternation();
    if (at !== source.length) return null;
    return builder.done(whole);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** The states reachable from `from` by epsilon moves (`^` ones at the start, `$` ones at the end). */
function closure(automaton: Automaton, from: Iterable<number>, start: boolean, end: boolean): number[] {
  const seen = new Set<number>();
  const stack = [...from];
  while (stack.length > 0) {
    const state = stack.pop()!;
    if (seen.has(state)) continue;
    seen.add(state);
    const node = automaton.states[state]!;
    stack.push(...node.eps);
    if (start) stack.push(...node.bol);
    if (end) stack.push(...node.eol);
  }
  return [...seen].sort((a, b) => a - b);
}

function step(automaton: Automaton, from: readonly number[], char: string): number[] {
  const next = new Set<number>();
  for (const state of from) for (const edge of automaton.states[state]!.edges) if (edge.test(char)) next.add(edge.to);
  return closure(automaton, next, false, false);
}

const accepts = (automaton: Automaton, states: readonly number[]): boolean => closure(automaton, states, false, true).includes(automaton.accept);

/** Whether an automaton takes a whole subject: how the tests check this reader against the expression itself. */
export function automatonMatches(automaton: Automaton, subject: string): boolean {
  let states = closure(automaton, [automaton.start], true, subject.length === 0);
  for (const char of subject) states = step(automaton, states, char);
  return accepts(automaton, states);
}

/** One reading of a glob a family's ids are tried on: its automaton, on the whole id or on the name after the `/`. */
export interface Track {
  automaton: Automaton;
  on: 'id' | 'name';
}

/** A glob of a list: its readings, whether some reading holds for every id of the family alike (`vendor`), and its negation. */
export interface JudgedGlob {
  tracks: readonly Track[];
  always: boolean;
  negated: boolean;
}

/** A family's ids: `prefix` (with the `/`), a version, `suffix`, then a tail (`Tail`). */
export interface FamilyShape {
  prefix: string;
  suffix: string;
}

/** Build words the family's ids may carry (model-family.ts BUILD): `-preview`, `-exp-03-25`, `-latest`, `-001`. */
const BUILD_SOURCE = '(?:-(?:preview|exp|experimental|latest)(?:-\\d\\d-\\d\\d|-\\d\\d-\\d\\d\\d\\d|-\\d\\d\\d\\d)?|-\\d\\d\\d)*';
const VERSION_SOURCE = '[1-9]\\d*(?:\\.\\d+)*';
/**
 * What may follow the family's name: nothing (`anthropic/claude-opus-20`), build words (`google/gemini-14-pro-preview`:
 * a deny of `*-preview` reaches a family whose versions carry them), or anything after a `-` (`-preview`, `-fast`, a dated
 * build: what an allow must pass, as it cannot know every word a vendor adds).
 */
export type Tail = 'none' | 'builds' | 'open';
const TAILS: Record<Tail, string> = { none: '', builds: BUILD_SOURCE, open: '(?:-[^/]*)?' };
const escape = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, (char) => `\\${char}`);

/** The automaton taking exactly `text`. */
export function literalAutomaton(text: string): Automaton {
  return regexAutomaton(escape(text), false)!;
}

/** The family's language after its prefix (version, suffix, builds), as an automaton: what the walk follows. */
function restAutomaton(shape: FamilyShape, tail: Tail): Automaton {
  return regexAutomaton(`${VERSION_SOURCE}${escape(shape.suffix)}${TAILS[tail]}`, false)!;
}

/** The family's rest as a deterministic automaton, built once per process for each suffix and tail (its moves are kept). */
const RESTS = new Map<string, Subsets>();
function restSubsets(shape: FamilyShape, tail: Tail): Subsets {
  const key = `${shape.suffix}\n${tail}`;
  let rest = RESTS.get(key);
  if (rest === undefined) RESTS.set(key, (rest = new Subsets(restAutomaton(shape, tail))));
  return rest;
}

/** Whether an id is one of the family's (the language the judgment decides over). */
export function inFamily(shape: FamilyShape, tail: Tail, id: string): boolean {
  return new RegExp(`^${escape(shape.prefix)}${VERSION_SOURCE}${escape(shape.suffix)}${TAILS[tail]}$`).test(id);
}

/** The characters a family's ids are made of past the prefix (the walk tries one of each kind). */
const ALPHABET = [...'0123456789.-abcdefghijklmnopqrstuvwxyz_:'];
/** Product states walked before giving up (the caller then judges by its probes): a list of many wide globs. */
const LIMIT = 2000;

/** An automaton read as a deterministic one on demand: sets of states interned as numbers, each move remembered. */
class Subsets {
  private readonly ids = new Map<string, number>();
  private readonly sets: number[][] = [];
  private readonly moves: Map<string, number>[] = [];
  private readonly accepting: boolean[] = [];
  constructor(readonly automaton: Automaton) {}
  intern(states: number[]): number {
    const key = states.join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.ids.set(key, id);
      this.sets.push(states);
      this.moves.push(new Map());
      this.accepting.push(accepts(this.automaton, states));
    }
    return id;
  }
  start(text: string): number {
    let states = closure(this.automaton, [this.automaton.start], true, false);
    for (const char of text) states = step(this.automaton, states, char);
    return this.intern(states);
  }
  move(id: number, char: string): number {
    const known = this.moves[id]!.get(char);
    if (known !== undefined) return known;
    const next = this.intern(step(this.automaton, this.sets[id]!, char));
    this.moves[id]!.set(char, next);
    return next;
  }
  accepts(id: number): boolean {
    return this.accepting[id]!;
  }
  empty(id: number): boolean {
    return this.sets[id]!.length === 0;
  }
}

/**
 * An id of the family for which `wanted` holds of the globs' outcomes (each glob: whether it matches the id, its
 * negation applied), or null when no id of the family has it; undefined when the walk grew past its limit. The
 * shortest such id (a breadth-first walk): `anthropic/claude-opus-20` for a deny of `-2[0-9]*`.
 */
export function familyWitness(shape: FamilyShape, tail: Tail, globs: readonly JudgedGlob[], wanted: (outcomes: readonly boolean[]) => boolean, work: { left: number } = { left: Infinity }): string | null | undefined {
  const slash = shape.prefix.indexOf('/');
  // The prefix is fixed: each reading is fed it first (a name reading from after the `/`); one that then takes no id
  // (`qwen/*` for `anthropic/claude-opus`) is left out of the walk.
  const tracks = globs
    .flatMap((glob, index) =>
      glob.tracks.map((track) => {
        const subsets = new Subsets(track.automaton);
        return { index, subsets, started: subsets.start(track.on === 'id' ? shape.prefix : shape.prefix.slice(slash + 1)) };
      }),
    )
    .filter((track) => !track.subsets.empty(track.started));
  // No reading left to walk: every id of the family has the same outcomes.
  if (tracks.length === 0) return wanted(globs.map((glob) => glob.always !== glob.negated)) ? `${shape.prefix}1${shape.suffix}` : null;
  const rest = restSubsets(shape, tail);
  // Characters no automaton tells apart are one: the walk tries one of each kind (`1`…`9` for `[1-9]`, one letter for `[^/]`).
  const edges = [rest.automaton, ...tracks.map((track) => track.subsets.automaton)].flatMap((automaton) => automaton.states.flatMap((state) => state.edges));
  if ((work.left -= ALPHABET.length * edges.length) < 0) return undefined;
  const kinds = new Map<string, string>();
  for (const char of ALPHABET) {
    let signature = '';
    for (const edge of edges) signature += edge.test(char) ? '1' : '0';
    if (!kinds.has(signature)) kinds.set(signature, char);
  }
  const alphabet = [...kinds.values()];
  const started = tracks.map((track) => track.started);
  const first = [rest.start(''), ...started];
  const queue: { node: number[]; text: string }[] = [{ node: first, text: '' }];
  const seen = new Set<string>([first.join(',')]);
  for (let head = 0; head < queue.length; head += 1) {
    const { node, text } = queue[head]!;
    if (rest.accepts(node[0]!)) {
      const outcomes = globs.map((glob) => glob.always);
      tracks.forEach((track, index) => {
        if (track.subsets.accepts(node[index + 1]!)) outcomes[track.index] = true;
      });
      if (wanted(outcomes.map((hit, index) => hit !== globs[index]!.negated))) return shape.prefix + text;
    }
    // Each move of every reading is work (row 887): a list of many globs stops at the caller's budget, not at 2,000 nodes each.
    if ((work.left -= alphabet.length * (tracks.length + 1)) < 0) return undefined;
    for (const char of alphabet) {
      const restNext = rest.move(node[0]!, char);
      if (rest.empty(restNext)) continue;
      const next = [restNext, ...tracks.map((track, index) => track.subsets.move(node[index + 1]!, char))];
      const key = next.join(',');
      if (seen.has(key)) continue;
      if (seen.size >= LIMIT) return undefined;
      seen.add(key);
      queue.push({ node: next, text: text + char });
    }
  }
  return null;
}
