import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { DEFAULT_CHART_LEVELS } from '../../shared/chart/chart-levels-settings';
import { useAppStores } from '../app/app-context';
import { useLayoutActions } from '../layout/use-layout-actions';
import { IndicatorMenu } from './indicators/indicator-menu';
import { LevelsMenu } from './levels/levels-menu';
import { paneTools, type DrawingTool } from './pane-tools-store';

const TOOLS: readonly { readonly tool: DrawingTool; readonly icon: string; readonly title: string }[] = [
  { tool: 'hline', icon: '─', title: 'Horizontal line: click to place, drag to move, Delete to remove' },
  { tool: 'vline', icon: '│', title: 'Vertical line: click a bar' },
  { tool: 'rect', icon: '▭', title: 'Rectangle / time range: drag over the bars' },
];

/**
 * A pane's tools, down its left edge: indicators, levels, the drawing tools
 * and bar replay; the indicator and level menus open beside it.
 */
export function PaneToolbar({ index }: { readonly index: number }): ReactElement {
  const stores = useAppStores();
  const actions = useLayoutActions();
  const tool = useStore(paneTools, (s) => s.tools[index] ?? null);
  const menu = useStore(paneTools, (s) => s.menus[index] ?? null);
  const levels = useStore(stores.chartLayout, (s) => s.value?.panes[index]?.levels ?? DEFAULT_CHART_LEVELS);
  const count = useStore(stores.chartLayout, (s) => s.value?.panes[index]?.indicators.length ?? 0);
  const replaying = useStore(stores.chartReplay, (s) => s.picking === index || s.session?.pane === index);
  const tools = paneTools.getState();
  const closeMenu = (): void => {
    tools.toggleMenu(index, null);
  };

  return (
    <>
      <div className="pane-toolbar" role="toolbar" aria-label="Chart tools" aria-orientation="vertical">
        <button
          type="button"
          className="pane-tool"
          aria-pressed={menu === 'indicators'}
          title="Indicators"
          data-testid="pane-tool-indicators"
          onClick={() => {
            tools.toggleMenu(index, 'indicators');
          }}
        >
          ƒ{count > 0 && <span className="pane-tool-count">{count}</span>}
        </button>
        <button
          type="button"
          className="pane-tool"
          aria-pressed={levels.show}
          title="Levels: opening range, time-window markers (right-click for which)"
          data-testid="pane-tool-levels"
          onClick={() => {
            actions.setLevels(index, { ...levels, show: !levels.show });
          }}
          onContextMenu={(e) => {
            e.preventDefault();
            tools.toggleMenu(index, 'levels');
          }}
        >
          L
        </button>
        <button type="button" className="pane-tool pane-tool-more" aria-pressed={menu === 'levels'} title="Which levels" data-testid="pane-tool-levels-menu" onClick={() => { tools.toggleMenu(index, 'levels'); }}>
          ▾
        </button>
        {TOOLS.map((t) => (
          <button
            key={t.tool}
            type="button"
            className="pane-tool"
            aria-pressed={tool === t.tool}
            title={t.title}
            data-testid={`pane-tool-${t.tool}`}
            onClick={() => {
              tools.arm(index, t.tool);
            }}
          >
            {t.icon}
          </button>
        ))}
        <button
          type="button"
          className="pane-tool"
          aria-pressed={replaying}
          title="Bar replay from a bar of this chart (Alt+R)"
          data-testid="pane-tool-replay"
          onClick={() => {
            stores.chartReplay.getState().pick(index);
          }}
        >
          {/* Drawn, not U+23EE: fonts without it drew an empty box. */}
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <path d="M2 2h1.5v8H2zM11 2v8L6.5 6zM7 2v8L2.5 6z" fill="currentColor" />
          </svg>
        </button>
      </div>
      {menu === 'indicators' && <IndicatorMenu index={index} onClose={closeMenu} />}
      {menu === 'levels' && <LevelsMenu index={index} onClose={closeMenu} />}
    </>
  );
}
