/**
 * Calendar days and wall-clock times in the site's time zone, turned into UTC instants with Intl
 * alone: an issue's day runs from local midnight to local midnight, whatever the offset or DST.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in a zone at an instant, as the fields of a UTC date (so it can be subtracted). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
const offsetAt = (instant: number, timeZone: string) => wallClock(Math.floor(instant / 1000) * 1000, timeZone) - Math.floor(instant / 1000) * 1000;

/** The day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** The wall-clock time (YYYY-MM-DDTHH:MM) of an instant in a zone, as a `datetime-local` input shows it. */
export function localDateTime(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/**
 * The UTC instant of a wall-clock time on a day in a zone. A time skipped by a DST change lands
 * just after the gap; a time that happens twice is its first occurrence.
 */
export function zonedTime(day: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new Error(`not a day and time: ${day} ${time}`);
  // The zone's offsets a day either side cover any one DST change; try both.
  const candidates = [wall - offsetAt(wall - 86_400_000, timeZone), wall - offsetAt(wall + 86_400_000, timeZone)];
  const exact = candidates.filter((c) => wallClock(c, timeZone) === wall);
  return new Date(exact.length ? Math.min(...exact) : Math.max(...candidates));
}

/** The next calendar day. */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The UTC bounds [from, to) of a day in a zone, as ISO strings. */
export function dayBounds(day: string, timeZone: string): { from: string; to: string } {
  return { from: zonedTime(day, '00:00', timeZone).toISOString(), to: zonedTime(nextDay(day), '00:00', timeZone).toISOString() };
}
