import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { maxJsonInputBytes } from '../shared/api/limits';

/** Only the loopback names of our own port are accepted (defeats DNS rebinding). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser sends Origin on cross-site requests: only our own origin may call the API. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `application/json`, optionally with a charset parameter; nothing else (no text/plain "simple" requests). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8');
}

/** The same limit as the CLI's standard input (src/shared/api/limits.ts). */
export const maxJsonBody = maxJsonInputBytes;

/** The page's own policy: the meta tag in src/renderer/index.html (a test keeps them equal). */
export const pageContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** The browser-mode header adds frame-ancestors: it only works in a header (Chromium ignores it in a meta tag and logs an error). */
export const contentSecurityPolicy = `${pageContentSecurityPolicy}; frame-ancestors 'none'`;

/** Headers on every response; the CSP and framing ones matter for the HTML. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
