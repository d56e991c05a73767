/** "← Previous · Page 2 of 5 · Next →" under a newsroom list; nothing when there is one page. */
export function Pagination({ page, pages, link }: { page: number; pages: number; link: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 && <a href={link(page - 1)}>← Previous</a>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <a href={link(page + 1)}>Next →</a>}
    </nav>
  );
}
