import { useEffect, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { zoneTime } from '../format/zone-clock';
import { feedsSection, healthSection, infoSection, storeSection, type AboutSection } from './about-rows';
import { AboutTable } from './about-table';
import { AttributionNote } from './attribution-note';

/** `app.info` and a fresh `app.health`, fetched on open and on Refresh. */
export function AboutView(): ReactElement {
  const store = useAppStores().about;
  const info = useStore(store, (s) => s.info);
  const health = useStore(store, (s) => s.health);
  const loading = useStore(store, (s) => s.loading);
  const error = useStore(store, (s) => s.error);
  const fetchedAt = useStore(store, (s) => s.fetchedAt);
  const refresh = useStore(store, (s) => s.refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const sections: AboutSection[] = [];
  if (info !== null) sections.push(infoSection(info));
  if (health !== null) sections.push(healthSection(health), storeSection(health.store), feedsSection(health.feeds));

  return (
    <div className="about-view">
      <div className="about-toolbar">
        <button type="button" className="button" onClick={() => void refresh()} disabled={loading} data-testid="about-refresh">
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
        <span className="muted num">
          {fetchedAt === null ? 'not fetched yet' : `as of ${zoneTime(fetchedAt, 'UTC').time} UTC`}
        </span>
      </div>
      {error !== null && <ErrorNote error={error} testId="about-error" />}
      {sections.length > 0 ? <AboutTable sections={sections} /> : !loading && error === null && <p className="empty-note">No data.</p>}
      <AttributionNote />
    </div>
  );
}
