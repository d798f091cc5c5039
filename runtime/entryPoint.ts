/**
 * How every process of the directory runs: its settings are read and checked
 * first (a bad one stops it with one line naming the variable, exit code 1),
 * then it serves until SIGINT or SIGTERM, drains in-flight requests and
 * exits. A second signal while draining exits at once.
 */
import { ConfigError } from './config.js';

export interface Service {
  /** What the logs call it, e.g. `catalogue subgraph for humber`. */
  name: string;
  url: string;
  stop(): Promise<void>;
}

export function runService(start: () => Promise<Service>): void {
  start().then(
    (service) => {
      const { name } = service;
      console.log(`${name} at ${service.url}`);
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) {
          console.log(`${signal} again: exiting without waiting`);
          process.exit(1);
        }
        stopping = true;
        console.log(`${signal}: stopping ${name}`);
        await service.stop();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    },
    (error) => {
      console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
