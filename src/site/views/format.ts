/** Date formatting for views. Intl formatters are costly to build, so each locale/zone pair is built once. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return f;
}

export interface DateContext {
  locale: string;
  timeZone: string;
}

/** "29 November 2026" in the site's language and time zone. */
export const longDate = (iso: string, ctx: DateContext) => formatter(ctx.locale, ctx.timeZone, { dateStyle: 'long' }).format(new Date(iso));

/** "November 2026", for archive headings; the month is taken as UTC so it matches the URL. */
export const monthName = (yearMonth: string, locale: string) =>
  formatter(locale, 'UTC', { month: 'long', year: 'numeric' }).format(new Date(`${yearMonth}-01T00:00:00Z`));

/** The year an ISO date falls in, in the site's zone, for copyright lines. */
export const yearOf = (iso: string, ctx: DateContext) => formatter(ctx.locale, ctx.timeZone, { year: 'numeric' }).format(new Date(iso));
