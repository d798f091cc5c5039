/**
 * Composes the supergraph in-process from the checked-in contracts. The
 * catalogue appears once, whatever the number of institutions: its URL is a
 * placeholder because ShardedCatalogueDataSource routes every request itself.
 */
import { composeServices } from '@apollo/composition';
import { loadSchemaDocument } from '../runtime/schemaFiles.js';

const catalogueShardsUrl = 'http://catalogue.shards.invalid/graphql';
/** Served in-process by the gateway (gateway/linkedData): never fetched over HTTP. */
const linkedDataUrl = 'http://linked-data.local.invalid/graphql';

/** Stand-ins for the province services' URLs while composing; the real ones are put in afterwards. */
const frameworkStandIn = 'http://framework.compose.invalid/graphql';
const searchStandIn = 'http://search.compose.invalid/graphql';

/**
 * Composition takes about a second of CPU and depends only on the contracts and on which services take
 * part, not on their URLs (they only appear in `@join__graph(url:)`): each gateway started in this
 * process after the first (tests start dozens) reuses the composed supergraph with its own URLs.
 */
const composedByServices = new Map<string, string>();

export function composeSupergraph(urls: { framework: string; search?: string }): string {
  const key = urls.search ? 'with search' : 'without search';
  let supergraph = composedByServices.get(key);
  if (!supergraph) {
    supergraph = compose(urls.search !== undefined);
    composedByServices.set(key, supergraph);
  }
  const withUrl = (sdl: string, standIn: string, url: string) =>
    sdl.replaceAll(JSON.stringify(standIn), JSON.stringify(url));
  const withFramework = withUrl(supergraph, frameworkStandIn, urls.framework);
  return urls.search ? withUrl(withFramework, searchStandIn, urls.search) : withFramework;
}

function compose(withSearch: boolean): string {
  const services = [
    { name: 'catalogue', url: catalogueShardsUrl, typeDefs: loadSchemaDocument('catalogue') },
    { name: 'framework', url: frameworkStandIn, typeDefs: loadSchemaDocument('framework') },
    ...(withSearch ? [{ name: 'search', url: searchStandIn, typeDefs: loadSchemaDocument('search') }] : []),
    { name: 'linkedData', url: linkedDataUrl, typeDefs: loadSchemaDocument('linkedData') },
  ];
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`The contracts in schema/ do not compose:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.supergraphSdl;
}
