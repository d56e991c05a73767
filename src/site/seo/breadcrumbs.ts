import { absolute } from '../views/chrome.js';

/** One step of a trail: a name and the path (or absolute URL) of its page. */
export interface Crumb {
  name: string;
  path: string;
}

/** A schema.org BreadcrumbList from Home down to the page, every item an absolute URL. */
export function breadcrumbsJsonLd(siteUrl: string, siteName: string, trail: Crumb[]) {
  const steps = [{ name: siteName, path: '/' }, ...trail];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: steps.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.name, item: absolute(siteUrl, step.path) })),
  };
}
