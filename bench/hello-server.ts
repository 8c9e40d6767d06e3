/**
 * The baseline of the API section: a bare Hono hello-world on @hono/node-server, started like the real server
 * (tsx, its own process), so the ratio says what the product's own work costs on this machine.
 *   PORT=1234 tsx bench/hello-server.ts
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('Hello Hono!'));
// A reference for the POST endpoints: what reading a JSON body and answering JSON costs alone.
app.post('/echo', async (c) => c.json(await c.req.json()));

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
