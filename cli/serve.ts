/**
 * The container image's single command: runs one process of the directory,
 * chosen by the first argument or by ROLE. Each role is the deployable's own
 * entry point, which reads and validates the rest of its environment.
 *
 *   ROLE=gateway    gateway/index.ts
 *   ROLE=framework  subgraphs/framework/index.ts
 *   ROLE=catalogue  subgraphs/catalogue/index.ts   (one institution)
 *   ROLE=search     subgraphs/search/index.ts
 */
import { ConfigError } from '../runtime/config.js';
import { readRole, roleEntryPoints } from './roles.js';
import { prepareSampleData } from './sampleData.js';

try {
  const role = readRole(process.argv[2], process.env);
  await prepareSampleData(role, process.env);
  await import(roleEntryPoints[role]);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}
