import type { ComponentChildren } from 'preact';
import { hreflangAlternates, pathIn, type PageLanguage } from '../page-language.js';
import { absolute, type Chrome, type PageMeta } from './chrome.js';
import { useLocalPath, useMessages } from './page-context.js';

const isPath = (pathOrUrl: string) => pathOrUrl.startsWith('/');

/** The frame of every public page: head, masthead with section menus, main content and footer. */
export function Layout({ chrome, meta, children }: { chrome: Chrome; meta: PageMeta; children: ComponentChildren }) {
  const { settings, page } = chrome;
  const local = useLocalPath();
  const messages = useMessages();
  const title = meta.title === settings.siteName ? meta.title : messages.t('page.title', { title: meta.title, siteName: settings.siteName });
  const image = meta.image ? absolute(chrome.siteUrl, meta.image) : null;
  const canonical = absolute(chrome.siteUrl, isPath(meta.canonical) ? local(meta.canonical) : meta.canonical);
  const sitePath = meta.path ?? (isPath(meta.canonical) ? meta.canonical : '/');
  return (
    <html lang={page.language.code} dir={page.language.direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={canonical} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : <Alternates chrome={chrome} meta={meta} sitePath={sitePath} />}
        <meta property="og:site_name" content={settings.siteName} />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={page.language.code} />
        {image && <meta property="og:image" content={image} />}
        <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        {meta.article?.publishedTime && <meta property="article:published_time" content={meta.article.publishedTime} />}
        {meta.article && <meta property="article:modified_time" content={meta.article.modifiedTime} />}
        {meta.article?.authorUrls.map((url) => (
          <meta key={url} property="article:author" content={url} />
        ))}
        {meta.feeds?.map((f) => (
          <link key={f.href} rel="alternate" type={f.type} title={f.title} href={local(f.href)} />
        ))}
        {meta.jsonLd?.map((data, i) => (
          // JSON-LD is data, not script; "<" is escaped so no text in it can close the element.
          <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }} />
        ))}
        <link rel="stylesheet" href={chrome.stylesheetUrl} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip" href="#main">{messages.t('page.skipToContent')}</a>
        <header class="masthead">
          <div class="wrap">
            <a class="brand" href={local('/')}>{settings.siteName}</a>
            {settings.tagline && <p class="tagline">{settings.tagline}</p>}
            <LanguageMenu page={page} sitePath={sitePath} existing={meta.languages} />
            <form class="site-search" action={local('/search')} method="get" role="search" aria-label={messages.t('nav.searchLandmark')}>
              <label class="visually-hidden" for="site-search-q">{messages.t('search.fieldLabel')}</label>
              <input id="site-search-q" type="search" name="q" maxLength={200} placeholder={messages.t('search.fieldLabel')} />
              <button type="submit">{messages.t('search.submit')}</button>
            </form>
          </div>
          <nav class="sections wrap" aria-label={messages.t('nav.sections')}>
            <ul>
              {chrome.regions.map((t) => (
                <li key={t.id}><a href={local(`/regions/${t.slug}`)}>{t.name}</a></li>
              ))}
            </ul>
            <ul>
              {chrome.themes.map((t) => (
                <li key={t.id}><a href={local(`/themes/${t.slug}`)}>{t.name}</a></li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap">{children}</main>
        <Footer chrome={chrome} />
      </body>
    </html>
  );
}

/**
 * `hreflang` alternates: this page in each language it exists in (the site's own unprefixed), and
 * `x-default` for readers whose language is not among them. Every version lists the same set.
 */
function Alternates({ chrome, meta, sitePath }: { chrome: Chrome; meta: PageMeta; sitePath: string }) {
  const { page } = chrome;
  const alternates = hreflangAlternates(chrome.siteUrl, page, sitePath, meta.languages ?? [page.site.code, ...page.languages.map((l) => l.code)]);
  return (
    <>
      {alternates.map((a) => (
        <link key={a.hreflang} rel="alternate" hreflang={a.hreflang} href={a.href} />
      ))}
    </>
  );
}

/**
 * The "Translate" control: every language by its own name, as plain links to this page in it, in a
 * disclosure element, so it works without JavaScript and search engines can follow it. A link to a
 * version that does not exist yet (`existing` leaves it out) is `nofollow`: following it queues a
 * translation, which is for readers to ask for, not crawlers.
 */
function LanguageMenu({ page, sitePath, existing }: { page: PageLanguage; sitePath: string; existing?: readonly string[] | undefined }) {
  const messages = useMessages();
  const languages = page.languages.some((l) => l.code === page.site.code) ? page.languages : [page.site, ...page.languages];
  return (
    <details class="language-menu">
      <summary>
        {messages.t('language.control')} <span lang={page.language.code}>({page.language.nativeName})</span>
      </summary>
      <ul aria-label={messages.t('language.menuLabel')}>
        {languages.map((l) => (
          <li key={l.code}>
            <a
              href={pathIn(page, l, sitePath)}
              hreflang={l.code}
              lang={l.code}
              dir={l.direction}
              rel={existing && !existing.includes(l.code) ? 'nofollow' : undefined}
              aria-current={l.code === page.language.code ? 'true' : undefined}
            >
              {l.nativeName}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Footer({ chrome }: { chrome: Chrome }) {
  const { settings } = chrome;
  const local = useLocalPath();
  const messages = useMessages();
  const email = <a href={`mailto:${settings.mediaInquiriesEmail}`}>{settings.mediaInquiriesEmail}</a>;
  return (
    <footer class="site-footer">
      <div class="wrap">
        {chrome.dossiers.length > 0 && (
          <nav aria-label={messages.t('footer.dossiers')}>
            <h2>{messages.t('footer.dossiers')}</h2>
            <ul>
              {chrome.dossiers.map((t) => (
                <li key={t.id}><a href={local(`/dossiers/${t.slug}`)}>{t.name}</a></li>
              ))}
            </ul>
          </nav>
        )}
        <NewsletterSignup />
        <FollowLinks chrome={chrome} />
        <p>{messages.parts('footer.mediaInquiries', { email })}</p>
        <p>
          <a href={local('/archive')}>{messages.t('footer.archive')}</a>
        </p>
        <p class="copyright">{messages.t('footer.copyright', { holder: settings.copyrightHolder, year: chrome.year })}</p>
      </div>
    </footer>
  );
}

/** The footer's sign-up form: the same for every reader, so a cached page stays shareable. */
function NewsletterSignup() {
  const local = useLocalPath();
  const messages = useMessages();
  return (
    <form class="newsletter-signup" action={local('/newsletter')} method="post" aria-labelledby="footer-newsletter-heading">
      <h2 id="footer-newsletter-heading">{messages.t('newsletterSignup.heading')}</h2>
      <p>
        {messages.t('newsletterSignup.pitch')} <a href={local('/newsletter')}>{messages.t('newsletterSignup.about')}</a>
      </p>
      <label for="footer-newsletter-email">{messages.t('newsletterSignup.emailLabel')}</label>
      <input id="footer-newsletter-email" type="email" name="email" required maxLength={254} autocomplete="email" />
      <input type="hidden" name="form" value="footer" />
      <button type="submit">{messages.t('newsletterSignup.submit')}</button>
    </form>
  );
}

/**
 * The publication's own accounts, from settings. The site footer's copy is the navigation landmark;
 * a second copy (an article's footer) is plain content, since two landmarks of one name confuse screen readers.
 */
export function FollowLinks({ chrome, landmark = true }: { chrome: Chrome; landmark?: boolean }) {
  const messages = useMessages();
  if (chrome.settings.socialLinks.length === 0) return null;
  const Tag = landmark ? 'nav' : 'div';
  return (
    <Tag class="follow" aria-label={landmark ? messages.t('follow.landmark', { siteName: chrome.settings.siteName }) : undefined}>
      <h2>{messages.t('follow.heading')}</h2>
      <ul>
        {chrome.settings.socialLinks.map((l) => (
          <li key={l.url}><a href={l.url} rel="me noopener">{l.label}</a></li>
        ))}
      </ul>
    </Tag>
  );
}
