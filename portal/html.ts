/**
 * HTML by template literals, escaped by default. `html\`…\`` escapes every
 * interpolated value unless it is itself Html (from another `html` template
 * or `trustedHtml`); arrays are joined; null, undefined and false render
 * nothing. Every byte of institution-supplied text goes through here:
 * institutions are untrusted parties.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = Html | string | number | null | undefined | false | readonly Interpolation[];

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new Html(out);
}

/** Markup that is already safe by construction; never pass text from a request or an institution. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

/**
 * A search highlight: the contract promises escaped text with `<mark>` tags.
 * Anything else that looks like a tag is dropped anyway, so a faulty search
 * service cannot inject markup into the portal.
 */
export function highlightHtml(snippet: string): Html {
  return new Html(snippet.replace(/<(?!\/?mark>)[^>]*>?/g, ''));
}

/** Only http(s) links from data; anything else (javascript:, data:) is not linked. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** JSON inside `<script type="application/ld+json">`: `<` and line separators escaped so no text can close the element. */
export function jsonForScript(value: unknown): Html {
  return new Html(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
