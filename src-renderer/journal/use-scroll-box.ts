import { useEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

/**
 * A scrolling box's scroll position and size, for windowed lists. The scroll
 * position is read once per animation frame however often the browser fires
 * scroll events, so a fast scroll redraws at most once a frame.
 */
export function useScrollBox<T extends HTMLElement>(): { ref: RefObject<T | null>; scrollTop: number; width: number; height: number; onScroll: (e: UIEvent<T>) => void } {
  const ref = useRef<T>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const frame = useRef<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    setSize({ width: el.clientWidth, height: el.clientHeight });
    const observer = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, []);
  const onScroll = (e: UIEvent<T>): void => {
    const el = e.currentTarget;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setScrollTop(el.scrollTop);
    });
  };
  return { ref, scrollTop, width: size.width, height: size.height, onScroll };
}
