import { describe, expect, it } from 'vitest';
import {
  clientFrameSchema,
  EVENT_NAMES,
  events,
  METHOD_NAMES,
  methods,
  parseAt,
  serverFrameSchema,
} from '../../../../shared/contract';
import { EVENT_EXAMPLES, METHOD_EXAMPLES } from '../../../fixtures/contract-examples';

describe('contract methods', () => {
  it('has examples for exactly the methods and events it defines', () => {
    expect(Object.keys(METHOD_EXAMPLES).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(EVENT_EXAMPLES).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it.each(METHOD_NAMES)('%s names follow domain.verb', (name) => {
    expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  describe.each(METHOD_NAMES)('%s params', (name) => {
    const examples = METHOD_EXAMPLES[name];
    it.each(examples.good.map((p) => [JSON.stringify(p) ?? 'undefined', p]))('accepts %s', (_label, params) => {
      expect(parseAt(methods[name].params, params, 'params')).toMatchObject({ ok: true });
    });
    it.each(examples.bad.map((b) => [JSON.stringify(b.params) ?? 'undefined', b]))('refuses %s naming the field', (_l, bad) => {
      const parsed = parseAt(methods[name].params, bad.params, 'params');
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.error.code).toBe('BAD_REQUEST');
      expect(parsed.error.path).toBe(bad.path);
      expect(parsed.error.message.startsWith(`${bad.path}: `)).toBe(true);
    });
  });

  describe.each(EVENT_NAMES)('%s event params', (name) => {
    const examples = EVENT_EXAMPLES[name];
    it.each(examples.good.map((p) => [JSON.stringify(p) ?? 'undefined', p]))('accepts %s', (_label, params) => {
      expect(parseAt(events[name].params, params, 'params')).toMatchObject({ ok: true });
    });
    it.each(examples.bad.map((b) => [JSON.stringify(b.params) ?? 'undefined', b]))('refuses %s', (_l, bad) => {
      expect(parseAt(events[name].params, bad.params, 'params')).toMatchObject({ ok: false, error: { path: bad.path } });
    });
  });

  it('normalises symbols to upper case', () => {
    const parsed = parseAt(methods['settings.set'].params, { watchlist: [' btcusdt '] }, 'params');
    expect(parsed).toEqual({ ok: true, value: { watchlist: ['BTCUSDT'] } });
  });
});

describe('wire frames', () => {
  it('parses each client frame kind', () => {
    expect(clientFrameSchema.parse({ t: 'call', id: 1, method: 'app.info' })).toEqual({ t: 'call', id: 1, method: 'app.info' });
    expect(clientFrameSchema.parse({ t: 'sub', id: 2, event: 'app.health', params: {} }).t).toBe('sub');
    expect(clientFrameSchema.parse({ t: 'unsub', id: 3, subscription: 7 }).t).toBe('unsub');
  });

  it.each([
    [{ t: 'call', id: -1, method: 'app.info' }],
    [{ t: 'call', id: 1.5, method: 'app.info' }],
    [{ t: 'call', id: 1, method: '' }],
    [{ t: 'shout', id: 1 }],
    [{ t: 'unsub', id: 1, subscription: 0 }],
    [[]],
  ])('refuses %j', (frame) => {
    expect(clientFrameSchema.safeParse(frame).success).toBe(false);
  });

  it('parses replies, events and protocol errors from the server', () => {
    expect(serverFrameSchema.parse({ t: 'reply', id: 1, ok: true, result: 5 })).toEqual({ t: 'reply', id: 1, ok: true, result: 5 });
    const error = { code: 'UNKNOWN_METHOD', message: 'x', path: 'method' };
    expect(serverFrameSchema.parse({ t: 'reply', id: 1, ok: false, error })).toMatchObject({ ok: false, error });
    expect(serverFrameSchema.parse({ t: 'event', subscription: 1, event: 'app.health', seq: 1, payload: {} }).t).toBe('event');
    expect(serverFrameSchema.safeParse({ t: 'reply', id: 1, ok: false, error: { code: 'NOPE', message: '', path: '' } }).success).toBe(false);
    expect(serverFrameSchema.safeParse({ t: 'event', subscription: 1, event: 'app.health', seq: 0, payload: {} }).success).toBe(false);
  });
});
