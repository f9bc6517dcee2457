// @vitest-environment happy-dom
import { act, createElement, useState, type ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { UtcTimeInput } from '../../../../src-renderer/app/utc-time-input';
import { appClient, render, type Rendered } from './render';

function Field(): ReactElement {
  const [value, setValue] = useState('2025-03-04 21:30');
  return createElement(UtcTimeInput, { value, onChange: setValue, testId: 'when' });
}

describe('<UtcTimeInput>', () => {
  let view: Rendered | null = null;
  afterEach(async () => {
    await view?.unmount();
    view = null;
  });

  it('is a text field showing a 24-hour UTC time (no locale date picker), flagged while it does not parse', async () => {
    view = await render(createElement(Field), appClient());
    const input = view.container.querySelector<HTMLInputElement>('[data-testid="when"]');
    expect(input?.type).toBe('text');
    expect(input?.value).toBe('2025-03-04 21:30');
    expect(input?.placeholder).toBe('YYYY-MM-DD HH:MM');
    expect(input?.getAttribute('aria-invalid')).toBe('false');
    const setValue = (el: HTMLInputElement, value: string): void => {
      // Through the prototype's setter, as a user's typing does, so React sees the change.
      const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
      descriptor?.set?.call(el, value);
    };
    await act(async () => {
      if (input === null) return;
      setValue(input, '2025-03-04 9:30 PM');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
    });
    expect(input?.getAttribute('aria-invalid')).toBe('true');
  });
});
