import { describe, expect, it } from 'vitest';
import { isCursorKey, moveCursor } from '../../../../src-renderer/watchlist/option-cursor';

describe('moveCursor', () => {
  it('steps down and up, wrapping at both ends', () => {
    expect([0, 1, 2].map((i) => moveCursor(i, 3, 'ArrowDown'))).toEqual([1, 2, 0]);
    expect([0, 1, 2].map((i) => moveCursor(i, 3, 'ArrowUp'))).toEqual([2, 0, 1]);
  });

  it('enters the list from nothing highlighted, and has nothing to highlight in an empty one', () => {
    expect(moveCursor(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveCursor(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveCursor(0, 0, 'ArrowDown')).toBe(-1);
  });

  it('recovers from an index beyond a list that shrank', () => {
    expect(moveCursor(7, 3, 'ArrowDown')).toBe(0);
    expect(moveCursor(7, 3, 'ArrowUp')).toBe(2);
  });
});

describe('isCursorKey', () => {
  it('accepts only the arrow keys', () => {
    expect(['ArrowDown', 'ArrowUp', 'Enter', 'Home', 'a'].map(isCursorKey)).toEqual([true, true, false, false, false]);
  });
});
