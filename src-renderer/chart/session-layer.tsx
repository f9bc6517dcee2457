import { useEffect, useLayoutEffect, useRef } from 'react';
import type { PaneLayerProps } from './pane-handle';
import { createSessionPrimitive } from './session-primitive';
import type { SessionContext } from './session-marks';

/** The session separators and extended-hours shading of a pane, as a layer on its candles. */
export function SessionLayer({ pane, view }: PaneLayerProps): null {
  const context = useRef<SessionContext | null>(null);
  const { market, zone, interval } = view;

  useLayoutEffect(() => {
    context.current = market === null || interval === null ? null : { market, zone, interval };
  }, [market, zone, interval]);

  useEffect(() => {
    const primitive = createSessionPrimitive(pane, () => context.current);
    pane.candles.attachPrimitive(primitive);
    return () => {
      pane.candles.detachPrimitive(primitive);
    };
  }, [pane]);

  return null;
}
