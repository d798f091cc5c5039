/**
 * sitemap.xml (sitemaps.org protocol 0.9) of the permanent URLs: every public
 * entry with its last update, and every institution.
 */
import type { CatalogueListing } from './exportQueries.js';

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (character) => xmlEscapes[character]!);

export function sitemapXml(entries: CatalogueListing[], institutionUrls: string[]): string {
  const urls = [
    ...institutionUrls.map((url) => `<url><loc>${xml(url)}</loc></url>`),
    ...entries.map((entry) => `<url><loc>${xml(entry.url)}</loc><lastmod>${xml(entry.updatedAt)}</lastmod></url>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
