import type { JournalShot, JournalTrade, TradeStatsWire } from '../../shared/contract';
import { escapeHtml, markdownToHtml } from '../../shared/journal/markdown-html';
import type { TripNotes } from '../../shared/journal/trip-notes';
import type { Execution } from '../../shared/trading/execution';

/** One trip in the report, with its pictures' bytes (null: missing or changed on disk). */
export interface ReportTrip {
  readonly trade: JournalTrade;
  readonly notes: TripNotes | undefined;
  readonly executions: readonly Execution[];
  readonly shots: readonly (JournalShot & { readonly png: Buffer | null })[];
}

export interface ReportInput {
  readonly title: string;
  readonly generatedAt: number;
  readonly overall: TradeStatsWire;
  readonly trips: readonly ReportTrip[];
  /** Pictures left out past the size budget. */
  readonly omittedShots: number;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1b1f24;background:#fff}
h1{font-size:22px}h2{font-size:17px;margin:28px 0 6px;border-top:1px solid #ccd;padding-top:14px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #d5d8de;padding:3px 8px;text-align:right}th{background:#f3f4f6}
td.l,th.l{text-align:left}.win{color:#117a3d}.loss{color:#b42318}.tags span{display:inline-block;background:#eef;border-radius:3px;padding:0 6px;margin:0 4px 4px 0}
.notes{max-width:900px}.shots img{max-width:100%;border:1px solid #ccd;margin:6px 0}.flag{color:#b42318;font-weight:600}
@media print{h2{break-before:page}.shots img{max-height:45vh}}`;

const iso = (t: number | null): string => (t === null ? '' : new Date(t).toISOString().replace('.000Z', 'Z'));
const money = (x: number | null, currency: string): string => (x === null ? '—' : `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(currency === 'USD' ? 2 : 8)} ${currency}`);
const fixed = (x: number | null, places: number): string => (x === null ? '—' : x.toFixed(places));

function statsTable(s: TradeStatsWire): string {
  const pf = s.profitFactor === 'Infinity' ? '∞' : fixed(s.profitFactor, 2);
  const rows: [string, string][] = [
    ['Trades', String(s.trades)],
    ['Win rate', s.winRatePct === null ? '—' : `${s.winRatePct.toFixed(1)}%`],
    ['Average win', fixed(s.avgWin, 2)],
    ['Average loss', fixed(s.avgLoss, 2)],
    ['Expectancy', fixed(s.expectancy, 2)],
    ['Profit factor', pf],
    ['Average R', fixed(s.avgR, 2)],
    ['Net P&L', fixed(s.totalNet, 2)],
    ['Longest winning / losing streak', `${String(s.maxConsecutiveWins)} / ${String(s.maxConsecutiveLosses)}`],
  ];
  return `<table>${rows.map(([k, v]) => `<tr><th class="l">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

function tripSection(r: ReportTrip): string {
  const t = r.trade;
  const tone = t.netPnl > 0 ? 'win' : t.netPnl < 0 ? 'loss' : '';
  const head = `${t.symbol} ${t.side} ${String(t.maxQty)} — ${iso(t.openedAt)} → ${t.closedAt === null ? 'open' : iso(t.closedAt)}`;
  const facts = `<table><tr><th>Entry</th><th>Exit</th><th>Net P&amp;L</th><th>R</th><th>Fees</th><th class="l">Setup</th><th class="l">Account</th><th>Rating</th></tr>
<tr><td>${String(t.avgEntry)}</td><td>${t.avgExit === null ? '—' : String(t.avgExit)}</td><td class="${tone}">${escapeHtml(money(t.netPnl, t.currency))}</td><td>${fixed(t.r, 2)}</td><td>${escapeHtml(money(t.fees, t.currency))}</td><td class="l">${escapeHtml(t.setup ?? '')}</td><td class="l">${escapeHtml(t.accountId)}</td><td>${t.rating === null ? '—' : '★'.repeat(t.rating)}</td></tr></table>`;
  const tags = t.tags.length === 0 ? '' : `<p class="tags">${t.tags.map((g) => `<span>${escapeHtml(`${g.kind}: ${g.tag}`)}</span>`).join('')}</p>`;
  const fills = `<table><tr><th class="l">Time (UTC)</th><th class="l">Side</th><th>Qty</th><th>Price</th><th>Fee</th><th class="l">Origin</th></tr>${r.executions
    .map((e) => `<tr><td class="l">${iso(e.time)}</td><td class="l">${e.side}</td><td>${String(e.qty)}</td><td>${String(e.price)}</td><td>${String(e.fee)}</td><td class="l">${e.origin}</td></tr>`)
    .join('')}</table>`;
  const n = r.notes;
  const writing = [
    n !== undefined && n.plan.trim() !== '' ? `<h3>Plan</h3><div class="notes">${markdownToHtml(n.plan)}</div>` : '',
    n !== undefined && n.review.trim() !== '' ? `<h3>What happened</h3><div class="notes">${markdownToHtml(n.review)}</div>` : '',
    n !== undefined && n.notes.trim() !== '' ? `<h3>Notes</h3><div class="notes">${markdownToHtml(n.notes)}</div>` : '',
  ].join('');
  const shots = r.shots
    .map((s) => {
      const caption = escapeHtml(`${s.role} · ${s.symbol}${s.interval === null ? '' : ` ${s.interval}`} · ${iso(s.time)}`);
      if (s.png === null) return `<p class="flag">Screenshot ${escapeHtml(s.sha256.slice(0, 12))} (${caption}) is ${s.status === 'ok' ? 'left out (size budget)' : s.status}.</p>`;
      return `<figure><img alt="${caption}" src="data:image/png;base64,${s.png.toString('base64')}"><figcaption>${caption}</figcaption></figure>`;
    })
    .join('');
  return `<section><h2>${escapeHtml(head)}</h2>${facts}${tags}${fills}${writing}<div class="shots">${shots}</div></section>`;
}

/**
 * The journal as one self-contained HTML file: no scripts (a CSP forbids
 * them), styles inline, screenshots inlined as data: URLs, notes rendered
 * from Markdown with every text escaped. Print it to PDF from a browser (or
 * the desktop app).
 */
export function htmlReport(input: ReportInput): string {
  const omitted = input.omittedShots > 0 ? `<p class="flag">${String(input.omittedShots)} screenshots were left out to keep the file small.</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(input.title)}</h1><p>Generated ${escapeHtml(iso(input.generatedAt))} · ${String(input.trips.length)} trades</p>
${statsTable(input.overall)}${omitted}
${input.trips.map(tripSection).join('\n')}
</body></html>
`;
}
