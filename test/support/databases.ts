import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { clusterAt } from '../../runtime/postgres.js';

/**
 * A fresh, uniquely named database on the suite's PostgreSQL cluster, empty or a copy of `template`
 * (databaseTemplates.ts). Returns its URL.
 */
export async function createTestDatabase(label: string, options: { template?: string } = {}): Promise<string> {
  const cluster = clusterAt(inject('postgresAdminUrl'));
  const name = `t_${label.replace(/[^a-z0-9]/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  await cluster.ensureDatabase(name, options);
  return cluster.databaseUrl(name);
}
