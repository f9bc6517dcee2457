/** Keys that move the highlighted option of a list. */
export type CursorKey = 'ArrowDown' | 'ArrowUp';

export function isCursorKey(key: string): key is CursorKey {
  return key === 'ArrowDown' || key === 'ArrowUp';
}

/**
 * The highlighted index after `key` in a list of `count` options: the arrows
 * step and wrap around. From -1 (nothing highlighted) ArrowDown goes to the
 * first option and ArrowUp to the last; an empty list has none (-1).
 */
export function moveCursor(index: number, count: number, key: CursorKey): number {
  if (count <= 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return index < 0 || index >= count - 1 ? 0 : index + 1;
    case 'ArrowUp':
      return index <= 0 || index >= count ? count - 1 : index - 1;
  }
}
