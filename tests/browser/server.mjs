// A static file server that behaves like a plain static host: no rewrite rules, so a path
// that is not a file is a 404, and a directory serves its index.html. Like GitHub Pages it
// sends `Access-Control-Allow-Origin: *` (which a frame sandboxed without allow-same-origin
// needs to load the app's module and wasm), and like hosts with "pretty URLs" (Netlify,
// Cloudflare Pages) it can redirect `…/index.html` to `…/` (`redirectIndex`). Like them it
// compresses text and wasm for a browser that accepts gzip, so what the benchmark and
// Lighthouse see travel is what a student's browser receives. The app is mounted under a
// sub-path to prove that the build works away from a host's root.
//
// Used by the browser tests (startServer) and by tools/serve.sh:
//   node tests/browser/server.mjs <dir> [--port 8080] [--host 127.0.0.1] [--base /]
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// What static hosts compress (GitHub Pages, Netlify, Cloudflare Pages all include wasm).
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** The gzip of a file, computed once for each version of it (tests serve the same files often). */
const gzipped = new Map();
function gzipOnce(target, info, body) {
  const key = `${target}\0${info.mtimeMs}\0${info.size}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body));
  return gzipped.get(key);
}

/**
 * Serves `root` under `base` (which starts and ends with "/") on `port` of `host` (0: a free
 * one). Resolves to { url, port, close }: `url` is the absolute URL of `base`. `extra`, if
 * given, answers a request first: it returns true when it has sent the response itself.
 */
export async function startServer({ root, base = '/', host = '127.0.0.1', port = 0, redirectIndex = false, extra }) {
  const top = resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'cache-control': 'no-store', 'access-control-allow-origin': '*', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'Bad request');
    }
    if (extra && (await extra(req, res, path))) return;
    if (`${path}/` === base) return send(301, '', { location: base });
    if (redirectIndex && path.endsWith('/index.html')) {
      return send(301, '', { location: path.slice(0, -'index.html'.length) + new URL(req.url, 'http://x').search });
    }
    if (!path.startsWith(base)) return send(404, 'Not found');
    const file = join(top, path.slice(base.length));
    if (file !== top && !file.startsWith(top + sep)) return send(404, 'Not found');
    try {
      let target = file;
      let info = await stat(target);
      if (info.isDirectory()) {
        if (!path.endsWith('/')) return send(301, '', { location: `${path}/` });
        target = join(target, 'index.html');
        info = await stat(target);
      }
      if (!info.isFile()) return send(404, 'Not found');
      const ext = extname(target).toLowerCase();
      const type = TYPES[ext] ?? 'application/octet-stream';
      const body = await readFile(target);
      if (COMPRESSED.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        return send(200, gzipOnce(target, info, body), { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      }
      send(200, body, { 'content-type': type, vary: 'accept-encoding' });
    } catch {
      // Like GitHub Pages (and Netlify, Cloudflare Pages): the site's 404.html, if it has one.
      const page = await readFile(join(top, '404.html')).catch(() => null);
      if (page) return send(404, page, { 'content-type': TYPES['.html'] });
      send(404, 'Not found', { 'content-type': 'text/plain; charset=utf-8' });
    }
  });
  await new Promise((ok, ko) => server.once('error', ko).listen(port, host, ok));
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}${base}`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i < 0 ? fallback : args.splice(i, 2)[1];
  };
  const port = Number(option('--port', '8080'));
  const host = option('--host', '127.0.0.1');
  const base = option('--base', '/');
  const root = args[0] ?? 'dist';
  const { url } = await startServer({ root, base, host, port });
  console.log(`Serving ${root}/ at ${url.replace('127.0.0.1', 'localhost')} (Ctrl+C stops)`);
}
