import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import type { MonthCalendarWire } from '../../shared/contract';
import { formatPnl, WEEKDAY_NAMES } from './journal-format';
import type { JournalStore } from './journal-store';
import { TradeList } from './trade-list';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const tone = (net: number): string => (net > 0 ? 'tone-good' : net < 0 ? 'tone-bad' : '');

/** The month before or after (year, month 1-12). */
export function stepMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function MonthGrid({ data, day, onDay }: { readonly data: MonthCalendarWire; readonly day: string | null; readonly onDay: (date: string | null) => void }): ReactElement {
  return (
    <div className="pnl-calendar" role="grid" aria-label={`P&L ${MONTHS[data.month - 1] ?? ''} ${String(data.year)}`}>
      <div className="pnl-week pnl-head" role="row">
        {WEEKDAY_NAMES.map((w) => (
          <span key={w} role="columnheader">
            {w}
          </span>
        ))}
        <span role="columnheader">Week</span>
      </div>
      {data.weeks.map((week) => (
        <div key={week.cells[0]?.date ?? ''} className="pnl-week" role="row">
          {week.cells.map((c) => {
            const p = c.pnl;
            const classes = `pnl-day${c.inMonth ? '' : ' is-outside'}${p === null ? '' : ` has-trades ${tone(p.net)}`}${c.date === day ? ' is-selected' : ''}`;
            return (
              <button
                key={c.date}
                type="button"
                role="gridcell"
                className={classes}
                data-testid="journal-day"
                data-date={c.date}
                data-net={p?.net ?? ''}
                disabled={p === null}
                onClick={() => onDay(c.date === day ? null : c.date)}
              >
                <span className="pnl-date">{Number(c.date.slice(8))}</span>
                {p !== null && (
                  <>
                    <span className="num">{formatPnl(p.net, 'USD')}</span>
                    <span className="muted">
                      {p.trades} trade{p.trades === 1 ? '' : 's'}
                    </span>
                  </>
                )}
              </button>
            );
          })}
          <span className={`pnl-day pnl-week-total num ${tone(week.net)}`} role="gridcell">
            {week.trades === 0 ? '' : formatPnl(week.net, 'USD')}
          </span>
        </div>
      ))}
    </div>
  );
}

/** Daily P&L for a month (the day a trip closed, New York time); a click on a day lists its trades. */
export function CalendarView({ store }: { readonly store: JournalStore }): ReactElement {
  const calendar = useStore(store, (s) => s.calendar);
  const trades = useStore(store, (s) => s.trades);
  const accounts = useStore(store, (s) => s.accounts);
  const selected = useStore(store, (s) => s.selected);
  const { setMonth, setDay, select } = store.getState();
  const { year, month, data, day } = calendar;
  const go = (by: number): void => {
    const next = stepMonth(year, month, by);
    setMonth(next.year, next.month);
  };
  const dayPnl = data?.weeks.flatMap((w) => w.cells).find((c) => c.date === day)?.pnl ?? null;
  const ids = new Set(dayPnl?.tripIds ?? []);
  return (
    <div className="journal-calendar" data-testid="journal-calendar" data-month={`${String(year)}-${String(month).padStart(2, '0')}`}>
      <div className="journal-form-row">
        <button type="button" className="button" aria-label="Previous month" data-testid="journal-month-prev" onClick={() => go(-1)}>
          ‹
        </button>
        <strong className="journal-month" data-testid="journal-month">
          {MONTHS[month - 1]} {year}
        </strong>
        <button type="button" className="button" aria-label="Next month" data-testid="journal-month-next" onClick={() => go(1)}>
          ›
        </button>
        {data !== null && (
          <span className={`num ${tone(data.net)}`} data-testid="journal-month-total">
            {formatPnl(data.net, 'USD')} · {data.trades} trades ({data.wins}W {data.losses}L)
          </span>
        )}
        <span className="muted">{data?.zone ?? ''}</span>
      </div>
      {data === null ? <p className="muted">Reading the month…</p> : <MonthGrid data={data} day={day} onDay={setDay} />}
      {day !== null && (
        <div className="journal-day-trades" data-testid="journal-day-trades">
          <h4>{day}</h4>
          <TradeList trades={trades.filter((t) => ids.has(t.id))} accounts={accounts} selected={selected} onSelect={select} />
        </div>
      )}
    </div>
  );
}
