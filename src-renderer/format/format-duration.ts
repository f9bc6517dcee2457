const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A duration as "3d 04:05:06", "04:05:06" or "05:06" (mm:ss below an hour). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  const clock = `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
  if (days > 0) return `${String(days)}d ${clock}`;
  return hours > 0 ? clock : `${pad2(minutes)}:${pad2(seconds)}`;
}
