/**
 * The string formats of the contract's Date, DateTime and URL scalars, checked the same way by the
 * scalars (runtime/scalars.ts), by entry validation before anything is written, and by the
 * gateway's edge before a request is planned.
 *
 * Date and DateTime are the RFC 3339 profile of ISO 8601 (https://www.rfc-editor.org/rfc/rfc3339#section-5.6):
 * `full-date`, and `date-time` with a mandatory offset. URL is an absolute URL as the WHATWG URL
 * Standard parses it (https://url.spec.whatwg.org/), restricted to http(s) with a host.
 */

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** RFC 3339 `full-date`, `YYYY-MM-DD`, naming a day that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = calendarDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** RFC 3339 `date-time`: an instant with an explicit offset; a bare local time is ambiguous and refused. */
export function isDateTimeWithOffset(value: string): boolean {
  return dateTimePattern.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

/** Absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}
