import type { ComponentChildren } from 'preact';
import { absolute, type Chrome, type PageMeta } from './chrome.js';

/** The frame of every public page: head, masthead with section menus, main content and footer. */
export function Layout({ chrome, meta, children }: { chrome: Chrome; meta: PageMeta; children: ComponentChildren }) {
  const { settings } = chrome;
  const title = meta.title === settings.siteName ? meta.title : `${meta.title} — ${settings.siteName}`;
  const image = meta.image ? absolute(chrome.siteUrl, meta.image) : null;
  return (
    <html lang={settings.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={absolute(chrome.siteUrl, meta.canonical)} />
        {meta.noindex && <meta name="robots" content="noindex" />}
        <meta property="og:site_name" content={settings.siteName} />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={absolute(chrome.siteUrl, meta.canonical)} />
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
          <link key={f.href} rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        {meta.jsonLd?.map((data, i) => (
          // JSON-LD is data, not script; "<" is escaped so no text in it can close the element.
          <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }} />
        ))}
        <link rel="stylesheet" href={chrome.stylesheetUrl} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="masthead">
          <div class="wrap">
            <a class="brand" href="/">{settings.siteName}</a>
            {settings.tagline && <p class="tagline">{settings.tagline}</p>}
            <form class="site-search" action="/search" method="get" role="search" aria-label="Site">
              <label class="visually-hidden" for="site-search-q">Search articles</label>
              <input id="site-search-q" type="search" name="q" maxLength={200} placeholder="Search articles" />
              <button type="submit">Search</button>
            </form>
          </div>
          <nav class="sections wrap" aria-label="Sections">
            <ul>
              {chrome.regions.map((t) => (
                <li key={t.id}><a href={`/regions/${t.slug}`}>{t.name}</a></li>
              ))}
            </ul>
            <ul>
              {chrome.themes.map((t) => (
                <li key={t.id}><a href={`/themes/${t.slug}`}>{t.name}</a></li>
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

function Footer({ chrome }: { chrome: Chrome }) {
  const { settings } = chrome;
  return (
    <footer class="site-footer">
      <div class="wrap">
        {chrome.dossiers.length > 0 && (
          <nav aria-label="Dossiers">
            <h2>Dossiers</h2>
            <ul>
              {chrome.dossiers.map((t) => (
                <li key={t.id}><a href={`/dossiers/${t.slug}`}>{t.name}</a></li>
              ))}
            </ul>
          </nav>
        )}
        <NewsletterSignup />
        <FollowLinks chrome={chrome} />
        <p>
          Media inquiries: <a href={`mailto:${settings.mediaInquiriesEmail}`}>{settings.mediaInquiriesEmail}</a>
        </p>
        <p>
          <a href="/archive">Archive</a>
        </p>
        <p class="copyright">
          Copyright © {settings.copyrightHolder}, {chrome.year}
        </p>
      </div>
    </footer>
  );
}

/** The footer's sign-up form: the same for every reader, so a cached page stays shareable. */
function NewsletterSignup() {
  return (
    <form class="newsletter-signup" action="/newsletter" method="post" aria-labelledby="footer-newsletter-heading">
      <h2 id="footer-newsletter-heading">Newsletter</h2>
      <p>
        The day’s selected articles, every morning. <a href="/newsletter">About the newsletter</a>
      </p>
      <label for="footer-newsletter-email">Your email address</label>
      <input id="footer-newsletter-email" type="email" name="email" required maxLength={254} autocomplete="email" />
      <input type="hidden" name="form" value="footer" />
      <button type="submit">Subscribe</button>
    </form>
  );
}

/**
 * The publication's own accounts, from settings. The site footer's copy is the navigation landmark;
 * a second copy (an article's footer) is plain content, since two landmarks of one name confuse screen readers.
 */
export function FollowLinks({ chrome, landmark = true }: { chrome: Chrome; landmark?: boolean }) {
  if (chrome.settings.socialLinks.length === 0) return null;
  const Tag = landmark ? 'nav' : 'div';
  return (
    <Tag class="follow" aria-label={landmark ? `Follow ${chrome.settings.siteName}` : undefined}>
      <h2>Follow us</h2>
      <ul>
        {chrome.settings.socialLinks.map((l) => (
          <li key={l.url}><a href={l.url} rel="me noopener">{l.label}</a></li>
        ))}
      </ul>
    </Tag>
  );
}
