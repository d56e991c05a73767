import { useMessages } from './page-context.js';

/**
 * Plain share links: each network's own share URL, opened by the reader's click. No third-party
 * script, widget or tracker is loaded.
 */
export function ShareLinks({ url, title, byline }: { url: string; title: string; byline: string }) {
  const messages = useMessages();
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    ['X', `https://x.com/intent/post?url=${u}&text=${t}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    ['Telegram', `https://t.me/share/url?url=${u}&text=${t}`],
    ['WhatsApp', `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`],
    ['LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${u}`],
    ['Reddit', `https://www.reddit.com/submit?url=${u}&title=${t}`],
    [messages.t('share.email'), `mailto:?subject=${t}&body=${encodeURIComponent(`${messages.t('share.emailBody', { title, authors: byline })}\n${url}`)}`],
  ] as const;
  return (
    <nav class="share" aria-label={messages.t('share.landmark')} data-share-url={url} data-share-title={title}>
      <h2>{messages.t('share.heading')}</h2>
      <ul>
        {links.map(([name, href]) => (
          <li key={name}>
            <a href={href} rel="noopener nofollow">
              {name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
