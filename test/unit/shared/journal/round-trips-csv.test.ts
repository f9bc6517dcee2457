import { describe, expect, it } from 'vitest';
import { buildRoundTrips } from '../../../../shared/journal/round-trips';
import { formatRoundTripsCsv } from '../../../../shared/journal/round-trips-csv';
import { fill } from './journal-fixtures';

describe('formatRoundTripsCsv', () => {
  it('writes a report: money to the cent, RFC 4180 quoting of notes and tags', () => {
    const trips = buildRoundTrips(
      [
        fill({ id: 'e1', orderId: 'o1', side: 'buy', qty: 3, price: 10.01, at: 0, fee: 0.005 }),
        fill({ id: 'e2', side: 'sell', qty: 3, price: 10.333, at: 2, fee: 0.005 }),
        fill({ id: 'e3', side: 'sell', qty: 1, price: 11, at: 3 }),
      ],
      { riskOf: () => ({ plannedStop: 9.81 }) },
    );
    const text = formatRoundTripsCsv(trips, { meta: new Map([['rt:e1', { setup: 'orb', tags: ['a+', 'late'], notes: 'Said "wait",\nthen went' }]]) });
    expect(text.split('\r\n')).toEqual([
      'id,account,source,symbol,underlying,side,status,openedAt,closedAt,durationSec,maxQty,entryQty,exitQty,openQty,avgEntry,avgExit,multiplier,grossPnl,fees,netPnl,risk,r,executions,setup,strategy,tags,notes',
      'rt:e1,acc-1,sim,AAPL,,long,closed,2024-03-11T13:30:00.000Z,2024-03-11T13:32:00.000Z,120,3,3,3,0,10.01,10.333,1,0.97,0.01,0.96,0.60,1.60,2,orb,,a+; late,"Said ""wait"",\nthen went"',
      'rt:e3,acc-1,sim,AAPL,,short,open,2024-03-11T13:33:00.000Z,,,1,1,0,1,11,,1,0.00,0.00,0.00,1.19,,1,,,,',
      '',
    ]);
  });
});
