/** Instants (the API's DateTimeISO) as clerks read them: dd/mm/yyyy HH:mm in Vietnam time (UTC+7, no summer time). */
import { formatDate } from '@dangbo/vn';

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** '2026-03-05T01:02:03Z' → '05/03/2026 08:02'; '' for anything that is not an instant. */
export function formatDateTime(value: unknown, withSeconds = false): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return '';
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return '';
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const time = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}${withSeconds ? `:${pad2(local.getUTCSeconds())}` : ''}`;
  return `${formatDate(new Date(ms))} ${time}`;
}

/** Whether an instant has passed. */
export const isPast = (value: unknown, now = Date.now()): boolean => typeof value === 'string' && Date.parse(value) <= now;
