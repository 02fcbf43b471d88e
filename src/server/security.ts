import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Only the loopback names of our own port are accepted (defeats DNS rebinding). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function tokenMatches(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const maxJsonBody = 1024 * 1024;
