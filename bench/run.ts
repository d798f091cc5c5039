/**
 * `npm run bench [name...]`: runs every benchmark module in bench/ named
 * `*.bench.ts` (each default-exports a Benchmark), or only those whose name
 * contains one of the arguments. Add a benchmark by adding such a file.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Benchmark {
  name: string;
  run(): Promise<void>;
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
let ran = 0;
for (const file of files) {
  const benchmark = ((await import(new URL(file, import.meta.url).href)) as { default: Benchmark }).default;
  if (wanted.length && !wanted.some((name) => benchmark.name.includes(name))) continue;
  console.log(`\n## ${benchmark.name}\n`);
  await benchmark.run();
  ran++;
}
if (ran === 0) {
  console.error(`no benchmark matched ${wanted.join(', ') || '(none found)'}; modules: ${files.join(', ')}`);
  process.exitCode = 1;
}
