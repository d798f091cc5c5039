/** The page shell every portal page shares: language, landmarks, skip link, navigation, language switch. */
import { type Html, html } from '../html.js';
import type { Locale } from '../i18n/locale.js';
import { locales } from '../i18n/locale.js';

export type Section = 'search' | 'compare' | 'planner' | 'other';

export interface PageOptions {
  locale: Locale;
  title: string;
  /** This page's path and query without the language prefix, e.g. `/credentials/humber:x`. */
  localPath: string;
  section: Section;
  body: Html;
  /** Extra elements for <head>, e.g. JSON-LD. */
  head?: Html;
}

export function page({ locale, title, localPath, section, body, head }: PageOptions): string {
  const { t } = locale;
  const other = locale.code === 'en' ? locales.fr : locales.en;
  const href = (locale: Locale) =>
    locale.prefix ? `${locale.prefix}${localPath === '/' ? '' : localPath}` : localPath;
  const navItem = (target: Section, path: string, label: string) =>
    html`<li><a href="${locale.prefix}${path}"${target === section ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return `<!doctype html>${html`<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${t.siteName}</title>
<meta name="description" content="${t.siteTagline}">
<link rel="stylesheet" href="/assets/portal.css">
<link rel="alternate" hreflang="${locales.en.t.htmlLang}" href="${href(locales.en)}">
<link rel="alternate" hreflang="${locales.fr.t.htmlLang}" href="${href(locales.fr)}">
<script src="/assets/portal.js" defer></script>
${head}
</head>
<body>
<a class="skip-link" href="#main">${t.skipToContent}</a>
<header class="site-header">
<div class="wrap header-row">
<a class="brand" href="${locale.prefix}/">${t.siteName}</a>
<nav aria-label="${t.mainNavigation}"><ul>
${navItem('search', '/', t.navSearch)}${navItem('compare', '/compare', t.navCompare)}${navItem('planner', '/planner', t.navPlanner)}
</ul></nav>
<a class="language-switch" href="${href(other)}" lang="${other.t.htmlLang}" hreflang="${other.t.htmlLang}">${t.switchLanguage}</a>
</div>
</header>
<main id="main" tabindex="-1"><div class="wrap">
${body}
</div></main>
<footer class="site-footer"><div class="wrap">
<p>${t.sampleData}</p>
<p>${t.footerApi}: <a href="/graphql">/graphql</a></p>
</div></footer>
</body>
</html>`}`;
}
