/**
 * The integration files share their worker's modules (vitest.config.ts, `isolate: false`): Apollo,
 * graphql and the composed supergraph are loaded once per worker instead of once per file, which
 * takes about a third of the suite's CPU time off. That is only sound while no file leaves
 * anything behind for the next one, so this setup file (run around every integration file) fails
 * the file that does: a changed environment variable or global, a process listener (an entry
 * point's signal handler, say), or a server or child process still running after its afterAll.
 */
import { afterAll, beforeAll } from 'vitest';

/** Resources Node reports for a listening server and a child process (process.getActiveResourcesInfo()). */
const lastingResources = new Set(['TCPServerWrap', 'ProcessWrap']);
const processEvents = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection'] as const;

interface Snapshot {
  environment: Record<string, string | undefined>;
  globals: Set<string>;
  listeners: Record<string, number>;
  resources: Record<string, number>;
}

function snapshot(): Snapshot {
  return {
    environment: { ...process.env },
    globals: new Set(Object.getOwnPropertyNames(globalThis)),
    listeners: Object.fromEntries(processEvents.map((event) => [event, process.listenerCount(event)])),
    resources: countLasting(process.getActiveResourcesInfo()),
  };
}

function countLasting(resources: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) if (lastingResources.has(resource)) counts[resource] = (counts[resource] ?? 0) + 1;
  return counts;
}

/** What differs between the snapshot before the file and now, one line each. */
export function leftBehind(before: Snapshot, after: Snapshot): string[] {
  const found: string[] = [];
  const names = new Set([...Object.keys(before.environment), ...Object.keys(after.environment)]);
  for (const name of names) {
    if (before.environment[name] !== after.environment[name]) found.push(`environment variable ${name} changed`);
  }
  for (const name of after.globals) if (!before.globals.has(name)) found.push(`global ${name} added`);
  for (const name of before.globals) if (!after.globals.has(name)) found.push(`global ${name} removed`);
  for (const event of processEvents) {
    if (after.listeners[event] !== before.listeners[event]) found.push(`process '${event}' listeners changed`);
  }
  for (const resource of lastingResources) {
    const more = (after.resources[resource] ?? 0) - (before.resources[resource] ?? 0);
    if (more > 0) found.push(`${more} ${resource} still open (a server or child process not stopped)`);
  }
  return found;
}

let before: Snapshot;

beforeAll(() => {
  before = snapshot();
});

afterAll(async () => {
  // A closed server or an exited child is released on the next turns of the event loop.
  let found = leftBehind(before, snapshot());
  for (let attempt = 0; found.length > 0 && attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    found = leftBehind(before, snapshot());
  }
  if (found.length > 0) {
    throw new Error(`this file leaves state behind for the next file in its worker:\n  ${found.join('\n  ')}`);
  }
});
