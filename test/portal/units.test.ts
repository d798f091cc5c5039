/** The portal's pure parts: escaping, URL state parsing, and its GraphQL documents against the public schema. */
import { composeServices } from '@apollo/composition';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightHtml, html, jsonForScript, safeHref } from '../../portal/html.js';
import { en } from '../../portal/i18n/en.js';
import { fr } from '../../portal/i18n/fr.js';
import { idsFrom } from '../../portal/ids.js';
import * as queries from '../../portal/queries.js';
import { parseSearch, searchFilter, searchQueryString } from '../../portal/searchParams.js';
import { type ContractName, loadSchemaDocument } from '../../runtime/schemaFiles.js';

describe('html templates', () => {
  it('escape every interpolated value, arrays included, and keep nested templates', () => {
    const hostile = '<script>alert("x")</script>';
    const rendered = html`<p title="${hostile}">${[hostile, html`<b>${'&'}</b>`]}</p>`.toString();
    expect(rendered).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<b>&amp;</b></p>',
    );
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
  it('keep only <mark> from search highlights', () => {
    expect(highlightHtml('a <mark>data</mark> <img src=x onerror=alert(1)>b').toString()).toBe('a <mark>data</mark> b');
  });
  it('link only http(s) URLs from data', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
    expect(safeHref('https://humber.ca/register?x=1')).toBe('https://humber.ca/register?x=1');
  });
  it('keep JSON-LD from closing its script element', () => {
    const out = jsonForScript({ name: '</script><script>alert(1)</script>' }).toString();
    expect(out).not.toContain('</script');
    expect(JSON.parse(out).name).toBe('</script><script>alert(1)</script>');
  });
});

describe('search URL state', () => {
  const facets = queries.facetNames;
  it('turns valid parameters into the API filter and back into the same URL', () => {
    const params = new URLSearchParams(
      'q=data&deliveryMode=ONLINE_ASYNCHRONOUS&deliveryMode=HYBRID&osapEligible=true&hoursMax=40&startFrom=2027-01-01&sort=COST_ASC&page=2',
    );
    const { state, rejected } = parseSearch(params, facets);
    expect(rejected).toEqual([]);
    expect(searchFilter(state)).toEqual({
      deliveryModes: ['ONLINE_ASYNCHRONOUS', 'HYBRID'],
      osapEligible: true,
      hours: { min: undefined, max: 40 },
      nextStartDate: { from: '2027-01-01', to: undefined },
    });
    expect(parseSearch(new URLSearchParams(searchQueryString(state)), facets).state).toEqual(state);
  });
  it('drops and reports values outside the contract', () => {
    const params = new URLSearchParams(
      'deliveryMode=TELEPATHY&institution=../../etc&hoursMin=-3&startTo=2027-02-30&page=0&sort=RANDOM&occupation=12345',
    );
    const { state, rejected } = parseSearch(params, facets);
    expect(rejected).toHaveLength(6);
    expect(state.selected).toEqual({ occupation: ['12345'] });
    expect(state.page).toBe(1);
    expect(state.sort).toBe('RELEVANCE');
  });
  it('reads reversed bounds as the range between them, and both booleans as no restriction', () => {
    const { state } = parseSearch(
      new URLSearchParams('costMin=500&costMax=100&osapEligible=true&osapEligible=false'),
      facets,
    );
    expect(searchFilter(state)).toEqual({ cost: { min: 100, max: 500 } });
  });
  it('accepts only well-formed micro-credential ids, at most the limit', () => {
    expect(idsFrom(['humber:a', 'x', 'humber:a', 'seneca:b', 'algonquin:c'], 2)).toEqual({
      ids: ['humber:a', 'seneca:b'],
      dropped: true,
    });
  });
});

describe('the portal uses only the public API', () => {
  const names: ContractName[] = ['catalogue', 'framework', 'search'];
  const composed = composeServices(
    names.map((name) => ({ name, url: `http://${name}.invalid`, typeDefs: loadSchemaDocument(name) })),
  );
  const schema = composed.schema!.toAPISchema().toGraphQLJSSchema();
  const documents = {
    search: queries.searchQuery,
    suggestions: queries.suggestionsQuery,
    detail: queries.detailQuery,
    institutionName: queries.institutionNameQuery,
    institution: queries.institutionQuery,
    compare: queries.compareQuery(4),
    planner: queries.plannerQuery,
    titles: queries.titlesQuery(3),
  };
  it.each(Object.entries(documents))('%s validates against the public schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });
});

describe('message catalogues', () => {
  it('translate every message (no French string left equal to the English one, names aside)', () => {
    const same: string[] = [];
    const walk = (a: unknown, b: unknown, path: string) => {
      if (typeof a === 'string' || typeof a === 'function') {
        const [english, french] = typeof a === 'function' ? [a('3', '3'), (b as typeof a)('3', '3')] : [a, b];
        if (english === french && english.length > 12) same.push(path);
      } else if (a && typeof a === 'object')
        for (const key of Object.keys(a)) walk((a as never)[key], (b as never)[key], `${path}.${key}`);
    };
    walk(en, fr, 't');
    expect(same).toEqual([]);
  });
});
