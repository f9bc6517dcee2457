import { useState, type ReactElement } from 'react';
import type { JournalShot } from '../../shared/contract';
import type { MediaCache } from './media-cache';
import { ShotImage } from './shot-image';
import { shotCaption, ShotViewer } from './shot-viewer';

export interface ShotStripProps {
  readonly shots: readonly JournalShot[];
  readonly zone: string;
  readonly cache: MediaCache;
}

/** The trade's screenshots as thumbnails, entry first; a click enlarges one. Files gone missing or changed are flagged. */
export function ShotStrip({ shots, zone, cache }: ShotStripProps): ReactElement {
  const [open, setOpen] = useState<number | null>(null);
  const problems = shots.filter((s) => s.status !== 'ok').length;
  return (
    <div className="shot-strip" data-testid="journal-shots" data-count={shots.length}>
      {shots.length === 0 && <p className="muted">No screenshots: they are taken at each fill while a chart shows the symbol, or with Alt+S.</p>}
      {problems > 0 && (
        <p className="tone-bad" data-testid="journal-shot-problems">
          {problems} screenshot file{problems === 1 ? ' is' : 's are'} missing or changed on disk.
        </p>
      )}
      <div className="shot-thumbs">
        {shots.map((s, i) => (
          <button key={s.id} type="button" className={`shot-thumb role-${s.role}`} data-testid="journal-shot" data-role={s.role} data-status={s.status} title={shotCaption(s, zone)} onClick={() => setOpen(i)}>
            {s.status === 'missing' ? <div className="shot-image is-flagged">missing</div> : <ShotImage cache={cache} sha256={s.sha256} alt={shotCaption(s, zone)} />}
            <span className="shot-role">{s.role}</span>
          </button>
        ))}
      </div>
      {open !== null && <ShotViewer shots={shots} index={open} zone={zone} cache={cache} onIndex={setOpen} onClose={() => setOpen(null)} />}
    </div>
  );
}
