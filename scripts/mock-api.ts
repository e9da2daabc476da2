// Serves the kit's msw handlers over a real HTTP port (for `vite preview`, e2e runs, benchmarks and manual checks).
// msw 3 dropped `handleRequest`, which @mswjs/http-middleware needs, so this uses msw's public getResponse().
//
//   npm run mock-api                       # http://127.0.0.1:9090/api/v1/License
//   SCENARIO=expiring PORT=9191 npm run mock-api
//   curl 'http://127.0.0.1:9090/api/v1/License?scenario=forbidden'   # switches the scenario for all later requests
//   curl -X PATCH -H 'Content-Type: application/json' -d '[…]' http://127.0.0.1:9090/api/v1/User/3   # W8; state resets on a scenario switch
//   STATIC_DIR=. npm run mock-api           # also serves files below STATIC_DIR (the built bundle, for the benchmark)
import { installNode20Polyfills } from './node20-polyfills.mjs';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { getResponse } from 'msw';
import { createHandlers, errorResponse } from '../src/mocks/handlers.js';
import { isScenario, scenarios, type Scenario } from '../src/mocks/scenarios.js';

installNode20Polyfills(); // msw 3 uses Promise.withResolvers (Node >= 22) in some paths

const port = Number(process.env.PORT ?? 9090);
const host = process.env.HOST ?? '127.0.0.1';
const initial = process.env.SCENARIO ?? 'default';
if (!isScenario(initial)) {
  console.error(`Unknown SCENARIO "${initial}". Known: ${scenarios.join(', ')}`);
  process.exit(1);
}
let scenario: Scenario = initial;
const staticDir = process.env.STATIC_DIR ? resolve(process.env.STATIC_DIR) : undefined;
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.html': 'text/html',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** A file below STATIC_DIR, or undefined when there is none (never outside the folder). */
async function staticFile(pathname: string, gzip: boolean): Promise<Response | undefined> {
  if (!staticDir || pathname.startsWith('/api/')) return undefined;
  const file = normalize(join(staticDir, decodeURIComponent(pathname)));
  if (!file.startsWith(staticDir)) return undefined;
  try {
    const body = await readFile(file);
    // As a CDN serves it: compressed when the browser accepts it, hashed chunks cached for a year.
    const headers: Record<string, string> = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': /-[\w-]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (gzip && /\.(js|css|html|map|svg|json)$/.test(file)) {
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
      return new Response(gzipSync(body), { headers });
    }
    return new Response(body, { headers });
  } catch {
    return undefined;
  }
}
const handlers = createHandlers(() => scenario);

/**
 * The images behind the mock data's relative portrait URLs (`../blobby/portrait/12.png`, resolved against the API
 * base as a tenant's are), so a page on this server has no failed image loads. (In the browser's msw the image is
 * missing on purpose: the tests check the initials fallback with it.)
 */
function portraitImage(pathname: string): Response | undefined {
  const m = /^\/api\/blobby\/portrait\/([\w.-]+)$/.exec(pathname);
  if (!m) return undefined;
  const hue = [...m[1]].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">` +
    `<circle cx="16" cy="16" r="16" fill="hsl(${hue} 40% 45%)"/><circle cx="16" cy="13" r="6" fill="#fff"/>` +
    `<path d="M5 28a11 9 0 0 1 22 0z" fill="#fff"/></svg>`;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' } });
}

/** CORS for browsers on another origin (a dev server, Storybook): the caller's origin, with credentials. */
function corsHeaders(req: http.IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } : {};
}

async function send(res: http.ServerResponse, response: Response, extra: Record<string, string>): Promise<void> {
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...extra });
  res.end(Buffer.from(await response.arrayBuffer()));
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  const cors = corsHeaders(req);
  try {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': 'Accept, Accept-Language, Authorization, Content-Type, X-XSRF-TOKEN',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${port}`}`);
    const asked = url.searchParams.get('scenario');
    if (asked !== null) {
      if (!isScenario(asked)) {
        await send(res, errorResponse(400, 'ArgumentException', `Unknown scenario "${asked}". Known: ${scenarios.join(', ')}`), cors);
        return;
      }
      if (asked !== scenario) console.log(`scenario: ${asked}`);
      scenario = asked;
    }
    const method = req.method ?? 'GET';
    if (!['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) {
      await send(res, errorResponse(405, 'MethodNotAllowed', `The mock API does not answer ${method}.`), cors);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    // Writes (W8, W9) carry a JSON body; the handlers keep their effect in memory until the scenario changes.
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    const response =
      (method === 'GET' ? (portraitImage(url.pathname) ?? (await staticFile(url.pathname, /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))))) : undefined) ??
      (await getResponse(handlers, new Request(url, { method, headers, body: body === undefined ? undefined : new Uint8Array(body) })));
    await send(res, response ?? errorResponse(404, 'NotFound', `No mock for ${url.pathname}.`), cors);
  } catch (err) {
    console.error(err);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain', ...cors });
    res.end('mock API failure');
  }
});

server.listen(port, host, () => {
  console.log(`mock API on http://${host}:${port}/api/v1 (scenario: ${scenario}; switch with ?scenario=${scenarios.join('|')})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
