import { describe, expect, it } from 'vitest';
import type { Account } from '../../../../shared/trading/account';
import { chainSourceOf } from '../../../../src-renderer/options/chain-source';
import { optionRouting } from '../../../../src-renderer/options/option-routing';

const account = (id: string, name: string, broker: Account['broker']): Account =>
  ({ id, name, broker, currency: 'USD', startingCash: 10_000, cash: 10_000, createdAt: 0, resetAt: null }) as unknown as Account;
const PAPER = account('p1', 'Paper', 'paper');
const ALPACA = account('a1', 'Alpaca paper', 'alpaca');

describe('the chain’s source', () => {
  it('is Alpaca’s for a US stock or ETF charted from Alpaca', () => {
    expect(chainSourceOf('alpaca', { source: 'alpaca', market: 'us-equity' })).toBe('alpaca');
  });
  it('is the sim’s otherwise: a sim stock, an Alpaca crypto pair, an unknown instrument, an instrument found on another source', () => {
    expect(chainSourceOf('sim', { source: 'sim', market: 'us-equity' })).toBe('sim');
    expect(chainSourceOf('alpaca', { source: 'alpaca', market: 'crypto' })).toBe('sim');
    expect(chainSourceOf('alpaca', null)).toBe('sim');
    expect(chainSourceOf('alpaca', { source: 'sim', market: 'us-equity' })).toBe('sim');
    expect(chainSourceOf(null, { source: 'alpaca', market: 'us-equity' })).toBe('sim');
  });
});

describe('where the option ticket sends', () => {
  it('an Alpaca contract to the active Alpaca paper account, a sim one to the active local paper account', () => {
    expect(optionRouting('alpaca', ALPACA, [PAPER, ALPACA])).toEqual({ ok: true, account: ALPACA });
    expect(optionRouting('sim', PAPER, [PAPER, ALPACA])).toEqual({ ok: true, account: PAPER });
  });

  it('an Alpaca contract with the local paper account active: refused, offering the Alpaca paper account', () => {
    expect(optionRouting('alpaca', PAPER, [PAPER, ALPACA])).toEqual({
      ok: false,
      reason: 'An Alpaca contract is traded on the Alpaca paper account, not on Paper (the local paper account).',
      switchTo: ALPACA,
    });
    const none = optionRouting('alpaca', PAPER, [PAPER]);
    expect(none).toEqual({ ok: false, reason: 'An Alpaca contract is traded on the Alpaca paper account, not on Paper (the local paper account). There is none: add Alpaca keys to get it.', switchTo: null });
  });

  it('a sim contract with the Alpaca account active: refused, offering the first local paper account', () => {
    const second = account('p2', 'Swing', 'paper');
    expect(optionRouting('sim', ALPACA, [ALPACA, second, PAPER])).toEqual({
      ok: false,
      reason: "A SIM contract is traded on a local paper account: Alpaca paper trades Alpaca's stocks and options only.",
      switchTo: second,
    });
  });

  it('nothing before the accounts arrive', () => {
    expect(optionRouting('sim', null, [])).toEqual({ ok: false, reason: 'No account yet.', switchTo: null });
  });
});
