/**
 * The size cap on an institution's answer holds while the body streams in:
 * an answer without content-length (or lying about it) is cut off as soon as
 * it passes the cap, not after it has been read whole.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InstitutionCallError, callInstitution } from '../../gateway/datasources/institutionClient.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** Streams `{"data":{"x":"aaaa…` forever, in 64 KiB chunks, and counts what it managed to send. */
async function endlessAnswer(headers: Record<string, string> = {}) {
  const sent = { bytes: 0, closed: false };
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.write('{"data":{"x":"');
    const chunk = 'a'.repeat(64 * 1024);
    const pump = () => {
      if (res.destroyed) return;
      sent.bytes += chunk.length;
      if (res.write(chunk)) setImmediate(pump);
      else res.once('drain', pump);
    };
    res.on('close', () => (sent.closed = true));
    pump();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/graphql`, sent };
}

async function failure(url: string, maxBytes: number): Promise<InstitutionCallError> {
  const error = await callInstitution({
    institution: 'streamer',
    url,
    body: { query: '{ x }' },
    timeoutMs: 10_000,
    maxBytes,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InstitutionCallError);
  return error as InstitutionCallError;
}

describe('the response size cap', () => {
  it('stops reading a streamed answer without content-length as soon as it passes the cap', async () => {
    const { url, sent } = await endlessAnswer();
    const error = await failure(url, 1024 * 1024);
    expect(error.failure).toBe('TOO_LARGE');
    expect(error.institution).toBe('streamer');
    expect(error.message).toContain('exceeds 1048576 bytes');
    // The connection was dropped near the cap, not after an unbounded read.
    await expect.poll(() => sent.closed).toBe(true);
    expect(sent.bytes).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses at once an answer whose declared length is over the cap', async () => {
    const { url } = await endlessAnswer({ 'content-length': String(50 * 1024 * 1024) });
    expect((await failure(url, 1024 * 1024)).message).toContain('response of 52428800 bytes exceeds 1048576');
  });

  it('still reads an answer under the cap whole, across chunks', async () => {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":{"title":"Donn');
      setTimeout(() => res.end('ées ouvertes — é"}}'), 10);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const answer = await callInstitution({
      institution: 'x',
      url,
      body: { query: '{ title }' },
      timeoutMs: 5_000,
      maxBytes: 1024,
    });
    expect(answer.data).toEqual({ title: 'Données ouvertes — é' });
  });
});
