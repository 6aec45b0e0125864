/**
 * Web mode: the renderer bundle and the API map over HTTP on 127.0.0.1 only. Every API call needs the per-run
 * token (Authorization: Bearer …); requests from another origin, or for another host name (DNS rebinding),
 * are refused. Every failure is a typed Result, never a crash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { renderMessage, type ApiError, type Result } from '../contract/errors';
import type { ErrorCode, Language } from '../contract/messages';
import { dispatch } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';
import { settingValue } from '../services/settings';
import { CONTENT_SECURITY_POLICY } from './csp';

export const defaultRendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export { CONTENT_SECURITY_POLICY };

/** A card photo of up to 10 MB arrives as base64 (issue 13 item 1): 16 MB leaves room for it and its JSON. */
const MAX_BODY = 16 * 1024 * 1024;
const Envelope = z.strictObject({ name: z.string().min(1).max(100), input: z.unknown().optional() });

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  rendererDir?: string;
  token?: string;
  /** The dispatcher the API calls go through (default: the one dispatcher; `tradebook serve` adds its ticker's reports). */
  dispatch?: typeof dispatch;
}

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export async function startWebServer(ctx: ServiceContext, options: ServeOptions = {}): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir ?? defaultRendererDir);
  let origin = '';
  let host = '';

  const language = async (): Promise<Language> => {
    try {
      return await settingValue<Language>(ctx, 'language');
    } catch {
      return 'en';
    }
  };
  const failure = async (code: ErrorCode, details = ''): Promise<Result<unknown>> => {
    const error: ApiError = { code, message: renderMessage(await language(), code, { details }) };
    return { ok: false, error };
  };

  const readBody = (req: http.IncomingMessage) =>
    new Promise<string | null>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      // Past the limit the rest is read and dropped, so the client still gets its 413 answer.
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'POST') return sendJson(res, 405, await failure('bad_request', 'use POST'));
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) return sendJson(res, 403, await failure('forbidden_origin'));
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return sendJson(res, 403, await failure('forbidden_origin'));
    }
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!tokensMatch(given, token)) return sendJson(res, 401, await failure('unauthorized'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, await failure('bad_request', 'content-type must be application/json'));
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      res.setHeader('connection', 'close');
      req.resume();
      return sendJson(res, 413, await failure('bad_request', 'the request is too large'));
    }
    const text = await readBody(req);
    if (text === null) return sendJson(res, 413, await failure('bad_request', 'the request is too large'));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return sendJson(res, 400, await failure('invalid_json', (error as Error).message));
    }
    const envelope = Envelope.safeParse(body);
    if (!envelope.success) return sendJson(res, 400, await failure('bad_request', 'expected {"name": "…", "input": {…}}'));
    const result = await (options.dispatch ?? dispatch)(ctx, envelope.data.name, envelope.data.input ?? {}, await language());
    sendJson(res, 200, result);
  };

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let relative: string;
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      relative = ''; // a malformed %-escape names no file
    }
    const file = path.resolve(rendererDir, relative);
    if (!relative || !file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': relative === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };

  const server = http.createServer((req, res) => {
    securityHeaders(res);
    void (async () => {
      try {
        if (req.headers.host !== host) {
          res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected request');
          return;
        }
        const pathname = new URL(req.url ?? '/', origin).pathname;
        if (pathname === '/api/call') await handleApi(req, res);
        else serveStatic(req, res, pathname);
      } catch (error) {
        if (!res.headersSent) sendJson(res, 500, await failure('internal', (error as Error).message));
        else res.destroy();
      }
    })();
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
