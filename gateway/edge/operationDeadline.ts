/**
 * A deadline for the whole operation: when planning and every fetch together
 * take longer than `deadlineMs`, the client gets OPERATION_TIMEOUT instead of
 * waiting on. Institutions have their own, shorter deadlines (their items come
 * back null with an error naming them); this one bounds everything else, e.g.
 * an operation that chains many sequential fetches.
 *
 * It wraps the gateway's executor, so it needs no change to the data sources:
 * the fetches still in flight finish (each under its own deadline) and their
 * answers are dropped.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { GraphQLError, type OperationTypeNode } from 'graphql';

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/** The deadline of one operation, from its type once parsed (mutations may import, so they get longer). */
export type OperationDeadline = (operation: OperationTypeNode | undefined) => number;

export function withOperationDeadline(gateway: GatewayInterface, deadlineMs: OperationDeadline): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: loaded.executor && deadlineExecutor(loaded.executor, deadlineMs) };
    },
  };
}

function deadlineExecutor(executor: GatewayExecutor, deadlineOf: OperationDeadline): GatewayExecutor {
  return async (requestContext) => {
    const deadlineMs = deadlineOf(requestContext.operation?.operation);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Awaited<ReturnType<GatewayExecutor>>>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            data: null,
            errors: [
              new GraphQLError(
                `The operation did not finish within ${deadlineMs} ms and was stopped; ask for less, or retry later.`,
                { extensions: { code: 'OPERATION_TIMEOUT', limit: deadlineMs } },
              ),
            ],
          }),
        deadlineMs,
      );
    });
    try {
      return await Promise.race([executor(requestContext), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
