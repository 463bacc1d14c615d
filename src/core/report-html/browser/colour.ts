// Share of AI lines → colour: a cool grey for human code, through amber, to a deep orange for
// all-AI code (distinct for the common colour-vision deficiencies, readable in print).
const STOPS: [number, number, number][] = [
  [203, 213, 225],
  [253, 224, 138],
  [251, 146, 60],
  [194, 65, 12],
];

export function shareColour(share: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
  const at = clamped * (STOPS.length - 1);
  const low = Math.min(STOPS.length - 2, Math.floor(at));
  const mix = at - low;
  const a = STOPS[low]!;
  const b = STOPS[low + 1]!;
  const channel = (index: 0 | 1 | 2) => Math.round(a[index] + (b[index] - a[index]) * mix);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/** The gradient's stops, for the legend. */
export const SHARE_STOPS = STOPS.map(([r, g, b], index) => ({ offset: index / (STOPS.length - 1), colour: `rgb(${r}, ${g}, ${b})` }));

// One colour per model/agent (by rank), then grey for the rest.
const SERIES = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#65a30d', '#9a3412', '#4338ca'];

export function seriesColour(rank: number): string {
  return SERIES[rank] ?? '#6b7280';
}
