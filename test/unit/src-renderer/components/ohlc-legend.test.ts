// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { bar } from '../../../../shared/domain/bar';
import { createChartStore } from '../../../../src-renderer/chart/chart-store';
import { IDLE_SUMMARY } from '../../../../src-renderer/chart/chart-summary';
import { OhlcLegend } from '../../../../src-renderer/chart/ohlc-legend';
import { appClient, render, type Rendered } from './render';

const utc = Date.UTC;
const labels = { zone: 'America/New_York', market: 'us-equity', interval: '5m' } as const;

describe('<OhlcLegend>', () => {
  let view: Rendered | null = null;
  afterEach(async () => {
    await view?.unmount();
    view = null;
  });

  it('shows the last bar with its date and time in New York and its change from the previous close, then the hovered bar', async () => {
    const summary = createChartStore();
    const last = bar(utc(2024, 2, 11, 19, 55), 511, 512, 510, 511.5, 2_500, 10, false);
    const hovered = bar(utc(2024, 2, 11, 13, 30), 500, 503, 499, 498.75, 10_000, 10, true);
    summary.getState().publish({ ...IDLE_SUMMARY, status: 'ready', barCount: 2, lastBar: last, lastPrevClose: 510 });
    view = await render(createElement(OhlcLegend, { summary, precision: 2, labels }), appClient());
    const legend = (): HTMLElement | null => view?.container.querySelector('[data-testid="chart-legend"]') ?? null;
    expect(legend()?.querySelector('[data-testid="chart-legend-time"]')?.textContent).toBe('Mon 2024-03-11 15:55 EDT');
    expect(legend()?.textContent).toContain('O 511.00');
    expect(legend()?.textContent).toContain('V 2500');
    expect(legend()?.querySelector('[data-testid="chart-legend-change"]')?.textContent).toBe('+1.50 (+0.29%)');
    expect(legend()?.textContent).toContain('forming');
    expect(legend()?.className).toBe('chart-ohlc num');

    await act(async () => {
      summary.getState().publish({ ...summary.getState(), hoverBar: hovered, hoverPrevClose: 500 });
      await Promise.resolve();
    });
    expect(legend()?.className).toBe('chart-ohlc num is-hovered');
    expect(legend()?.dataset['time']).toBe(String(hovered.time));
    expect(legend()?.querySelector('[data-testid="chart-legend-time"]')?.textContent).toBe('Mon 2024-03-11 09:30 EDT');
    const change = legend()?.querySelector('[data-testid="chart-legend-change"]');
    expect(change?.textContent).toBe('\u22121.25 (\u22120.25%)');
    expect(change?.className).toBe('ohlc-change tone-bad');
    expect(legend()?.textContent).not.toContain('forming');
  });

  it('draws nothing without a bar or before the market is known', async () => {
    const summary = createChartStore();
    view = await render(createElement(OhlcLegend, { summary, precision: 2, labels }), appClient());
    expect(view.container.innerHTML).toBe('');
    summary.getState().publish({ ...IDLE_SUMMARY, lastBar: bar(0, 1, 1, 1, 1, 1, 1, true) });
    await view.rerender(createElement(OhlcLegend, { summary, precision: 2, labels: null }));
    expect(view.container.innerHTML).toBe('');
  });
});
