import { quote } from './config-error.js';

/** A short, safe description of any value found in a config, for a problem's `found`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const length = Array.from(value).length;
    return length > 60 ? `${quote(value)} (${length} characters)` : quote(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    return value.length === 1 ? 'a list of 1 item' : `a list of ${value.length} items`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 5).map((key) => quote(key, 30)).join(', ');
    return `an object with the keys ${shown}${keys.length > 5 ? ', …' : ''}`;
  }
  return typeof value;
}
