import type { AppHealth, AppInfo, FeedHealth } from '../../shared/contract';
import type { Tone } from '../app/status-tone';
import { feedTone, healthTone } from '../app/status-tone';
import { formatDuration } from '../format/format-duration';
import { formatTimestampUtc } from '../format/format-timestamp';

export interface AboutRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly tone?: Tone;
}

export interface AboutSection {
  readonly title: string;
  readonly rows: readonly AboutRow[];
}

const orDash = (value: string | null): string => (value === null || value === '' ? '—' : value);

export function infoSection(info: AppInfo): AboutSection {
  return {
    title: 'Instance',
    rows: [
      { key: 'name', label: 'Name', value: info.name },
      { key: 'version', label: 'Version', value: info.version },
      { key: 'mode', label: 'Mode', value: info.mode },
      { key: 'platform', label: 'Platform', value: info.platform },
      { key: 'node', label: 'Node', value: info.versions.node },
      { key: 'electron', label: 'Electron', value: orDash(info.versions.electron) },
      { key: 'chrome', label: 'Chrome', value: orDash(info.versions.chrome) },
      { key: 'sqlite', label: 'SQLite', value: info.versions.sqlite },
      { key: 'dataDir', label: 'Data directory', value: info.dataDir },
      { key: 'startedAt', label: 'Started at', value: formatTimestampUtc(info.startedAt) },
    ],
  };
}

export function healthSection(health: AppHealth): AboutSection {
  return {
    title: 'Health',
    rows: [
      { key: 'status', label: 'Status', value: health.status, tone: healthTone(health.status) },
      { key: 'checkedAt', label: 'Checked at', value: formatTimestampUtc(health.checkedAt) },
      { key: 'uptime', label: 'Uptime', value: formatDuration(health.uptimeMs) },
      { key: 'clients', label: 'Connected clients', value: String(health.clients) },
    ],
  };
}

export function storeSection(store: AppHealth['store']): AboutSection {
  return {
    title: 'Store',
    rows: [
      { key: 'ok', label: 'OK', value: store.ok ? 'yes' : 'no', tone: store.ok ? 'good' : 'bad' },
      { key: 'schemaVersion', label: 'Schema version', value: String(store.schemaVersion) },
      { key: 'journalMode', label: 'Journal mode', value: store.journalMode },
      { key: 'error', label: 'Error', value: orDash(store.error), tone: store.error === null ? undefined : 'bad' },
    ],
  };
}

function feedValue(feed: FeedHealth): string {
  const age = feed.lastMessageAgeMs === null ? 'no message yet' : `last message ${String(feed.lastMessageAgeMs)} ms ago`;
  const sim = feed.simulated ? ' · SIM' : '';
  return `${feed.status}${sim} · ${age} · ${String(feed.gapsDetected)} gap(s)`;
}

export function feedsSection(feeds: readonly FeedHealth[]): AboutSection {
  if (feeds.length === 0) {
    return { title: 'Feeds', rows: [{ key: 'none', label: 'Feeds', value: 'none connected (NO FEED)', tone: 'muted' }] };
  }
  return {
    title: 'Feeds',
    rows: feeds.map((feed) => ({
      key: feed.id,
      label: `${feed.name} (${feed.id})`,
      value: feedValue(feed),
      tone: feedTone(feed.status),
    })),
  };
}
