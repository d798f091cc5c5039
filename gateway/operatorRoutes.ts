/**
 * The gateway's routes for operators. Health answers from memory at once,
 * whatever the state of the services: the probes that feed it run on their
 * own schedule (institutionRegistry.ts, serviceHealth.ts).
 *
 * - GET /health: every province service and institution with its status;
 *   HTTP 200 `ok` when all are UP, else HTTP 503 `degraded`. For alerting.
 * - GET /live: HTTP 200 while the process serves. For container health checks
 *   and load balancers: a degraded gateway still serves everything else.
 * - GET /metrics: Prometheus text format (metrics.ts).
 */
import type { Express } from 'express';
import type { InstitutionRegistry } from './registry/institutionRegistry.js';
import type { ServiceHealth } from './registry/serviceHealth.js';
import type { GatewayMetrics, TargetState } from './metrics.js';

export function mountOperatorRoutes(
  app: Express,
  registry: InstitutionRegistry,
  services: ServiceHealth,
  metrics: GatewayMetrics,
): void {
  app.get('/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  app.get('/health', (_req, res) => {
    const report = { services: services.health(), institutions: registry.health() };
    const degraded = [...report.services, ...report.institutions].some((target) => target.status !== 'UP');
    res.status(degraded ? 503 : 200).json({ status: degraded ? 'degraded' : 'ok', ...report });
  });
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await metrics.exposition();
    res.type(contentType).send(body);
  });
}

/** Every health target, for the `gateway_target_up` metric. */
export function healthTargets(registry: InstitutionRegistry, services: ServiceHealth): () => TargetState[] {
  return () => [
    ...services.health().map((service) => ({ subgraph: service.name, institution: '', up: service.status === 'UP' })),
    ...registry.health().map((institution) => ({
      subgraph: 'catalogue',
      institution: institution.code,
      up: institution.status === 'UP',
    })),
  ];
}
