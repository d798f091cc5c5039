/**
 * Stands in for cli/start.ts in test/deployment/stopMessage.test.ts: it shuts
 * down the way the directory does on Ctrl-C (its event loop busy for a while,
 * stopping services and PostgreSQL), then prints the same last line.
 */
const busyFor = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end);
};
let stopping = false;
process.on('SIGINT', async () => {
  if (stopping) return;
  stopping = true;
  console.log('SIGINT: stopping…');
  busyFor(300);
  await new Promise((resolve) => setTimeout(resolve, 200));
  console.log('Stopped. Data is kept for the next start.');
  process.exit(0);
});
console.log('Press Ctrl-C to stop.');
// Busy from now until the signal, in 100 ms stretches with only a turn of the event loop between
// them, so the signal all but certainly arrives while the loop is occupied, as it may under a busy
// directory: one run shows what five runs of a loop busy 50 ms in every 60 showed most of the time.
const keepBusy = () => {
  busyFor(100);
  if (!stopping) setImmediate(keepBusy);
};
keepBusy();
