import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { ApolloServer, BaseContext, ContextFunction } from '@apollo/server';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { jsonErrorHandler, jsonNotFound } from './httpErrors.js';

export interface RunningHttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  port: number;
  host?: string;
  /** Builds the Apollo server; it gets the drain plugin so stop() waits for in-flight requests. */
  createApollo(drain: ReturnType<typeof ApolloServerPluginDrainHttpServer>): ApolloServer<TContext>;
  context: ContextFunction<[ExpressContextFunctionArgument], TContext>;
  /** Extra routes such as /health, mounted before /graphql. */
  routes?(app: Express): void;
  onStop?(): Promise<void>;
}

/** Request bodies: JSON up to 5 MB (catalogue imports through the gateway are the largest). */
export const jsonBody = express.json({ limit: '5mb' });

/** Serves one Apollo server at /graphql on its own HTTP listener. Port 0 picks a free port. */
export async function serveGraphQL<TContext extends BaseContext>(
  options: GraphQLHttpOptions<TContext>,
): Promise<RunningHttpServer> {
  const app = express();
  const httpServer: Server = createServer(app);
  const apollo = options.createApollo(ApolloServerPluginDrainHttpServer({ httpServer }));
  await apollo.start();
  app.disable('x-powered-by');
  options.routes?.(app);
  app.use('/graphql', jsonBody, expressMiddleware(apollo, { context: options.context }));
  app.use(jsonNotFound);
  app.use(jsonErrorHandler);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    async stop() {
      await apollo.stop();
      await options.onStop?.();
    },
  };
}
