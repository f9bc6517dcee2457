import type { EventPayload } from '../../../shared/contract';
import type { Ticker } from './clock';
import type { EventSources, MethodHandlers } from '../rpc';
import { sortPositions } from '../../trading/service/trading-service';
import type { Trading } from '../../trading/trading';

type TradingMethods = Pick<
  MethodHandlers,
  | 'accounts.list'
  | 'accounts.create'
  | 'accounts.reset'
  | 'accounts.select'
  | 'orders.place'
  | 'orders.placeOco'
  | 'orders.cancel'
  | 'orders.replace'
  | 'orders.list'
  | 'positions.list'
  | 'positions.flatten'
  | 'fills.list'
  | 'risk.get'
  | 'risk.set'
  | 'risk.killSwitch'
  | 'audit.list'
>;
type TradingEventSources = Pick<EventSources, 'quotes.updates' | 'orders.updates' | 'fills.updates' | 'positions.updates' | 'accounts.updates' | 'audit.updates'>;

/** Accounts change with every fill (cash): followers hear of it at most this often (the latest state, never a stale one). */
const ACCOUNTS_EVERY_MS = 100;

/** The trading part of the contract: accounts, orders, positions, fills, risk and the kill switch, the audit log, quotes. */
export function createTradingHandlers(trading: Trading, ticker: Ticker): { handlers: TradingMethods; sources: TradingEventSources } {
  const { service, desk, events, quotes, audit } = trading;
  const accountsNow = (): EventPayload<'accounts.updates'> => ({ accounts: desk.list(), activeId: desk.activeId(), killSwitch: service.killSwitchState() });
  const changed = (): void => events.emit('accounts', null);
  return {
    handlers: {
      'accounts.list': () => desk.list(),
      'accounts.create': (p) => {
        const a = desk.create(p);
        changed();
        return desk.view(a);
      },
      'accounts.reset': async ({ id, startingCash }) => {
        const a = await desk.reset(id, startingCash);
        changed();
        events.emit('positions', { accountId: id, positions: service.positions(id) });
        return desk.view(a);
      },
      'accounts.select': ({ id }) => {
        const a = desk.select(id);
        changed();
        return desk.view(a);
      },
      'orders.place': (request) => service.place(request),
      'orders.placeOco': (request) => service.placeOco(request),
      'orders.cancel': ({ accountId, id, clientOrderId }) => service.cancel(accountId, { id, clientOrderId }),
      'orders.replace': ({ accountId, id, ...change }) => service.replace(accountId, id, change),
      'orders.list': ({ accountId, status, limit }) => service.orders(accountId, status, limit),
      'positions.list': ({ accountId }) => service.positions(accountId),
      'positions.flatten': ({ accountId, source, symbol }) => service.flatten(accountId, { ...(source === undefined ? {} : { source }), ...(symbol === undefined ? {} : { symbol }) }),
      'fills.list': ({ accountId, from, to, limit }) => service.fills(accountId, from, to, limit),
      'risk.get': ({ accountId }) => service.riskOf(accountId),
      'risk.set': ({ accountId, patch }) => service.setRisk(accountId, patch),
      'risk.killSwitch': ({ engage }) => service.killSwitch(engage),
      'audit.list': ({ kinds, accountId, symbol, text, limit }) =>
        service.auditEntries({ limit, ...(kinds === undefined ? {} : { kinds }), ...(accountId === undefined ? {} : { accountId }), ...(symbol === undefined ? {} : { symbol }), ...(text === undefined ? {} : { text }) }),
    },
    sources: {
      'quotes.updates': ({ source, symbol }, emit, subscriber) => quotes.subscribe(source, symbol, { deliver: emit, isBusy: () => subscriber.isBusy() }),
      'orders.updates': (_params, emit) => {
        for (const a of desk.list()) for (const o of service.orders(a.id, 'working', 5000)) emit(o);
        return events.on('order', emit);
      },
      'fills.updates': (_params, emit) => events.on('fill', emit),
      'positions.updates': (_params, emit) => {
        for (const a of desk.list()) emit({ accountId: a.id, positions: service.positions(a.id) });
        return events.on('positions', (p) => emit({ accountId: p.accountId, positions: sortPositions(p.positions) }));
      },
      'accounts.updates': (_params, emit) => {
        emit(accountsNow());
        let due = false;
        const flush = (): void => {
          if (!due) return;
          due = false;
          emit(accountsNow());
        };
        const stopTick = ticker(flush, ACCOUNTS_EVERY_MS);
        const stops = [
          events.on('accounts', () => {
            due = false;
            emit(accountsNow());
          }),
          events.on('fill', () => {
            due = true;
          }),
        ];
        return () => {
          stopTick();
          for (const stop of stops) stop();
        };
      },
      'audit.updates': (_params, emit) => audit.onEntry(emit),
    },
  };
}
