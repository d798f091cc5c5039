/**
 * docker-compose.yml, .env.example and the Dockerfile agree with each other
 * and keep the promises docs/operating.md makes about them. Each check is a
 * mistake an operator would otherwise meet at `docker-compose up` or later.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readComposeFile, readDockerfile, readEnvFile, repoRoot } from './support/deploymentFiles.js';

const compose = readComposeFile();
const services = [...compose.services.values()];
const appServices = services.filter((service) => service.build);
const longRunning = appServices.filter((service) => service.restart !== 'no');
const rawServices = (
  parse(readFileSync(`${repoRoot}docker-compose.yml`, 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string> }>;
  }
).services;

describe('docker-compose.yml', () => {
  it('takes every variable it needs from .env.example, and .env.example holds no others', () => {
    const example = readEnvFile(`${repoRoot}.env.example`);
    const required = [...compose.variables].filter(([, { required }]) => required).map(([name]) => name);
    expect(Object.keys(example).sort()).toEqual(required.sort());
  });

  it('holds no secret itself: passwords, keys and tokens all come from .env', () => {
    for (const [name, service] of Object.entries(rawServices)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        const secretName = /PASSWORD|KEY|TOKEN|SECRET/.test(variable);
        const urlsWithPasswords = String(value).match(/\/\/[^/\s:@]+:[^@\s]+@/g) ?? [];
        if (secretName) expect(value, `${name}.${variable}`).toMatch(/^\$\{[A-Z_]+:\?[^}]+\}$/);
        for (const credentials of urlsWithPasswords)
          expect(credentials, `${name}.${variable}`).toMatch(/:\$\{[A-Z_]+:\?[^}]+\}@$/);
      }
    }
  });

  it('runs Meilisearch pinned to a v1 release, in production mode, with a master key and a named volume', () => {
    const meilisearch = services.find((service) => service.image?.startsWith('getmeili/meilisearch:'));
    // An exact release: Meilisearch will not open data written by another patch version.
    expect(meilisearch?.image).toMatch(/^getmeili\/meilisearch:v1\.\d+\.\d+$/);
    expect(meilisearch?.environment.MEILI_ENV).toBe('production');
    expect(meilisearch?.environment.MEILI_MASTER_KEY?.length).toBeGreaterThanOrEqual(16);
    expect(compose.volumes).toContain('meilisearch-data');
  });

  it('creates a database for every service that has one, before that service starts', () => {
    const databases = compose.services.get('databases')!;
    const provisioned = databases.environment.DATABASE_URLS!.split(/\s+/).sort();
    const used = appServices.flatMap((service) => service.environment.DATABASE_URL ?? []).sort();
    expect(provisioned).toEqual(used);
    for (const service of appServices.filter((candidate) => candidate.environment.DATABASE_URL)) {
      expect(service.dependsOn.databases, service.name).toBe('service_completed_successfully');
    }
    expect(compose.volumes).toContain('postgres-data');
  });

  it('only waits for health that is checked, and never in a circle', () => {
    for (const service of services) {
      for (const [dependency, condition] of Object.entries(service.dependsOn)) {
        const target = compose.services.get(dependency);
        expect(target, `${service.name} depends on ${dependency}`).toBeDefined();
        if (condition === 'service_healthy') expect(target?.healthcheck, `${dependency} health check`).toBeDefined();
        if (condition === 'service_completed_successfully')
          expect(target?.restart, `${dependency} is a one-off`).toBe('no');
      }
    }
    const visiting = new Set<string>();
    const visit = (name: string, path: string[]) => {
      expect(visiting.has(name), `cycle: ${[...path, name].join(' -> ')}`).toBe(false);
      visiting.add(name);
      for (const dependency of Object.keys(compose.services.get(name)!.dependsOn)) visit(dependency, [...path, name]);
      visiting.delete(name);
    };
    for (const service of services) visit(service.name, []);
  });

  it('checks the health of every long-running process on its own port', () => {
    for (const service of longRunning) {
      expect(service.environment.PORT, service.name).toMatch(/^\d+$/);
      // The gateway's /health reports degraded institutions with 503; its liveness is /live.
      const path = service.name === 'gateway' ? '/live' : '/health';
      expect(service.healthcheck?.test.join(' '), service.name).toContain(`process.env.PORT + '${path}'`);
    }
  });

  it('starts the gateway without waiting for any institution, so one down cannot keep it down', () => {
    const gateway = compose.services.get('gateway')!;
    const catalogues = appServices
      .filter((service) => service.environment.ROLE === 'catalogue')
      .map((service) => service.name);
    expect(Object.keys(gateway.dependsOn).filter((name) => catalogues.includes(name))).toEqual([]);
  });

  it('registers each sample catalogue at the address and port it serves on', () => {
    const framework = appServices.find((service) => service.environment.ROLE === 'framework')!;
    const registered = framework.environment.SAMPLE_INSTITUTIONS!.split(/\s+/).map((pair) => pair.split('='));
    const catalogues = appServices.filter((service) => service.environment.ROLE === 'catalogue');
    expect(registered.map(([code]) => code).sort()).toEqual(
      catalogues.map((service) => service.environment.INSTITUTION_CODE).sort(),
    );
    for (const [code, url] of registered) {
      const service = catalogues.find((candidate) => candidate.environment.INSTITUTION_CODE === code)!;
      expect(url).toBe(`http://${service.name}:${service.environment.PORT}/graphql`);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(`${repoRoot}Dockerfile`, 'utf8');

  it('runs as a non-root user, the role launcher by default', () => {
    const image = readDockerfile();
    expect(image.user).toBeDefined();
    expect(image.user).not.toMatch(/^(root|0)(:|$)/);
    expect(image.command).toEqual(['node', '--import', 'tsx', 'cli/serve.ts']);
  });

  it('installs production dependencies only, tsx among them', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const manifest = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).toContain('tsx');
  });

  it('copies every source folder the running processes import (the gateway serves the portal)', () => {
    const copied = [...dockerfile.matchAll(/^COPY (\S+) \.\/\1$/gm)].map((match) => match[1]);
    for (const folder of ['schema', 'runtime', 'gateway', 'subgraphs', 'seed', 'cli', 'portal']) {
      expect(copied).toContain(folder);
    }
  });

  it('keeps .env and local data out of the image and out of git', () => {
    const dockerignore = readFileSync(`${repoRoot}.dockerignore`, 'utf8').split('\n');
    const gitignore = readFileSync(`${repoRoot}.gitignore`, 'utf8').split('\n');
    for (const entry of ['.env', '.data', 'node_modules']) expect(dockerignore).toContain(entry);
    expect(gitignore).toContain('.env');
  });
});
