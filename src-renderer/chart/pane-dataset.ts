import type { ChartSummary } from './chart-summary';
import type { ChartTarget } from './chart-target';

/**
 * The pane's data attributes for tests and tools, written with each summary
 * the stream publishes, so the series named and the bars counted always
 * belong together (never the new symbol with the old bars).
 */
export function writePaneDataset(el: HTMLElement, target: ChartTarget | null, s: ChartSummary): void {
  const d = el.dataset;
  d['source'] = target?.source ?? '';
  d['symbol'] = target?.symbol ?? '';
  d['interval'] = target?.interval ?? '';
  d['status'] = s.status;
  d['bars'] = String(s.barCount);
  d['first'] = s.firstTime === null ? '' : String(s.firstTime);
  d['last'] = s.lastBar === null ? '' : String(s.lastBar.time);
  d['older'] = s.loadingOlder ? 'loading' : s.hasOlder ? 'more' : 'none';
}
