import type { Tone } from '../app/status-tone';

/** A change in percent with its sign and two decimals: "+1.50%", "−0.25%", "0.00%". */
export function formatChangePct(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return '—';
  const rounded = pct.toFixed(2);
  if (Number(rounded) === 0) return '0.00%';
  return pct > 0 ? `+${rounded}%` : `\u2212${rounded.slice(1)}%`;
}

/** Green up, red down, muted flat or unknown. */
export function changeTone(pct: number | null): Tone {
  if (pct === null || !Number.isFinite(pct) || Number(pct.toFixed(2)) === 0) return 'muted';
  return pct > 0 ? 'good' : 'bad';
}
