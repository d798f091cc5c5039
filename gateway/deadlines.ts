/**
 * How long the gateway waits. Every call it makes has its own deadline, by
 * subgraph and by kind (a read, a write, a catalogue import), and every
 * operation has one as a whole, so a client never waits for a hung service
 * longer than these figures however the query planner chains its fetches.
 */
import { setMaxListeners } from 'node:events';
import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationTypeNode } from 'graphql';
import type { GatewayContext } from './context.js';
import { parseOperation } from './datasources/splitOperation.js';

export interface GatewayDeadlines {
  /** A read from the framework subgraph. */
  frameworkMs: number;
  /** A read from the search subgraph. */
  searchMs: number;
  /** A write (mutation) to any subgraph, except imports. */
  writeMs: number;
  /** `importCatalogue`: thousands of rows validated and written in one transaction. */
  importMs: number;
  /** A whole query; a whole mutation gets `importMs` on top, since it may import. */
  operationMs: number;
}

export const defaultDeadlines: GatewayDeadlines = {
  frameworkMs: 3_000,
  searchMs: 3_000,
  writeMs: 30_000,
  importMs: 120_000,
  operationMs: 10_000,
};

export type CallKind = 'read' | 'write' | 'import';

/** What a fetch does, from its operation text (parsed once per distinct text). */
export function callKind(query: string): CallKind {
  const { operation } = parseOperation(query);
  if (operation.operation !== 'mutation') return 'read';
  const imports = operation.selectionSet.selections.some(
    (selection) => selection.kind === 'Field' && selection.name.value === 'importCatalogue',
  );
  return imports ? 'import' : 'write';
}

/** The deadline of one call: the subgraph's read deadline, or the write or import one. */
export function callTimeoutMs(kind: CallKind, readMs: number, deadlines: GatewayDeadlines): number {
  return kind === 'read' ? readMs : kind === 'write' ? deadlines.writeMs : deadlines.importMs;
}

/** A whole query gets `operationMs`; a mutation gets `importMs` on top, since it may import. */
export function operationDeadlineMs(operation: OperationTypeNode | undefined, deadlines: GatewayDeadlines): number {
  return operation === 'mutation' ? deadlines.importMs + deadlines.operationMs : deadlines.operationMs;
}

/**
 * Starts the operation's deadline once its type is known; every call the
 * data sources make is cut off when it passes (context.deadline).
 */
export function operationDeadlinePlugin(deadlines: GatewayDeadlines): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const deadline = AbortSignal.timeout(operationDeadlineMs(operation?.operation, deadlines));
          // Every call of the operation listens to it (one per institution in a fan-out, each removed when the
          // call ends), so Node's default of 10 listeners would warn of a leak that is not one.
          setMaxListeners(0, deadline);
          contextValue.deadline = deadline;
        },
      };
    },
  };
}
