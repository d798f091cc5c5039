/**
 * Linked-data exports, wired into the gateway: a small in-process subgraph
 * (schema/linkedData.graphql) for `MicroCredential.url`, `Institution.url` and
 * `directoryChanges`, and the HTTP routes that serve CTDL, Open Badges 3.0,
 * schema.org (a browser asking for HTML is passed on to the portal's page),
 * the feed and the sitemap.
 *
 * Why in the gateway: the gateway serves the permanent URLs, so it is the one
 * that knows the public origin they live under, and the merged change feed is
 * a view over the institutions' feeds the gateway already routes to. Both read
 * the directory only through the gateway's public GraphQL endpoint.
 */
import { LocalGraphQLDataSource } from '@apollo/gateway';
import type { Express } from 'express';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { subgraphSchema } from '../../runtime/subgraphSchema.js';
import { directoryChanges, type DirectoryChange } from './directoryChanges.js';
import { gatewayQuery } from './gatewayClient.js';
import { credentialUrl, institutionUrl, normalizeOrigin } from './permanentUrls.js';
import { mountLinkedDataRoutes } from './routes.js';

export interface LinkedDataOptions {
  /** Origin of the permanent URLs, e.g. `https://directory.example`; read per request (known once listening). */
  publicOrigin(): string;
  /** The gateway's own public GraphQL endpoint. */
  graphqlUrl(): string;
  /** Deadline of one GraphQL call the exports make. */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface LinkedData {
  /** The `linkedData` subgraph, served in-process. */
  dataSource: LocalGraphQLDataSource;
  mountRoutes(app: Express): void;
}

export function createLinkedData(options: LinkedDataOptions): LinkedData {
  const query = gatewayQuery(options.graphqlUrl, options.timeoutMs ?? 15_000);
  const origin = () => normalizeOrigin(options.publicOrigin());
  const resolvers = {
    Query: {
      directoryChanges: (_root: unknown, args: { since?: string | null; first?: number | null }) =>
        directoryChanges(query, args),
    },
    DirectoryChange: {
      microCredential: (change: DirectoryChange) => (change.visible ? { id: change.microCredentialId } : null),
      institution: (change: DirectoryChange) => ({ code: change.institutionCode }),
    },
    MicroCredential: {
      // A reference is any JSON the gateway sends; only a string id names an entry.
      __resolveReference: (reference: { id?: unknown }) =>
        typeof reference.id === 'string' ? { id: reference.id } : null,
      url: (microCredential: { id: string }) => credentialUrl(origin(), microCredential.id),
    },
    Institution: {
      __resolveReference: (reference: { code?: unknown }) =>
        typeof reference.code === 'string' ? { code: reference.code } : null,
      url: (institution: { code: string }) => institutionUrl(origin(), institution.code),
    },
  };
  const schema = subgraphSchema(loadSchemaDocument('linkedData'), resolvers);
  return {
    dataSource: new LocalGraphQLDataSource(schema),
    mountRoutes: (app) => mountLinkedDataRoutes(app, { query, log: options.log }),
  };
}
