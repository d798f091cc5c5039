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

/**
 * The data sources cut their calls at the same deadline (deadlines.ts), so an
 * operation usually ends on time with partial data: it then keeps that data and
 * gets OPERATION_TIMEOUT beside it. The race is the backstop for anything that
 * outlives the deadline without a call to cut, such as a long chain of fetches.
 */
function deadlineExecutor(executor: GatewayExecutor, deadlineOf: OperationDeadline): GatewayExecutor {
  return async (requestContext) => {
    const deadlineMs = deadlineOf(requestContext.operation?.operation);
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Awaited<ReturnType<GatewayExecutor>>>((resolve) => {
      timer = setTimeout(() => resolve({ data: null, errors: [operationTimeout(deadlineMs)] }), deadlineMs);
    });
    try {
      const result = await Promise.race([executor(requestContext), timeout]);
      const late = performance.now() - started >= deadlineMs;
      const reported = result.errors?.some((error) => error.extensions?.code === 'OPERATION_TIMEOUT');
      return late && !reported
        ? { ...result, errors: [...(result.errors ?? []), operationTimeout(deadlineMs)] }
        : result;
    } finally {
      clearTimeout(timer);
    }
  };
}

function operationTimeout(deadlineMs: number): GraphQLError {
  return new GraphQLError(
    `The operation did not finish within ${deadlineMs} ms and was stopped; ask for less, or retry later.`,
    { extensions: { code: 'OPERATION_TIMEOUT', limit: deadlineMs } },
  );
}
