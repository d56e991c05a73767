const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Zone names feeds write after RFC 822 times, as hours east of UTC (RFC 822's own set plus common European ones). */
const ZONES: Readonly<Record<string, number>> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7,
  WET: 0, WEST: 1, BST: 1, CET: 1, CEST: 2, EET: 2, EEST: 3,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC822 = /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]+|[+-]\d{2}:?\d{2})?$/i;

/** Minutes east of UTC for "+0200", "-05:00", "+02", a zone name, or nothing (UTC); null when unknown. */
function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const hours = ZONES[zone.toUpperCase()];
  return hours === undefined ? null : hours * 60;
}

function toIso(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number, offset: number | null): string | null {
  if (offset === null || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  // Date.UTC rolls 31 February into March; a day beyond the month's end is a bad date, not a later one.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const time = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis) - offset * 60_000;
  const date = new Date(time);
  return Number.isNaN(time) ? null : date.toISOString();
}

function fromIso(match: RegExpExecArray): string | null {
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const millis = Math.round(Number(`0.${fraction || '0'}`) * 1000);
  return toIso(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), Math.min(millis, 999), offsetMinutes(zone));
}

function fromRfc822(match: RegExpExecArray): string | null {
  const [, d, monthName = '', y = '', h = '0', mi = '0', s = '0', zone] = match;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  // RFC 2822's rule for two-digit years: 00-49 are 2000s, 50-99 are 1900s; three digits count from 1900.
  let year = Number(y);
  if (y.length === 2) year += year < 50 ? 2000 : 1900;
  else if (y.length === 3) year += 1900;
  return toIso(year, month, Number(d), Number(h), Number(mi), Number(s), 0, offsetMinutes(zone));
}

/**
 * Reads the dates feeds write: RFC 822/1123 (named zones, numeric offsets, two-digit years, with or
 * without weekday or seconds) and ISO 8601 (with or without zone; none means UTC). Returns ISO-8601
 * UTC, or null for blank or unreadable input.
 */
export function parseFeedDate(raw: string): string | null {
  // A trailing comment such as "+0000 (UTC)" is allowed by RFC 822 and says nothing new.
  const text = raw.trim().replace(/\s*\([^)]*\)$/, '');
  if (!text) return null;
  const iso = ISO.exec(text);
  if (iso) return fromIso(iso);
  const rfc = RFC822.exec(text);
  return rfc ? fromRfc822(rfc) : null;
}
