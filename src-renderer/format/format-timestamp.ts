/** An epoch-ms instant as ISO 8601 UTC to the second, e.g. "2025-11-21T14:03:22Z". */
export function formatTimestampUtc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}
