import { defineConfig } from 'drizzle-kit';

/** Run from the repository root: `npx drizzle-kit generate --config subgraphs/framework/drizzle.config.ts`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/framework/db/schema.ts',
  out: './subgraphs/framework/db/migrations',
});
