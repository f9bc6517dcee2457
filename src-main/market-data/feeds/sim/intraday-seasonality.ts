import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../../shared/domain/interval';
import type { MarketKind } from '../../../../shared/market/market-kind';
import type { Session } from '../../../../shared/market/sessions';

/** Crypto: a mild 24 h cycle peaking mid-afternoon UTC, when Europe and the US overlap. */
function cryptoWeight(t: number): number {
  const hour = (((t % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  return 1 + 0.3 * Math.cos((2 * Math.PI * (hour - 15)) / 24);
}

/** Smooth 0-to-1 step centred on `at` (hours), about half an hour wide. */
function step(hour: number, at: number): number {
  return 1 / (1 + Math.exp(-(hour - at) * 6));
}

/** FX: quiet Asian hours, heavier London (07-16 UTC) and New York (12-21 UTC), heaviest where they overlap. */
function fxWeight(t: number): number {
  const hour = (((t % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  const london = step(hour, 7) - step(hour, 16);
  const newYork = step(hour, 12) - step(hour, 21);
  return 0.35 + 0.8 * london + 0.7 * newYork;
}

/** US equities: the U shape, with a burst in the first quarter hour and a ramp into the close. */
function equityWeight(i: number, n: number): number {
  const x = (i + 0.5) / n;
  return 0.55 + 2.4 * (x - 0.5) * (x - 0.5) + 1.6 * Math.exp(-i / 12) + 0.9 * Math.exp(-(n - 1 - i) / 8);
}

/**
 * Relative activity of each minute of a session (mean 1 over the session):
 * it scales both the expected prints (volume) and the variance of the minute's return.
 */
export function intradayActivity(market: MarketKind, session: Session): Float64Array {
  const n = Math.round((session.close - session.open) / MINUTE_MS);
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = session.open + i * MINUTE_MS;
    let v: number;
    switch (market) {
      case 'crypto':
        v = cryptoWeight(t);
        break;
      case 'fx':
        v = fxWeight(t);
        break;
      case 'us-equity':
        v = equityWeight(i, n);
        break;
    }
    w[i] = v;
    sum += v;
  }
  const scale = n / sum;
  for (let i = 0; i < n; i++) w[i] = (w[i] ?? 0) * scale;
  return w;
}
