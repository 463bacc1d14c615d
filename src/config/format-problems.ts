import type { ConfigProblem } from './config-error.js';
import { quote } from './config-error.js';
import { describeValue } from './describe-value.js';

/** The subset of an ajv error object that the standalone validator produces. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  propertyName?: string;
}

type SchemaNode = Record<string, unknown>;

/** Turn the schema validator's errors into plain-words problems (deduplicated, in order). */
export function formatProblems(errors: readonly SchemaError[], data: unknown, schema: SchemaNode, file: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const problem = toProblem(error, data, schema, file);
    if (!problem) continue;
    const id = `${problem.path}\u0000${problem.found}\u0000${problem.expected}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}

function toProblem(error: SchemaError, data: unknown, schema: SchemaNode, file: string): ConfigProblem | null {
  const isName = error.propertyName !== undefined;
  const holder = schemaForInstance(schema, error.instancePath);
  const node = isName ? resolve(schema, holder?.propertyNames) : holder;
  const described = typeof node?.description === 'string' ? node.description : undefined;
  const value = valueAt(data, error.instancePath);
  const at = (path: string, found: string, expected: string): ConfigProblem => ({ file, path, found, expected });
  const params = error.params;
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return null; // the errors of the branch / of each name say it better
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((holder?.properties as SchemaNode | undefined) ?? {});
      const guess = closest(key, known);
      const hint = guess ? ` (did you mean ${quote(guess)}?)` : '';
      return at(`${error.instancePath}/${pointerEscape(key)}`, `unknown key ${quote(key, 40)}`, `one of the keys ${known.join(', ')}${hint}`);
    }
    case 'required': {
      const key = String(params.missingProperty);
      const path = `${error.instancePath}/${pointerEscape(key)}`;
      const property = schemaForInstance(schema, path);
      const what = typeof property?.description === 'string' ? property.description : `a value for ${key}`;
      const when = error.schemaPath.includes('/then/') ? ' (required with field: trailer)' : ' (required)';
      return at(path, 'nothing', `${what}${when}`);
    }
    case 'false schema':
      return at(error.instancePath, describeValue(value), 'no key here: key is only used with field: trailer');
    case 'enum':
      return at(error.instancePath, describeValue(value), described ?? `one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`);
    case 'maxLength':
      return at(pathOf(error), foundOf(error, value), `at most ${String(params.limit)} characters: ${described ?? 'a shorter string'}`);
    case 'maxItems':
      return at(error.instancePath, describeValue(value), `at most ${String(params.limit)} items`);
    case 'maxProperties':
      return at(error.instancePath, `an object with ${Object.keys(value as object).length} keys`, `at most ${String(params.limit)} keys`);
    default:
      return at(pathOf(error), foundOf(error, value), described ?? `a value that passes ${error.keyword}`);
  }
}

/** Errors about a property *name* (propertyNames) point at the key itself. */
function pathOf(error: SchemaError): string {
  return error.propertyName === undefined ? error.instancePath : `${error.instancePath}/${pointerEscape(error.propertyName)}`;
}

function foundOf(error: SchemaError, value: unknown): string {
  return error.propertyName === undefined ? describeValue(value) : `key ${describeValue(error.propertyName)}`;
}

/** The schema node that describes the value at a JSON pointer (follows properties, items, $ref). */
function schemaForInstance(schema: SchemaNode, pointer: string): SchemaNode | undefined {
  let node = resolve(schema, schema);
  if (pointer === '') return node;
  for (const raw of pointer.slice(1).split('/')) {
    if (!node) return undefined;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const properties = node.properties as Record<string, SchemaNode> | undefined;
    if (properties && Object.prototype.hasOwnProperty.call(properties, key)) node = resolve(schema, properties[key]);
    else if (node.items && typeof node.items === 'object') node = resolve(schema, node.items);
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = resolve(schema, node.additionalProperties);
    else return undefined;
  }
  return node;
}

/** Follow a local `$ref` (`#/definitions/x`). */
function resolve(schema: SchemaNode, node: unknown): SchemaNode | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const ref = (node as SchemaNode).$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node as SchemaNode;
  let target: unknown = schema;
  for (const part of ref.slice(2).split('/')) target = target && typeof target === 'object' ? (target as SchemaNode)[part] : undefined;
  return target && typeof target === 'object' ? (target as SchemaNode) : undefined;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  if (pointer === '') return node;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function pointerEscape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The known key nearest to a typo (edit distance <= 2, case-insensitive), if any. */
function closest(key: string, known: readonly string[]): string | undefined {
  if (key.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
