import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of every answer (API, admin files, the SPA index, /cubejs-api).
 * The built admin loads only its own module scripts (no inline script: admin/dist/index.html);
 * antd writes its CSS-in-JS as <style> elements, so styles need 'unsafe-inline'; ECharts and
 * the exports use data: and blob: images and downloads. Nothing may frame the admin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-DNS-Prefetch-Control': 'off',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/**
 * Sets the security headers on every answer (helmet's set, without the package). They are set
 * again just before the head is written, so nothing on the way (the /cubejs-api proxy copying
 * Cube's headers) can weaken them.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const apply = () => {
    for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
    // Only over HTTPS (a TLS-terminating proxy on this host sets X-Forwarded-Proto; trust proxy).
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    res.removeHeader('X-Powered-By');
  };
  apply();
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    if (!this.headersSent) apply();
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
  next();
}
