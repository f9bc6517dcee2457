import type { IPrimitivePaneRenderer } from 'lightweight-charts';

/** The drawing target lightweight-charts hands a primitive's renderer. */
export type DrawTarget = Parameters<IPrimitivePaneRenderer['draw']>[0];
export type LineDash = 'solid' | 'dashed' | 'dotted';

export const LABEL_FONT = '11px ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace';
const LABEL_HEIGHT = 16;
const LABEL_PAD = 4;

function dashOf(style: LineDash, ratio: number): number[] {
  switch (style) {
    case 'solid':
      return [];
    case 'dashed':
      return [6 * ratio, 4 * ratio];
    case 'dotted':
      return [ratio, 3 * ratio];
  }
}

/** A horizontal line at media `y` from media x0 to x1 (null: the whole width), crisp on the device pixels. */
export function paintHorizontal(target: DrawTarget, y: number, x0: number | null, x1: number | null, color: string, width: number, style: LineDash): void {
  target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio: hr, verticalPixelRatio: vr, bitmapSize }) => {
    const w = Math.max(1, Math.round(width * vr));
    const by = Math.round(y * vr) - Math.floor(w / 2);
    const left = x0 === null ? 0 : Math.round(x0 * hr);
    const right = x1 === null ? bitmapSize.width : Math.round(x1 * hr);
    if (right <= left) return;
    context.save();
    context.fillStyle = color;
    context.strokeStyle = color;
    if (style === 'solid') context.fillRect(left, by, right - left, w);
    else {
      context.lineWidth = w;
      context.setLineDash(dashOf(style, hr));
      context.beginPath();
      context.moveTo(left, by + w / 2);
      context.lineTo(right, by + w / 2);
      context.stroke();
    }
    context.restore();
  });
}

/** A vertical line at media `x` over the whole height. */
export function paintVertical(target: DrawTarget, x: number, color: string, width: number, style: LineDash): void {
  target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio: hr, bitmapSize }) => {
    const w = Math.max(1, Math.round(width * hr));
    const bx = Math.round(x * hr) - Math.floor(w / 2);
    context.save();
    context.fillStyle = color;
    context.strokeStyle = color;
    if (style === 'solid') context.fillRect(bx, 0, w, bitmapSize.height);
    else {
      context.lineWidth = w;
      context.setLineDash(dashOf(style, hr));
      context.beginPath();
      context.moveTo(bx + w / 2, 0);
      context.lineTo(bx + w / 2, bitmapSize.height);
      context.stroke();
    }
    context.restore();
  });
}

/** A filled rectangle in media coordinates, with an optional border. */
export function paintRect(target: DrawTarget, x0: number, y0: number, x1: number, y1: number, fill: string, border: string | null): void {
  target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio: hr, verticalPixelRatio: vr }) => {
    const left = Math.round(Math.min(x0, x1) * hr);
    const top = Math.round(Math.min(y0, y1) * vr);
    const width = Math.max(1, Math.round(Math.abs(x1 - x0) * hr));
    const height = Math.max(1, Math.round(Math.abs(y1 - y0) * vr));
    context.save();
    context.fillStyle = fill;
    context.fillRect(left, top, width, height);
    if (border !== null) {
      context.strokeStyle = border;
      context.lineWidth = Math.max(1, Math.round(hr));
      context.strokeRect(left + 0.5, top + 0.5, width - 1, height - 1);
    }
    context.restore();
  });
}

/**
 * A label box (coloured background, text on it) with its right edge at media
 * `right` (or its left edge at `left` when given), centred on `y`.
 */
export function paintLabel(target: DrawTarget, text: string, y: number, anchor: { readonly right: number } | { readonly left: number }, back: string, color: string): void {
  if (text === '') return;
  target.useMediaCoordinateSpace(({ context }) => {
    context.save();
    context.font = LABEL_FONT;
    const width = Math.ceil(context.measureText(text).width) + LABEL_PAD * 2;
    const left = 'right' in anchor ? anchor.right - width : anchor.left;
    const top = Math.round(y - LABEL_HEIGHT / 2);
    context.fillStyle = back;
    context.fillRect(left, top, width, LABEL_HEIGHT);
    context.fillStyle = color;
    context.textBaseline = 'middle';
    context.fillText(text, left + LABEL_PAD, top + LABEL_HEIGHT / 2 + 0.5);
    context.restore();
  });
}

/** The target's size in CSS pixels. */
export function mediaSizeOf(target: DrawTarget): { readonly width: number; readonly height: number } {
  return target.useMediaCoordinateSpace(({ mediaSize }) => mediaSize);
}

/** `#rrggbb` with an alpha, as rgba(); other colours are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (m === null) return color;
  return `rgba(${String(parseInt(m[1] ?? '0', 16))}, ${String(parseInt(m[2] ?? '0', 16))}, ${String(parseInt(m[3] ?? '0', 16))}, ${String(alpha)})`;
}
