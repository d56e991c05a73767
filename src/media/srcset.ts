/**
 * The `srcset` attribute for an image's variants, narrowest first: "url 480w, url 960w, …".
 * Empty when there are none (an image narrower than the smallest width), so the caller falls back to `src`.
 */
export function srcset(variants: ReadonlyArray<{ width: number; url: string }>): string {
  return [...variants]
    .sort((a, b) => a.width - b.width)
    .map((v) => `${v.url} ${v.width}w`)
    .join(', ');
}
