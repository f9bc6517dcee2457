import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactElement, type RefObject } from 'react';
import { visibleRows } from '../trading/virtual-rows';
import type { ChainRow } from '../../shared/options/wire/chain-row';
import type { Side } from '../../shared/trading/order';
import { sideColumns, type ChainColumn } from './chain-columns';
import { isWide, passesFilters, spreadPct, type ChainView } from './chain-view';
import { strikeText } from './option-format';
import { atmIndex, strikeLadder, type StrikeLine } from './strike-ladder';

/** Every strike line is this tall (options.css), so only the lines in view are drawn. */
export const CHAIN_ROW_PX = 20;

export interface ChainTableProps {
  readonly rows: readonly ChainRow[];
  readonly underlyingPrice: number;
  readonly view: ChainView;
  /** No update for a while: every quote is flagged stale. */
  readonly stale: boolean;
  /** The OCC symbol picked for the ticket (highlighted). */
  readonly selected: string | null;
  /** Re-centres on the money when this changes (a new underlying or expiration). */
  readonly centreKey: string;
  /** A click on a bid (sell), an ask or a mid (buy): the ticket opens with the limit at the mid. */
  readonly onPick: (row: ChainRow, side: Side) => void;
}

interface SideCellsProps {
  readonly row: ChainRow | null;
  readonly columns: readonly ChainColumn[];
  readonly selected: string | null;
  readonly onPick: ChainTableProps['onPick'];
}

/** One side of a strike: the shown columns, bid / ask / mid as buttons; a contract the filters hide leaves its cells empty. */
function SideCells({ row, columns, selected, onPick }: SideCellsProps): ReactElement[] {
  const itm = row?.inTheMoney === true ? ' is-itm' : '';
  const wide = row !== null && isWide(row);
  const pct = row === null ? null : spreadPct(row);
  const flag = wide ? ` is-wide` : '';
  return columns.map((c) => {
    if (row === null) return <td key={c.id} className="num chain-empty" />;
    const book = c.id === 'bid' || c.id === 'ask' || c.id === 'mid';
    if (!book) {
      return (
        <td key={c.id} className={`num${itm}`}>
          {c.text(row)}
        </td>
      );
    }
    const side: Side = c.id === 'bid' ? 'sell' : 'buy';
    const usable = row.ask > 0 && (c.id !== 'bid' || row.bid > 0);
    const why = wide ? ` — wide: ${pct === null ? 'no bid' : `spread ${pct.toFixed(0)}% of the mid`}` : '';
    return (
      <td key={c.id} className={`num chain-price${itm}${flag}${row.symbol === selected ? ' is-picked' : ''}`}>
        <button
          type="button"
          className={`chain-${c.id}`}
          disabled={!usable}
          title={usable ? `${side === 'buy' ? 'Buy' : 'Sell'} ${row.symbol}, limit at the mid${why}` : 'no bid'}
          data-testid={`chain-${row.symbol}-${c.id}`}
          onClick={() => {
            if (usable) onPick(row, side);
          }}
        >
          {c.text(row)}
        </button>
      </td>
    );
  });
}

interface LineProps {
  readonly line: StrikeLine;
  readonly calls: readonly ChainColumn[];
  readonly puts: readonly ChainColumn[];
  readonly selected: string | null;
  readonly onPick: ChainTableProps['onPick'];
}

/** Whether two chain rows say the same (a new snapshot brings new objects, mostly with the same numbers far from the money). */
function sameRow(a: ChainRow | null, b: ChainRow | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  for (const k of Object.keys(a) as (keyof ChainRow)[]) if (a[k] !== b[k]) return false;
  return true;
}

function sameLine(a: LineProps, b: LineProps): boolean {
  return a.calls === b.calls && a.puts === b.puts && a.selected === b.selected && a.onPick === b.onPick && a.line.strike === b.line.strike && a.line.atm === b.line.atm && sameRow(a.line.call, b.line.call) && sameRow(a.line.put, b.line.put);
}

/** One strike: its call, the strike, its put (redrawn only when one of them changed). */
const ChainLine = memo(function ChainLine({ line, calls, puts, selected, onPick }: LineProps): ReactElement {
  const picked = selected !== null && (line.call?.symbol === selected || line.put?.symbol === selected) ? selected : null;
  return (
    <tr className={line.atm ? 'is-atm' : undefined} data-testid={`chain-strike-${strikeText(line.strike)}`}>
      {SideCells({ row: line.call, columns: calls, selected: picked, onPick })}
      <th scope="row" className="num chain-strike">
        {strikeText(line.strike)}
      </th>
      {SideCells({ row: line.put, columns: puts, selected: picked, onPick })}
    </tr>
  );
}, sameLine);

/** The scroll box around the table: its scroll position and height, followed. */
function useScrollBox(table: RefObject<HTMLTableElement | null>): { top: number; height: number; box: HTMLElement | null } {
  const [view, setView] = useState({ top: 0, height: 600 });
  const [box, setBox] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const el = table.current?.parentElement ?? null;
    setBox(el);
    if (el === null) return undefined;
    const measure = (): void => {
      setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [table]);
  return { ...view, box };
}

/**
 * The chain of one expiration: calls | strike | puts, centred on the money,
 * in-the-money cells shaded, the columns the trader chose, contracts outside
 * the filters left blank (a strike with neither is dropped), wide quotes
 * flagged and the whole chain when it is stale; a click on an ask or a mid
 * buys, on a bid sells (the ticket is prefilled at the mid, never sent).
 * Only the lines in view (and 10 either side) are drawn: a chain of
 * hundreds of strikes updates 4 times a second without long tasks.
 */
export function ChainTable({ rows, underlyingPrice, view, stale, selected, centreKey, onPick }: ChainTableProps): ReactElement {
  const shown = rows.filter((r) => passesFilters(r, view));
  const lines: StrikeLine[] = strikeLadder(shown, underlyingPrice);
  const calls = useMemo(() => sideColumns(view.columns, 'call'), [view.columns]);
  const puts = useMemo(() => sideColumns(view.columns, 'put'), [view.columns]);
  // One pick handler for the table's life, so unchanged lines are not redrawn.
  const latestPick = useRef(onPick);
  latestPick.current = onPick;
  const pick = useCallback<ChainTableProps['onPick']>((row, side) => latestPick.current(row, side), []);
  const tableRef = useRef<HTMLTableElement | null>(null);
  const scroll = useScrollBox(tableRef);
  const centred = useRef<string | null>(null);
  const atm = atmIndex(lines);
  useEffect(() => {
    const box = scroll.box;
    if (centred.current === centreKey || box === null || atm < 0) return;
    centred.current = centreKey;
    const head = tableRef.current?.tHead?.offsetHeight ?? 0;
    box.scrollTop = Math.max(0, head + atm * CHAIN_ROW_PX - (box.clientHeight - CHAIN_ROW_PX) / 2);
  });
  const { start, end } = visibleRows(scroll.top, scroll.height, CHAIN_ROW_PX, lines.length);
  const width = calls.length + puts.length + 1;
  return (
    <table ref={tableRef} className={stale ? 'data-table chain-table is-stale' : 'data-table chain-table'} data-testid="chain-table" data-stale={stale} data-lines={lines.length}>
      <thead>
        <tr>
          <th colSpan={calls.length} scope="colgroup" className="chain-side-head">
            Calls
          </th>
          <th scope="col" className="chain-strike">
            Strike
          </th>
          <th colSpan={puts.length} scope="colgroup" className="chain-side-head">
            Puts
          </th>
        </tr>
        <tr>
          {calls.map((c) => (
            <th key={`c-${c.id}`} scope="col" className="num" title={c.title}>
              {c.label}
            </th>
          ))}
          <th scope="col" className="chain-strike" />
          {puts.map((c) => (
            <th key={`p-${c.id}`} scope="col" className="num" title={c.title}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.length === 0 && (
          <tr>
            <td colSpan={width} className="empty-cell">
              No contract passes the filters.
            </td>
          </tr>
        )}
        {start > 0 && (
          <tr className="chain-spacer" aria-hidden="true">
            <td colSpan={width} style={{ height: `${String(start * CHAIN_ROW_PX)}px` }} />
          </tr>
        )}
        {lines.slice(start, end).map((line) => (
          <ChainLine key={line.strike} line={line} calls={calls} puts={puts} selected={selected} onPick={pick} />
        ))}
        {end < lines.length && (
          <tr className="chain-spacer" aria-hidden="true">
            <td colSpan={width} style={{ height: `${String((lines.length - end) * CHAIN_ROW_PX)}px` }} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
