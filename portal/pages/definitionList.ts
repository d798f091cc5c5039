/** Small pieces of an entry page's definition lists, shared by its sections. */
import type { Locale } from '../i18n/locale.js';
import { type Html, html, safeHref } from '../html.js';

/** One term and its value; nothing when there is no value (a field the entry leaves empty). */
export function item(term: string, value: Html | string | false | null | undefined): Html | '' {
  if (value === false || value === null || value === undefined || value === '') return '';
  return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

export function list(values: ReadonlyArray<Html | string>): Html {
  return html`<ul>${values.map((value) => html`<li>${value}</li>`)}</ul>`;
}

export function link(url: string | null | undefined, text: string): Html | string {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener">${text}</a>` : text;
}

/** A contract `Money`: in dollars when Canadian (as every price on the portal), else with its currency code. */
export function moneyText(locale: Locale, money: { amount: number; currency: string }): string {
  return money.currency === 'CAD' ? locale.money(money.amount) : `${locale.number(money.amount)} ${money.currency}`;
}

export function contactText(contact: { name: string; email: string; phone: string | null }): Html {
  const phone = contact.phone ? html`, <a href="tel:${contact.phone.replace(/[^+\d]/g, '')}">${contact.phone}</a>` : '';
  return html`${contact.name}, <a href="mailto:${contact.email}">${contact.email}</a>${phone}`;
}
