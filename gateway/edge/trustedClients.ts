/**
 * The province's own services that read through the gateway (the search
 * indexer's change feeds, the framework's reference checks) are recognised by
 * address and are exempt from budgets and query limits: their queries are
 * known, and heavy by design (a 500-entry feed page, one alias per checked id).
 *
 * Entries are addresses or CIDR subnets (`10.0.0.0/8`, `fd00::/8`); the
 * default is loopback, which is where they are under `npm start`. Behind a
 * reverse proxy, set TRUST_PROXY so the address is the client's, not the proxy's.
 */
import { BlockList, isIP } from 'node:net';
import type { Request } from 'express';

export const loopback = ['127.0.0.1', '::1'];

export function trustedClients(entries: string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '') === 6 ? 'ipv6' : 'ipv4';
    if (!address || isIP(address) === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`"${entry}" is not an address or subnet like 10.0.0.0/8`);
    }
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    if (!address) return false;
    const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
    return list.check(plain, isIP(plain) === 6 ? 'ipv6' : 'ipv4');
  };
}

/** The client's address; behind a proxy, `TRUST_PROXY` makes Express read it from X-Forwarded-For. */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
