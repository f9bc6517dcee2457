import { MAX_SCREENSHOT_BASE64 } from '../../../shared/contract';

const PNG_PREFIX = 'data:image/png;base64,';
const CAPTION_FONT = '12px ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace';
const CAPTION_HEIGHT = 20;

/** A canvas as base64 PNG (without the data: prefix). */
function pngOf(canvas: HTMLCanvasElement): string {
  return canvas.toDataURL('image/png').slice(PNG_PREFIX.length);
}

/** `source` drawn at `scale` onto a new canvas. */
function scaled(source: HTMLCanvasElement, scale: number): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(source.width * scale));
  out.height = Math.max(1, Math.round(source.height * scale));
  const ctx = out.getContext('2d');
  if (ctx !== null) {
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source, 0, 0, out.width, out.height);
  }
  return out;
}

/**
 * A pane's screenshot (lightweight-charts' canvas with everything drawn on
 * it: candles, indicators, levels, markers, drawings, price lines) with a
 * caption band at the bottom-left, as base64 PNG under
 * MAX_SCREENSHOT_BASE64: scaled down (keeping its proportions) until it fits.
 */
export function panePng(shot: HTMLCanvasElement, caption: string, limit = MAX_SCREENSHOT_BASE64): string {
  const canvas = scaled(shot, 1);
  const ctx = canvas.getContext('2d');
  if (ctx !== null && caption !== '') {
    ctx.font = CAPTION_FONT;
    const width = Math.ceil(ctx.measureText(caption).width) + 12;
    ctx.fillStyle = 'rgba(13, 17, 23, 0.8)';
    ctx.fillRect(0, 0, width, CAPTION_HEIGHT);
    ctx.fillStyle = '#e6edf3';
    ctx.textBaseline = 'middle';
    ctx.fillText(caption, 6, CAPTION_HEIGHT / 2 + 0.5);
  }
  let png = pngOf(canvas);
  let scale = 1;
  while (png.length > limit && scale > 0.05) {
    scale *= Math.sqrt(limit / png.length) * 0.92;
    png = pngOf(scaled(canvas, scale));
  }
  return png;
}
