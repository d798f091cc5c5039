/** A page that only tells the reader something: not found, an institution down, the directory unavailable. */
import { html } from '../html.js';
import type { Locale } from '../i18n/locale.js';
import { notice } from './components.js';
import { page } from './layout.js';

export interface RenderedPage {
  status: number;
  html: string;
}

export function messagePage(
  locale: Locale,
  localPath: string,
  status: number,
  title: string,
  message: string,
): RenderedPage {
  const body = html`<h1>${title}</h1>
${notice(status >= 500 ? 'warning' : 'info', message)}
<p><a href="${locale.prefix}/">${locale.t.backToSearch}</a></p>`;
  return { status, html: page({ locale, title, localPath, section: 'other', body }) };
}
