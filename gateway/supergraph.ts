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

export function composeSupergraph(urls: { framework: string; search?: string }): string {
  const services = [
    { name: 'catalogue', url: catalogueShardsUrl, typeDefs: loadSchemaDocument('catalogue') },
    { name: 'framework', url: urls.framework, typeDefs: loadSchemaDocument('framework') },
    ...(urls.search ? [{ name: 'search', url: urls.search, typeDefs: loadSchemaDocument('search') }] : []),
    { name: 'linkedData', url: linkedDataUrl, typeDefs: loadSchemaDocument('linkedData') },
  ];
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`The contracts in schema/ do not compose:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.supergraphSdl;
}
