import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env';

const common = {
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: false, microphone: false, geolocation: false, payment: false, usb: false },
};

/**
 * Security headers on every response, with a Content-Security-Policy fit for each kind:
 * JSON answers allow nothing; the API reference page its own script and style; the site's
 * pages their own files plus exactly the inline scripts found in the build (by hash); the files
 * pages load (scripts, styles, fonts, images but SVG) none, as a policy on them means nothing.
 */
const apiHeaders = () =>
  secureHeaders({
    ...common,
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
  });

/**
 * The headers every API answer carries, for answers written below Hono (Node's parser errors,
 * the metrics address): the same middleware, run once.
 */
export async function apiSecurityHeaders(): Promise<Record<string, string>> {
  const probe = new Hono().use(apiHeaders()).get('*', (c) => c.body(null, 204));
  const headers: Record<string, string> = {};
  (await probe.request('/api/probe')).headers.forEach((value, name) => (headers[name] = value));
  return headers;
}

/** Files a page loads that are never documents themselves (no web worker here). */
const SUBRESOURCE = /\.(?:js|css|woff2?|png|jpe?g|webp|avif|gif|ico)$/;

export function securityHeaders(inlineScriptHashes: string[]): MiddlewareHandler<AppEnv> {
  const api = apiHeaders();
  const apiDocs = secureHeaders({
    ...common,
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  });
  const pages = secureHeaders({
    ...common,
    // Links out of the site keep the origin only (tokens live in fragments, never sent anyway).
    referrerPolicy: 'strict-origin-when-cross-origin',
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...inlineScriptHashes],
      // React and Docusaurus set style attributes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      workerSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
  // A page's policy governs the scripts, styles, fonts and images it loads: the headers that speak to
  // documents (their policy, framing, opener, referrer, permissions...) do nothing on those files but
  // cost every one of them half a kilobyte. They keep what applies to a file: no sniffing its type,
  // not readable by other sites, HTTPS only. SVG can be opened as a document: it keeps them all.
  const files = secureHeaders({
    contentSecurityPolicy: undefined,
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  return (c, next) => {
    const path = c.req.path;
    if (path === '/api/docs' || path.startsWith('/api/docs/')) return apiDocs(c, next);
    if (path === '/api' || path.startsWith('/api/')) return api(c, next);
    if (SUBRESOURCE.test(path)) return files(c, next);
    return pages(c, next);
  };
}
