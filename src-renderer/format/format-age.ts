/** Below this age an update counts as live. */
export const LIVE_AGE_MS = 3_000;

/** How long ago something happened, compactly: "live", "12s ago", "4m ago", "2h ago". */
export function formatAge(ageMs: number): string {
  if (ageMs < LIVE_AGE_MS) return 'live';
  const seconds = Math.floor(ageMs / 1_000);
  if (seconds < 60) return `${String(seconds)}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${String(minutes)}m ago`;
  return `${String(Math.floor(minutes / 60))}h ago`;
}
