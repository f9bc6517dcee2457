import { useEffect, type ReactElement } from 'react';
import type { JournalShot } from '../../shared/contract';
import { formatInZone, zoneLabel } from './journal-format';
import type { MediaCache } from './media-cache';
import { ShotImage } from './shot-image';

export interface ShotViewerProps {
  readonly shots: readonly JournalShot[];
  readonly index: number;
  readonly zone: string;
  readonly cache: MediaCache;
  readonly onIndex: (index: number) => void;
  readonly onClose: () => void;
}

export function shotCaption(s: JournalShot, zone: string): string {
  const pane = s.pane === null ? 'window' : `pane ${String(s.pane + 1)}`;
  return `${s.role} · ${s.symbol}${s.interval === null ? '' : ` ${s.interval}`} · ${pane} · ${formatInZone(s.time, zone)} ${zoneLabel(zone)}`;
}

/** One screenshot large, over everything: ← → step through, Esc closes. */
export function ShotViewer({ shots, index, zone, cache, onIndex, onClose }: ShotViewerProps): ReactElement | null {
  const shot = shots[index];
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
      else if (e.key === 'ArrowRight') onIndex(Math.min(shots.length - 1, index + 1));
      else if (e.key === 'ArrowLeft') onIndex(Math.max(0, index - 1));
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [index, shots.length, onClose, onIndex]);
  if (shot === undefined) return null;
  return (
    <div className="shot-viewer" role="dialog" aria-modal="true" aria-label="Screenshot" data-testid="shot-viewer" onClick={onClose}>
      <div className="shot-viewer-frame" onClick={(e) => e.stopPropagation()}>
        <ShotImage cache={cache} sha256={shot.sha256} alt={shotCaption(shot, zone)} className="shot-viewer-image" />
        <div className="shot-viewer-bar">
          <button type="button" className="button" disabled={index === 0} onClick={() => onIndex(index - 1)} aria-label="Previous screenshot">
            ←
          </button>
          <span className="shot-viewer-caption" data-testid="shot-viewer-caption">
            {index + 1}/{shots.length} · {shotCaption(shot, zone)}
            {shot.status !== 'ok' && <span className="tone-bad"> · file {shot.status}</span>}
          </span>
          <button type="button" className="button" disabled={index === shots.length - 1} onClick={() => onIndex(index + 1)} aria-label="Next screenshot">
            →
          </button>
          <button type="button" className="button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </div>
      </div>
    </div>
  );
}
