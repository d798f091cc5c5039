/** Pieces several pages share: result cards, notices, links, offering summaries. */
import { type Html, highlightHtml, html } from '../html.js';
import { type Locale, localized } from '../i18n/locale.js';
import type { Card } from '../queries.js';

/** Permanent URL of an entry's page: `/credentials/{id}`, the id readable (its `:` kept). */
export function entryPath(locale: Locale, id: string): string {
  return `${locale.prefix}/credentials/${id.split(':').map(encodeURIComponent).join(':')}`;
}

export function institutionPath(locale: Locale, code: string): string {
  return `${locale.prefix}/institutions/${encodeURIComponent(code)}`;
}

/** Text in the page's language where the data has it, marked with its own language where it falls back. */
export function localizedText(locale: Locale, english: string, french: string | null | undefined): Html {
  const { text, lang } = localized(locale, english, french);
  return lang === locale.code ? html`${text}` : html`<span lang="${lang}">${text}</span>`;
}

export function institutionName(
  locale: Locale,
  institution: { code: string; name: string | null; nameFr: string | null } | null | undefined,
  fallbackCode?: string,
): Html {
  if (!institution?.name) return html`${institution?.code ?? fallbackCode ?? ''}`;
  return localizedText(locale, institution.name, institution.nameFr);
}

export function institutionPlainName(
  locale: Locale,
  institution: { code: string; name: string | null; nameFr: string | null } | null | undefined,
): string {
  if (!institution?.name) return institution?.code ?? '';
  return localized(locale, institution.name, institution.nameFr).text;
}

export type NoticeKind = 'warning' | 'error' | 'info';

export function notice(kind: NoticeKind, content: Html | string): Html {
  const role = kind === 'info' ? '' : html` role="${kind === 'error' ? 'alert' : 'status'}"`;
  return html`<div class="notice notice-${kind}"${role}><p>${content}</p></div>`;
}

/** Today in UTC as `YYYY-MM-DD`, the same calendar the contract's Date scalar uses. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The soonest upcoming intake and the lowest upcoming price (what a card shows). */
export function upcoming(offerings: ReadonlyArray<{ startDate: string; priceCad: number }>) {
  const future = offerings.filter((offering) => offering.startDate >= today());
  const next = [...future].sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  const lowestPrice = future.length ? Math.min(...future.map((offering) => offering.priceCad)) : undefined;
  return { nextStart: next?.startDate, lowestPrice, count: future.length };
}

export function priceText(locale: Locale, lowestPrice: number | undefined, count: number): string {
  if (lowestPrice === undefined) return '—';
  return count > 1 ? `${locale.t.from} ${locale.money(lowestPrice)}` : locale.money(lowestPrice);
}

/** What a result card shows, whether read from the owner (an institution's page) or from the search index. */
export interface CardView {
  id: string;
  title: string;
  titleFr: string | null;
  institution: { code: string; name: string | null; nameFr: string | null };
  instructionalHours: number;
  deliveryMode: string;
  nextStart: string | undefined;
  lowestPrice: number | undefined;
  /** More than one upcoming price: the card says "from". */
  priceFrom: boolean;
  oqfBand: string | null;
}

export function entryCard(card: Card): CardView {
  const { nextStart, lowestPrice, count } = upcoming(card.offerings);
  return { ...card, nextStart, lowestPrice, priceFrom: count > 1, oqfBand: card.oqfAlignment?.band ?? null };
}

export interface CardOptions {
  index: number;
  highlights?: Array<{ field: string; snippet: string }>;
  /** Form id the card's "Compare" checkbox belongs to. */
  compareForm?: string;
}

export function resultCard(locale: Locale, card: CardView, options: CardOptions): Html {
  const { t } = locale;
  const headingId = `card-${options.index}`;
  const { nextStart, lowestPrice } = card;
  const description =
    options.highlights?.find((h) => h.field === (locale.code === 'fr' ? 'DESCRIPTION_FR' : 'DESCRIPTION')) ??
    options.highlights?.find((h) => h.field.startsWith('DESCRIPTION') || h.field === 'SKILL');
  const checkboxId = `compare-${options.index}`;
  return html`<article class="card" aria-labelledby="${headingId}" data-id="${card.id}">
<h3 id="${headingId}"><a href="${entryPath(locale, card.id)}">${localizedText(locale, card.title, card.titleFr)}</a></h3>
<p class="card-institution"><a href="${institutionPath(locale, card.institution.code)}">${institutionName(locale, card.institution)}</a></p>
<dl class="facts">
<div><dt>${t.detailHours}</dt><dd>${locale.number(card.instructionalHours)}</dd></div>
<div><dt>${t.detailDelivery}</dt><dd>${enumLabel(locale, 'DeliveryMode', card.deliveryMode)}</dd></div>
<div><dt>${t.price}</dt><dd>${priceText(locale, lowestPrice, card.priceFrom ? 2 : 1)}</dd></div>
<div><dt>${t.nextStart}</dt><dd>${nextStart ? locale.date(nextStart) : t.noUpcomingIntake}</dd></div>
${card.oqfBand ? html`<div><dt>${t.facets.oqfBand}</dt><dd>${enumLabel(locale, 'OqfBand', card.oqfBand)}</dd></div>` : ''}
</dl>
${description ? html`<p class="snippet">${highlightHtml(description.snippet)}</p>` : ''}
${
  options.compareForm
    ? html`<p class="card-compare"><input type="checkbox" id="${checkboxId}" name="id" value="${card.id}" form="${options.compareForm}">
<label for="${checkboxId}">${t.compareThis}<span class="visually-hidden"> ${localized(locale, card.title, card.titleFr).text}</span></label></p>`
    : ''
}
</article>`;
}

/** The unavailable stand-in for a hit whose institution did not answer. */
export function unavailableCard(locale: Locale): Html {
  return html`<article class="card card-unavailable"><p>${locale.t.entryUnavailable}</p></article>`;
}

type EnumGroups = Locale['t']['enums'];

/** The reader's label for a contract enum value; an unknown value (a newer contract) shows as sent. */
export function enumLabel<G extends keyof EnumGroups>(locale: Locale, group: G, value: string): string {
  const labels = locale.t.enums[group] as Record<string, string>;
  return labels[value] ?? value;
}

/** One notice naming the institutions that did not answer (by name where the registry knows it). */
export function institutionsNotice(
  locale: Locale,
  codes: readonly string[],
  known: ReadonlyArray<{ code: string; name: string; nameFr: string | null }> | null | undefined,
): Html | '' {
  if (!codes.length) return '';
  const names = codes.map((code) =>
    institutionPlainName(locale, known?.find((i) => i.code === code) ?? { code, name: null, nameFr: null }),
  );
  return notice('warning', locale.t.institutionsUnavailable(names.join(', ')));
}

/** A count message as a `{n}` template, for the client script's live announcements. */
function countTemplate(message: (count: number) => string): string {
  return message(987654).replace('987654', '{n}');
}

/** Attributes that make a search box container a suggestions combobox (portal.js). */
export function suggestAttributes(locale: Locale): Html {
  const { t } = locale;
  return html`data-suggest data-label="${t.suggestions}" data-many="${countTemplate(t.suggestionsAvailable)}" data-none="${t.suggestionsAvailable(0)}"`;
}

export function compareCountAttributes(locale: Locale): Html {
  return html`data-compare-count data-selected="${countTemplate(locale.t.compareSelectedCount)}"`;
}
