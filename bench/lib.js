// Shared helpers of the benchmarks (bench/*.bench.js).

/** process.env without agent markers, aitrail and git variables, with no user/system git config. */
export function cleanEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(CLAUDECODE|CLAUDE_CODE_.*|CURSOR_.*|CODEX_.*|GEMINI_CLI|QWEN_CODE|AI_AGENT|AGENT|OPENCODE|GOOSE_.*|CLINE_.*|AITRAIL.*|GIT_.*)$/.test(key)) env[key] = value;
  }
  return Object.assign(env, { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' });
}

export const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Milliseconds taken by `fn` (awaited). */
export const time = async (fn) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** mulberry32: deterministic pseudo-random numbers in [0, 1). */
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
