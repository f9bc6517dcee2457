/** Whether a key event's target takes text (an input, textarea, select or editable element): hotkeys leave it alone. */
export function isTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Whether arrow keys at `target` belong to the charts (nothing focused, or something inside the chart area). */
export function isChartKeyTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return true;
  if (target === document.body || target === document.documentElement) return true;
  return target.closest('[data-testid="chart-panel"]') !== null;
}
