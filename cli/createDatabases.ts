/**
 * One-off: creates the database and login role that each service's
 * DATABASE_URL names, on a PostgreSQL server reached as its administrator.
 *
 *   POSTGRES_ADMIN_URL  postgres://postgres:…@host:5432/postgres
 *   DATABASE_URLS       the services' DATABASE_URLs, separated by spaces or new lines
 *
 * Idempotent: run it on every deployment (docker-compose does), after adding
 * an institution, or after changing a password in .env to rotate it.
 */
import { ConfigError, requiredString, url } from '../runtime/config.js';
import { databaseAccountFromUrl, provisionDatabase, redactPassword } from './databaseProvisioning.js';

async function main() {
  const env = process.env;
  const adminUrl = url(env, 'POSTGRES_ADMIN_URL', ['postgres:', 'postgresql:']);
  const accounts = requiredString(env, 'DATABASE_URLS')
    .split(/\s+/)
    .map((raw) => databaseAccountFromUrl('DATABASE_URLS', raw));
  for (const account of accounts) {
    await provisionDatabase(adminUrl, account);
    console.log(`database ${account.database} ready, owned by ${account.role}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error instanceof Error ? redactPassword(error.message) : error);
  process.exit(1);
});
