import { defineConfig } from 'drizzle-kit';

/** Run from the repository root: `npx drizzle-kit generate --config subgraphs/catalogue/drizzle.config.ts`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./subgraphs/catalogue/db/schema.ts', './subgraphs/catalogue/db/outcomeSchema.ts'],
  out: './subgraphs/catalogue/db/migrations',
});
