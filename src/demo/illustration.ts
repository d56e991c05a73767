import { createHash } from 'node:crypto';

/**
 * A small original SVG illustration for a demo article, drawn from its slug: a sky gradient,
 * a sun and layered hills, in colours derived from the slug so every article gets its own.
 */
export function demoIllustration(slug: string): string {
  const h = createHash('sha256').update(slug).digest();
  const hue = (i: number, spread = 360) => Math.round(((h[i] ?? 0) / 255) * spread);
  const base = hue(0);
  const sky = [`hsl(${base} 55% 78%)`, `hsl(${(base + 40) % 360} 60% 92%)`];
  const sunX = 200 + hue(1, 800);
  const sunY = 120 + hue(2, 140);
  const hills = [0, 1, 2].map((i) => {
    const y = 380 + i * 90;
    const a = y - 60 - hue(3 + i, 120);
    const b = y - 40 - hue(6 + i, 120);
    return `<path d="M0 ${y} C300 ${a} 700 ${b} 1200 ${y - hue(9 + i, 80)} V675 H0Z" fill="hsl(${(base + 160 + i * 20) % 360} 35% ${52 - i * 12}%)"/>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 675" width="1200" height="675">` +
    `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>` +
    `<rect width="1200" height="675" fill="url(#s)"/>` +
    `<circle cx="${sunX}" cy="${sunY}" r="${50 + hue(12, 40)}" fill="hsl(${(base + 20) % 360} 90% 88%)"/>` +
    hills.join('') +
    `</svg>`
  );
}
