import type { ReactElement } from 'react';
import { useNow } from '../app/use-now';
import { zoneTime } from '../format/zone-clock';

const ZONES = [
  { timeZone: 'UTC', label: 'UTC' },
  { timeZone: 'America/New_York', label: 'NY' },
] as const;

/** UTC and New York wall clocks, the two times every session rule is written in. */
export function MarketClock(): ReactElement {
  const now = useNow(500);
  return (
    <div className="market-clock" data-testid="market-clock">
      {ZONES.map(({ timeZone, label }) => {
        const t = zoneTime(now, timeZone);
        return (
          <span key={timeZone} className="clock" title={`${timeZone} ${t.date} ${t.time} ${t.zoneName}`} data-zone={timeZone}>
            <span className="clock-label">{label}</span>
            <span className="clock-time num">{t.time}</span>
            {t.zoneName !== label && <span className="clock-zone">{t.zoneName}</span>}
          </span>
        );
      })}
    </div>
  );
}
