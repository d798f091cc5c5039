/**
 * Runs the gateway's checks against an institution's catalogue server, before
 * (or after) the province registers it, and prints what to fix:
 *
 *   npm run conformance -- --url https://catalogue.example.ca/graphql --institution examplecollege [--timeout-ms 3000] [--contract 1.0]
 *
 * The server is checked against the catalogue contract version its SDL
 * matches (printed); `--contract` states the version it is meant to implement.
 *
 * Exits 0 when every check passes, 1 when one fails, 2 on a usage error.
 */
import { printed } from '../runtime/commandOutcome.js';
import { conformanceCommand } from './conformanceCommand.js';

conformanceCommand(process.argv.slice(2)).then(
  (outcome) => process.exit(printed(outcome)),
  (error: unknown) => {
    console.error(`conformance: ${(error as Error).message}`);
    process.exit(1);
  },
);
