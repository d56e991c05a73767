import { escapeHtml } from '../escape-html.js';

/** One article as the newsletter shows it. Every URL is absolute. */
export interface IssueArticle {
  title: string;
  dek: string;
  url: string;
  authors: string[];
  kicker?: string;
  imageUrl?: string;
  imageAlt?: string;
  /** The image's own size, so its box keeps the right shape where CSS is ignored; 3:2 is assumed without it. */
  imageWidth?: number;
  imageHeight?: number;
}

/** One day's issue, in the language of the subscriber it goes to. */
export interface NewsletterIssue {
  /** The day of the issue, YYYY-MM-DD. */
  date: string;
  /** The editors' note, plain text; blank lines separate paragraphs. May be empty. */
  intro: string;
  articles: IssueArticle[];
}

export interface IssueEmailOptions {
  siteName: string;
  siteUrl: string;
  /** The subscriber's language (BCP 47): the document's lang and dir, and how the date is written. */
  language: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
  archiveUrl: string;
  /** The sender's postal address or similar legal line, shown at the foot. */
  postalLine?: string;
}

export interface IssueEmail {
  subject: string;
  html: string;
  text: string;
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const INK = '#1d1d1b';
const MUTED = '#5f5b53';
const ACCENT = '#9e2a2b';
const PAPER = '#f3f1ec';
const CARD = '#ffffff';
const CONTENT_WIDTH = 536; // 600 less the 32px padding either side
const HEADLINE_IN_SUBJECT = 60;

// Only where the client reads <style> (dark mode, narrow screens); everything else is inline.
const EXTRA_STYLE = `@media (max-width:620px){.bs-card{width:100% !important}.bs-pad{padding-left:16px !important;padding-right:16px !important}.bs-img{width:100% !important;height:auto !important}}
@media (prefers-color-scheme:dark){.bs-body,.bs-page{background-color:#161614 !important}.bs-card{background-color:#22221f !important}.bs-ink{color:#ecebe6 !important}.bs-muted{color:#b4b0a6 !important}}`;

/**
 * The newsletter for one subscriber: an HTML part built to survive common mail clients (table
 * layout, inline styles, no tracking pixel, links exactly as given) and a plain-text part with the
 * same content. Everything from the issue is escaped, so a headline is always text.
 */
export function renderIssueEmail(issue: NewsletterIssue, options: IssueEmailOptions): IssueEmail {
  const links = [options.siteUrl, options.unsubscribeUrl, options.preferencesUrl, options.archiveUrl, ...issue.articles.flatMap((a) => (a.imageUrl ? [a.url, a.imageUrl] : [a.url]))];
  links.forEach(assertAbsolute);
  const date = dateFormat(options.language).format(new Date(`${issue.date}T00:00:00Z`));
  const subject = subjectLine(options.siteName, date, issue.articles[0]?.title);
  return {
    subject,
    html: renderHtml(issue, options, date, subject),
    text: renderText(issue, options, date),
  };
}

function assertAbsolute(url: string) {
  // The renderer takes URLs from our own services; anything else here is a bug, not an input to clean.
  if (!/^https?:\/\/\S+$/i.test(url)) throw new Error(`newsletter links must be absolute http(s) URLs: ${url}`);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function subjectLine(siteName: string, date: string, headline: string | undefined): string {
  const head = `${oneLine(siteName)}: ${date}`;
  return headline ? `${head} · ${cut(oneLine(headline), HEADLINE_IN_SUBJECT)}` : head;
}

/** At most `max` characters, ending on a word where one ends near the limit. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const hard = chars.slice(0, max - 1).join('');
  const space = hard.lastIndexOf(' ');
  return `${space > max * 0.6 ? hard.slice(0, space) : hard}…`;
}

/**
 * One of `make`'s results per language, kept. A send renders an issue once per subscriber, and Intl
 * objects hold native memory that only a full collection returns: made per copy, they grew a
 * 10,000-copy send by some 250 MiB. Languages are few; the bound only guards against a surprise.
 */
function perLanguage<T>(make: (language: string) => T): (language: string) => T {
  const made = new Map<string, T>();
  return (language) => {
    let value = made.get(language);
    if (value === undefined) {
      if (made.size >= 500) made.clear();
      value = make(language);
      made.set(language, value);
    }
    return value;
  };
}

const dateFormat = perLanguage((language) => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }));
const listFormat = perLanguage((language) => new Intl.ListFormat(language, { type: 'conjunction' }));
const direction = perLanguage((language): 'ltr' | 'rtl' => {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { textInfo?: { direction?: string } };
    return locale.textInfo?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
});

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

function authorList(authors: string[], language: string): string {
  return listFormat(language).format(authors.map(oneLine).filter(Boolean));
}

function renderHtml(issue: NewsletterIssue, options: IssueEmailOptions, date: string, subject: string): string {
  const dir = direction(options.language);
  const align = dir === 'rtl' ? 'right' : 'left';
  const text = (size: number, color: string, extra = '') =>
    `margin:0;font-family:${FONT};font-size:${size}px;line-height:1.5;color:${color};text-align:${align};${extra}`;
  const preheader = oneLine(issue.intro) || oneLine(issue.articles[0]?.dek ?? '') || subject;

  const intro = paragraphs(issue.intro)
    .map((p) => `<p class="bs-ink" style="${text(16, INK, 'margin-bottom:12px;')}">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

  const articles = issue.articles.map((article, index) => {
    const imageHeight =
      article.imageWidth && article.imageHeight ? Math.round((CONTENT_WIDTH * article.imageHeight) / article.imageWidth) : Math.round((CONTENT_WIDTH * 2) / 3);
    const image = article.imageUrl
      ? `<a href="${escapeHtml(article.url)}" style="text-decoration:none;"><img class="bs-img" src="${escapeHtml(article.imageUrl)}" width="${CONTENT_WIDTH}" height="${imageHeight}" alt="${escapeHtml(article.imageAlt ?? '')}" style="display:block;width:100%;max-width:${CONTENT_WIDTH}px;height:auto;border:0;outline:none;text-decoration:none;margin:0 0 12px 0;"></a>`
      : '';
    const kicker = article.kicker?.trim()
      ? `<p style="${text(12, ACCENT, 'font-weight:700;letter-spacing:0.06em;text-transform:uppercase;margin-bottom:4px;')}">${escapeHtml(oneLine(article.kicker))}</p>`
      : '';
    const byline = article.authors.length
      ? `<p class="bs-muted" style="${text(14, MUTED, 'margin-bottom:8px;')}">${escapeHtml(authorList(article.authors, options.language))}</p>`
      : '';
    const dek = article.dek.trim() ? `<p class="bs-ink" style="${text(16, INK, 'margin-bottom:16px;')}">${escapeHtml(oneLine(article.dek))}</p>` : '';
    const rule = index === 0 ? '' : `border-top:1px solid #e2ded5;`;
    return `<tr><td class="bs-pad" style="padding:24px 32px 8px 32px;${rule}">${image}${kicker}<h2 style="${text(22, INK, 'line-height:1.25;font-weight:700;margin-bottom:8px;')}"><a class="bs-ink" href="${escapeHtml(article.url)}" style="color:${INK};text-decoration:none;">${escapeHtml(oneLine(article.title))}</a></h2>${byline}${dek}${button(article.url, 'Read the article', align)}</td></tr>`;
  });

  const footerLink = (url: string, label: string) => `<a class="bs-muted" href="${escapeHtml(url)}" style="color:${MUTED};text-decoration:underline;">${label}</a>`;
  const footer = `<tr><td class="bs-pad" style="padding:24px 32px 32px 32px;border-top:1px solid #e2ded5;">
<p class="bs-muted" style="${text(13, MUTED, 'margin-bottom:8px;')}">You receive this because you subscribed to ${escapeHtml(oneLine(options.siteName))}.</p>
<p class="bs-muted" style="${text(13, MUTED, 'margin-bottom:8px;')}">${footerLink(options.archiveUrl, 'Past issues')} · ${footerLink(options.preferencesUrl, 'Preferences')} · ${footerLink(options.unsubscribeUrl, 'Unsubscribe')}</p>
${options.postalLine?.trim() ? `<p class="bs-muted" style="${text(13, MUTED)}">${escapeHtml(oneLine(options.postalLine))}</p>` : ''}
</td></tr>`;

  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.language)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(subject)}</title>
<style>${EXTRA_STYLE}</style>
</head>
<body class="bs-body" style="margin:0;padding:0;width:100%;background-color:${PAPER};">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;font-size:1px;line-height:1px;color:${PAPER};mso-hide:all;">${escapeHtml(cut(preheader, 140))}</div>
<table role="presentation" class="bs-page" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;background-color:${PAPER};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" class="bs-card" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;margin:0 auto;border-collapse:collapse;background-color:${CARD};">
<tr><td class="bs-pad" style="padding:28px 32px 20px 32px;border-bottom:3px solid ${INK};">
<p style="${text(26, INK, 'font-weight:800;line-height:1.2;')}"><a class="bs-ink" href="${escapeHtml(options.siteUrl)}" style="color:${INK};text-decoration:none;">${escapeHtml(oneLine(options.siteName))}</a></p>
<p class="bs-muted" style="${text(14, MUTED, 'margin-top:4px;')}">${escapeHtml(date)}</p>
</td></tr>
${intro ? `<tr><td class="bs-pad" style="padding:24px 32px 8px 32px;">${intro}</td></tr>\n` : ''}${articles.join('\n')}
${footer}
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** A link styled as a button that holds its shape in Outlook: the colour sits on the table cell, not the link. */
function button(url: string, label: string, align: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" align="${align}" style="border-collapse:separate;margin:0 0 16px 0;"><tr><td bgcolor="${ACCENT}" style="border-radius:4px;background-color:${ACCENT};"><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;font-family:${FONT};font-size:15px;font-weight:600;line-height:1.2;color:#ffffff;text-decoration:none;border-radius:4px;">${label}</a></td></tr></table>`;
}

function renderText(issue: NewsletterIssue, options: IssueEmailOptions, date: string): string {
  const rule = '-'.repeat(40);
  const blocks = [
    `${oneLine(options.siteName)} - ${date}\n${options.siteUrl}`,
    ...paragraphs(issue.intro),
    ...issue.articles.map((a) =>
      [a.kicker?.trim() ? oneLine(a.kicker).toUpperCase() : '', oneLine(a.title), a.authors.length ? authorList(a.authors, options.language) : '', oneLine(a.dek), a.url]
        .filter(Boolean)
        .join('\n'),
    ),
    [
      `You receive this because you subscribed to ${oneLine(options.siteName)}.`,
      `Past issues: ${options.archiveUrl}`,
      `Preferences: ${options.preferencesUrl}`,
      `Unsubscribe: ${options.unsubscribeUrl}`,
      options.postalLine?.trim() ? oneLine(options.postalLine) : '',
    ]
      .filter(Boolean)
      .join('\n'),
  ];
  return `${blocks.join(`\n\n${rule}\n\n`)}\n`;
}
