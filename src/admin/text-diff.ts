export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** The words a reader sees in an HTML fragment, in order. */
export const wordsOf = (html: string) =>
  html
    .replace(/<\/(p|h2|h3|h4|li|blockquote|figcaption)>/g, ' ¶ ')
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/**
 * A word-level diff by longest common subsequence, with runs of the same kind merged. Quadratic,
 * which is fine for an article (a few thousand words); longer inputs are compared by their ends only.
 */
export function diffWords(before: string[], after: string[]): DiffPart[] {
  const MAX = 4000;
  const a = before.slice(0, MAX);
  const b = after.slice(0, MAX);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], word: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += ` ${word}`;
    else parts.push({ kind, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return parts;
}
