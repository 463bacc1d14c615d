import type { Attribution } from '../types.js';

const MAX_EVIDENCE = 240;

/** Shorten and quote a signal's text for evidence (rendering sanitises it further). */
export function quote(text: string): string {
  const flat = text.length > MAX_EVIDENCE ? `${text.slice(0, MAX_EVIDENCE)}…` : text;
  return JSON.stringify(flat);
}

export function found(agent: string, model: string, evidence: string, declared = false): Attribution {
  return { agent, model, evidence: [evidence], declared };
}
