import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

const asset = (name: string) => readFileSync(path.join(__dirname, 'api-docs', name), 'utf8');

/**
 * A self-contained page that shows the OpenAPI document; its script and style are served here
 * (no CDN). Its Content-Security-Policy is set in http/security-headers.ts.
 */
export function apiDocsRoutes() {
  const files = { html: asset('viewer.html'), js: asset('viewer.js'), css: asset('viewer.css') };
  return new Hono<AppEnv>()
    .get('/', (c) => c.html(files.html))
    .get('/viewer.js', (c) => c.body(files.js, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
    .get('/viewer.css', (c) => c.body(files.css, 200, { 'content-type': 'text/css; charset=utf-8' }));
}
