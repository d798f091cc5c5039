/**
 * The gateway's defaults are the figures the README's "When a service fails" table gives: an
 * operator who sets nothing gets those. Tests may run the gateway with shorter ones
 * (test/resilience/support/load.ts); these keep the defaults themselves honest.
 */
import { describe, expect, it } from 'vitest';
import { gatewaySettings } from '../../gateway/settings.js';

const required = { FRAMEWORK_URL: 'http://framework:4001/graphql', REGISTRY_TOKEN: 'registry-token' };

describe('gateway settings left unset', () => {
  it('take the deadlines and probe figures the README states', () => {
    const settings = gatewaySettings(required);
    expect(settings.deadlines).toEqual({
      frameworkMs: 3_000,
      searchMs: 3_000,
      writeMs: 30_000,
      importMs: 120_000,
      operationMs: 10_000,
    });
    expect(settings.institutionTimeoutMs).toBe(3_000);
    expect(settings.registryRefreshMs).toBe(5_000);
    expect(settings.healthProbeIntervalMs).toBe(2_000);
    expect(settings.healthProbeTimeoutMs).toBe(2_000);
  });

  it('take an operator’s shorter deadlines', () => {
    const settings = gatewaySettings({ ...required, FRAMEWORK_TIMEOUT_MS: '1500', OPERATION_TIMEOUT_MS: '4000' });
    expect(settings.deadlines).toMatchObject({ frameworkMs: 1_500, searchMs: 3_000, operationMs: 4_000 });
  });
});
