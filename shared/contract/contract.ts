import type { z } from 'zod';
import { alpacaMethods } from './alpaca-contract';
import { appEvents, appMethods } from './app-contract';
import { backtestEvents, backtestMethods } from './backtest-contract';
import { chartEvents, chartMethods } from './chart-contract';
import { drawingsEvents, drawingsMethods } from './drawings-contract';
import { barsEvents, barsMethods } from './bars-contract';
import { feedsMethods } from './feeds-contract';
import { gymMethods } from './gym-contract';
import { journalEvents, journalMethods } from './journal-contract';
import { optionsEvents, optionsMethods } from './options-contract';
import { replayEvents, replayMethods } from './replay-contract';
import type { EventSpec, MethodSpec } from './define';
import { settingsEvents, settingsMethods } from './settings-contract';
import { tradingEvents, tradingMethods } from './trading-contract';

/**
 * The one place where Tapedeck's methods and events are named. Handlers,
 * the preload bridge, the WebSocket transport and the renderer client are all
 * typed from these two tables; no channel name is typed by hand elsewhere.
 */
export const methods = {
  ...appMethods,
  ...settingsMethods,
  ...barsMethods,
  ...feedsMethods,
  ...replayMethods,
  ...backtestMethods,
  ...gymMethods,
  ...chartMethods,
  ...drawingsMethods,
  ...tradingMethods,
  ...optionsMethods,
  ...journalMethods,
  ...alpacaMethods,
} satisfies Record<string, MethodSpec>;

export const events = {
  ...appEvents,
  ...settingsEvents,
  ...barsEvents,
  ...replayEvents,
  ...backtestEvents,
  ...chartEvents,
  ...drawingsEvents,
  ...tradingEvents,
  ...optionsEvents,
  ...journalEvents,
} satisfies Record<string, EventSpec>;

export type Methods = typeof methods;
export type Events = typeof events;
export type MethodName = keyof Methods;
export type EventName = keyof Events;

/** What a caller passes (before parsing) and what a handler receives (after). */
export type ParamsIn<M extends MethodName> = z.input<Methods[M]['params']>;
export type Params<M extends MethodName> = z.output<Methods[M]['params']>;
export type Result<M extends MethodName> = z.output<Methods[M]['result']>;
export type EventParamsIn<E extends EventName> = z.input<Events[E]['params']>;
export type EventParams<E extends EventName> = z.output<Events[E]['params']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
