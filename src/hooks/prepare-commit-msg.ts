// STUB — being implemented.
import type { HookHandler } from './dispatch.js';

export const handler: HookHandler = async () => 0;
