import type { CaptureRequest } from '../../../shared/contract';
import { parseOccSymbol } from '../../../shared/options/occ-symbol';
import type { TapedeckClient } from '../../api/tapedeck-client';
import type { AppStores } from '../../app/app-stores';
import { panesShowing } from '../panes-showing';
import { panePng } from './pane-png';

/** The symbol a request is about: an option's underlying (its OCC root), else the symbol itself. */
export function captureSymbol(symbol: string): string {
  const occ = parseOccSymbol(symbol);
  return occ.ok ? occ.value.root : symbol;
}

/**
 * Answers the core's capture requests (chart.captureRequests) for this
 * window: each pane showing the requested symbol (an option's underlying)
 * is rendered to a PNG with everything drawn on its chart and sent with
 * chart.paneImage (its bytes as they are: a binary frame over the socket), `last` on the final one. No pane shows it: no answer
 * (another window may have one; the core's wait says so). Returns the stop function.
 */
export function startCaptureResponder(client: Pick<TapedeckClient, 'subscribe' | 'call'>, stores: Pick<AppStores, 'panes' | 'chartLayout'>): () => void {
  const answer = async (request: CaptureRequest): Promise<void> => {
    const panes = panesShowing(stores, request.symbol === null ? null : captureSymbol(request.symbol));
    for (const [k, pane] of panes.entries()) {
      const target = pane.view().target;
      if (target === null) continue;
      const caption = `${target.source.toUpperCase()} ${target.symbol} ${target.interval} · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      // The ticks still waiting for the pane's turn are drawn first: the picture shows the fill's bar.
      pane.flushLive();
      const bytes = await panePng(pane.chart.takeScreenshot(true), caption);
      await client.call('chart.paneImage', { requestId: request.requestId, pane: pane.index, symbol: target.symbol, interval: target.interval, bytes, last: k === panes.length - 1 });
    }
  };
  return client.subscribe('chart.captureRequests', {}, (request) => {
    answer(request).catch((reason: unknown) => {
      console.warn('chart.screenshot: a pane image was not taken', reason);
    });
  });
}
