/**
 * Progressive enhancement of an article's share links: where the browser offers the system share
 * sheet (the Web Share API), a "Share…" button opens it. The plain links stay for everyone else,
 * and nothing here talks to a third party.
 */
const nav = document.querySelector<HTMLElement>('nav.share[data-share-url]');
if (nav && typeof navigator.share === 'function') {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'share-native';
  button.textContent = 'Share…';
  button.addEventListener('click', () => {
    // A reader closing the sheet rejects the promise; that is not an error worth showing.
    navigator.share({ title: nav.dataset.shareTitle ?? document.title, url: nav.dataset.shareUrl ?? location.href }).catch(() => {});
  });
  nav.querySelector('h2')?.after(button);
}
