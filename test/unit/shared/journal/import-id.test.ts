import { describe, expect, it } from 'vitest';
import { fnv1a64, ImportIds } from '../../../../shared/journal/import-id';

describe('FNV-1a 64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('matches the reference vector of %j', (text, hex) => {
    expect(fnv1a64(text)).toBe(hex);
  });

  it('hashes the UTF-8 bytes (checked against a BigInt implementation over TextEncoder bytes)', () => {
    const reference = (text: string): string => {
      let h = 0xcbf29ce484222325n;
      for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    for (const text of ['é', 'Ã©', '€100', '😀 acc-1|AAPL', 'acc-1\u00001710163800000|AAPL|buy|100|170.25|1\u00000', 'x'.repeat(1000)]) {
      expect(fnv1a64(text)).toBe(reference(text));
    }
    expect(fnv1a64('é')).not.toBe(fnv1a64('Ã©'));
  });
});

describe('ImportIds', () => {
  const fill = { time: 1710163800000, symbol: 'AAPL', side: 'buy' as const, qty: 100, price: 170.25, fee: 1 };

  it('identical fills get distinct ids by occurrence; a new file repeats them', () => {
    const a = new ImportIds('acc-1');
    const ids = [a.next(fill), a.next(fill), a.next({ ...fill, qty: 101 })];
    expect(new Set(ids).size).toBe(3);
    const b = new ImportIds('acc-1');
    expect([b.next(fill), b.next(fill), b.next({ ...fill, qty: 101 })]).toEqual(ids);
    expect(new ImportIds('acc-2').next(fill)).not.toBe(ids[0]);
  });
});
