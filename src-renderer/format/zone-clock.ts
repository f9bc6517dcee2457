export interface ZoneTime {
  /** HH:MM:SS on a 24-hour clock. */
  readonly time: string;
  /** YYYY-MM-DD in the zone. */
  readonly date: string;
  /** The zone's short name at that instant, e.g. "UTC", "EST", "EDT". */
  readonly zoneName: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of `epochMs` in an IANA time zone. */
export function zoneTime(epochMs: number, timeZone: string): ZoneTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) parts[part.type] = part.value;
  return {
    time: `${parts.hour ?? '--'}:${parts.minute ?? '--'}:${parts.second ?? '--'}`,
    date: `${parts.year ?? '----'}-${parts.month ?? '--'}-${parts.day ?? '--'}`,
    zoneName: parts.timeZoneName ?? timeZone,
  };
}
