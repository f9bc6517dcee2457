import { MAX_SCREENSHOT_BYTES } from '../../../shared/contract';

const CAPTION_FONT = '12px ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace';
const CAPTION_HEIGHT = 20;

/** A canvas as PNG bytes (canvas.toBlob: the browser encodes it in idle time, not in one long task). */
function pngOf(canvas: HTMLCanvasElement): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob === null) reject(new Error('the pane could not be encoded as PNG'));
      else blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
    }, 'image/png');
  });
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
 * caption band at the bottom-left, as PNG bytes under MAX_SCREENSHOT_BYTES:
 * scaled down (keeping its proportions) until it fits.
 */
export async function panePng(shot: HTMLCanvasElement, caption: string, limit = MAX_SCREENSHOT_BYTES): Promise<Uint8Array<ArrayBuffer>> {
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
  let png = await pngOf(canvas);
  let scale = 1;
  while (png.byteLength > limit && scale > 0.05) {
    scale *= Math.sqrt(limit / png.byteLength) * 0.92;
    png = await pngOf(scaled(canvas, scale));
  }
  return png;
}
