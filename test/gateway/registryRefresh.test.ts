/**
 * The gateway's registry reads the framework again when a request names an
 * institution it has not seen (a registration made a moment ago). That read
 * must start after the request: a periodic read already on its way back from
 * the framework left before the registration and cannot know it. Here the
 * framework is a stand-in over real HTTP whose answers the test releases one
 * at a time, so the overlap that loaded machines produce by chance happens
 * every time.
 */
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it, onTestFinished } from 'vitest';
import { InstitutionCallError } from '../../gateway/datasources/institutionClient.js';
import { InstitutionRegistry } from '../../gateway/registry/institutionRegistry.js';
import { loadCatalogueContracts } from '../../gateway/versions/catalogueContracts.js';

/** A framework whose registry lists `registered`; while `held`, answers wait until released. */
async function startStandInFramework() {
  const registered: string[] = [];
  const waiting: Array<() => void> = [];
  let held = false;
  const answer = (response: ServerResponse, codes: string[]) => {
    const listed = codes.map((code) => ({ code, subgraphUrl: `http://127.0.0.1:9/${code}/graphql` }));
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ data: { institutionRegistry: listed, institutions: [] } }));
  };
  const server = createServer((request, response) => {
    request.resume();
    // What the registry held at the moment the read arrived, as a database read would see it.
    const codes = [...registered];
    if (held) waiting.push(() => answer(response, codes));
    else answer(response, codes);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    registered,
    hold: () => (held = true),
    releaseAll() {
      held = false;
      for (const release of waiting.splice(0)) release();
    },
    waitingCount: () => waiting.length,
  };
}

it('knows an institution registered while a periodic read was under way', async () => {
  const framework = await startStandInFramework();
  const registry = new InstitutionRegistry({
    frameworkUrl: framework.url,
    registryToken: 'test-registry-token',
    contracts: loadCatalogueContracts(),
    // No timers of its own during the test: the test makes the periodic read itself.
    refreshIntervalMs: 3_600_000,
    probeIntervalMs: 3_600_000,
    institutionTimeoutMs: 2_000,
    failureCooldownMs: 100,
    degradedHoldMs: 1_000,
    conformanceRecheckMs: 60_000,
    probeTimeoutMs: 500,
    log: () => {},
  });
  await registry.start();
  onTestFinished(() => registry.stop());

  framework.hold();
  const periodic = registry.refresh();
  await expect.poll(framework.waitingCount).toBe(1);
  framework.registered.push('newcollege');
  const routed = registry.routeTo('newcollege').catch((error: unknown) => error);
  framework.releaseAll();
  await periodic;

  const outcome = await routed;
  // Its subgraph address answers nothing, so it is not routed to yet; what matters is that it is known.
  expect(outcome).toBeInstanceOf(InstitutionCallError);
  expect((outcome as InstitutionCallError).failure).not.toBe('UNKNOWN_INSTITUTION');
  expect(registry.health().map((institution) => institution.code)).toEqual(['newcollege']);
});
