import { useEffect, useState, type ReactElement } from 'react';
import type { MediaCache, MediaEntry } from './media-cache';

export interface ShotImageProps {
  readonly cache: MediaCache;
  readonly sha256: string;
  readonly alt: string;
  readonly className?: string;
}

/** A screenshot, loaded when shown; a missing file or one whose bytes no longer match its hash is flagged, never hidden. */
export function ShotImage({ cache, sha256, alt, className }: ShotImageProps): ReactElement {
  const [entry, setEntry] = useState<MediaEntry | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setEntry(null);
    setFailed(false);
    cache.get(sha256).then(
      (e) => {
        if (live) setEntry(e);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [cache, sha256]);
  const classes = `shot-image ${className ?? ''}`.trim();
  if (failed) return <div className={`${classes} is-flagged`}>could not load</div>;
  if (entry === null) return <div className={`${classes} is-loading`} aria-busy="true" />;
  if (entry.url === null) return <div className={`${classes} is-flagged`} data-status={entry.status} title="The screenshot file is missing from the data directory">missing</div>;
  return (
    <div className={`${classes}${entry.status === 'changed' ? ' is-flagged' : ''}`} data-status={entry.status}>
      <img src={entry.url} alt={alt} draggable={false} />
      {entry.status === 'changed' && <span className="shot-flag" title="The file's bytes no longer match its hash">changed</span>}
    </div>
  );
}
