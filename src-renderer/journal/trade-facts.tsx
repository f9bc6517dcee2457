import type { ReactElement } from 'react';
import type { TradeDetail } from '../../shared/contract';
import { formatDuration } from '../format/format-duration';
import { formatInZone, formatPnl, formatPrice, formatR, formatSize, zoneLabel } from './journal-format';

/** The trade's numbers: side and size, entry and exit, P&L, R, fees, duration, MFE/MAE. */
export function TradeFacts({ detail, account }: { readonly detail: TradeDetail; readonly account: string }): ReactElement {
  const t = detail.trade;
  const x = detail.excursions;
  const zone = zoneLabel(detail.zone);
  const facts: [string, string, string?][] = [
    ['Account', account],
    ['Opened', `${formatInZone(t.openedAt, detail.zone)} ${zone}`],
    ['Closed', t.closedAt === null ? 'open' : `${formatInZone(t.closedAt, detail.zone)} ${zone}`],
    ['Held', t.durationMs === null ? '—' : formatDuration(t.durationMs)],
    ['Entry', `${formatPrice(t.avgEntry)} × ${formatSize(t.entryQty)}`],
    ['Exit', t.avgExit === null ? '—' : `${formatPrice(t.avgExit)} × ${formatSize(t.exitQty)}`],
    ['Net', formatPnl(t.netPnl, t.currency), t.netPnl > 0 ? 'tone-good' : t.netPnl < 0 ? 'tone-bad' : ''],
    ['Gross / fees', `${formatPnl(t.grossPnl, t.currency)} / ${formatPrice(t.fees)}`],
    ['R', t.risk === null ? '— (set a stop or risk)' : `${formatR(t.r)} on ${formatPrice(t.risk)} risk`],
    ['MFE / MAE', x === null ? (detail.excursionNote ?? '—') : `${formatPnl(x.mfe, t.currency)} / ${formatPnl(-x.mae, t.currency)}${x.mfeR === null || x.maeR === null ? '' : ` (${formatR(x.mfeR)} / ${formatR(-x.maeR)})`}`],
    ['Strategy', t.strategy ?? '—'],
    ['Origin', t.origin],
  ];
  return (
    <dl className="journal-facts" data-testid="journal-facts">
      {facts.map(([k, v, tone]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd className={`num ${tone ?? ''}`.trim()} data-testid={`journal-fact-${k.split(' ')[0]?.toLowerCase() ?? ''}`}>
            {v}
          </dd>
        </div>
      ))}
      {x !== null && detail.excursionNote !== null && <p className="muted">{detail.excursionNote}</p>}
    </dl>
  );
}
