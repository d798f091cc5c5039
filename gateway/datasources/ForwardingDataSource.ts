/**
 * A plain remote subgraph run by the province (framework, search). The
 * credential policy (gateway/credentials.ts) decides what it receives: the
 * province's and recognition tokens reach the framework subgraph, which
 * authorizes its own writes; search receives no credential.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../context.js';
import { headersForSubgraph } from '../credentials.js';

export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;

  constructor(config: { url?: string; subgraph: string }) {
    super({ url: config.url });
    this.subgraph = config.subgraph;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { authorization } = headersForSubgraph(context?.credential, this.subgraph);
    if (authorization) request.http?.headers.set('authorization', authorization);
  }
}
