import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBook, type Book } from '../../src-main/db/book';
import { CONTENT_SECURITY_POLICY } from '../../src-main/web/csp';
import { startWebServer, type WebServer } from '../../src-main/web/server';

let dir: string;
let book: Book;
let server: WebServer;
let base: string;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so tests can send any Host, Origin or body. */
function request(method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const api = (body: unknown, headers: Record<string, string> = {}) =>
  request('POST', '/api/call', { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers }, typeof body === 'string' ? body : JSON.stringify(body));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-web-'));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Tradebook</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  book = openBook(path.join(dir, 'book.db'), { create: true });
  server = await startWebServer({ book, now: () => '2025-06-30T08:00:00Z', host: { timeZone: 'Asia/Shanghai', country: 'CN' } }, { rendererDir: renderer });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  await book.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('web mode server', () => {
  it('listens on 127.0.0.1 and gives a URL carrying a long random token', () => {
    expect(server.url).toBe(`${base}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with the strict CSP and security headers', async () => {
    const page = await request('GET', '/', {});
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Tradebook</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await request('GET', '/assets/app.js', {})).headers['content-type']).toMatch(/javascript/);
  });

  it('does not serve files outside the renderer', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%2f..%2fsecret.txt', '/missing.js', '/%E0%A4%A']) {
      const reply = await request('GET', p, {});
      expect(reply.status, p).toBe(404);
      expect(reply.body).not.toContain('secret');
    }
  });

  it('answers a call with the token', async () => {
    const reply = await api({ name: 'accounts.add', input: { name: 'Válvulas Ibéricas S.L.', country: 'ES' } });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { timeZone: 'Europe/Madrid' } });
    const list = JSON.parse((await api({ name: 'accounts.list', input: { query: 'valv' } })).body) as { value: unknown[] };
    expect(list.value).toHaveLength(1);
  });

  it('refuses calls without the right token, typed', async () => {
    for (const headers of [{ authorization: '' }, { authorization: 'Bearer nope' }, { authorization: `Bearer ${server.token}x` }]) {
      const reply = await api({ name: 'book.info' }, headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('refuses another origin, another site and another host name (DNS rebinding)', async () => {
    const evil = await api({ name: 'book.info' }, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    const crossSite = await api({ name: 'book.info' }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const rebinding = await api({ name: 'book.info' }, { host: `evil.example:${server.port}` });
    expect(rebinding.status).toBe(421);
    const sameOrigin = await api({ name: 'book.info' }, { origin: base, 'sec-fetch-site': 'same-origin' });
    expect(JSON.parse(sameOrigin.body)).toMatchObject({ ok: true });
  });

  it('turns bad requests into typed errors, never a crash', async () => {
    const cases: [string | object, number, string][] = [
      ['{not json', 400, 'invalid_json'],
      [{ nothing: true }, 400, 'bad_request'],
      [{ name: 'accounts.nothing' }, 200, 'unknown_handler'],
      [{ name: 'accounts.add', input: { name: '', country: 'XX' } }, 200, 'invalid_input'],
      [{ name: 'orders.add', input: { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', orderedAt: '2025-01-01', amount: -5, currency: 'EUR' } }, 200, 'invalid_input'],
      [{ name: 'accounts.get', input: { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } }, 200, 'not_found'],
    ];
    for (const [body, status, code] of cases) {
      const reply = await api(body);
      expect(reply.status, JSON.stringify(body)).toBe(status);
      expect(JSON.parse(reply.body), JSON.stringify(body)).toMatchObject({ ok: false, error: { code } });
    }
    const get = await request('GET', '/api/call', { authorization: `Bearer ${server.token}` });
    expect(get.status).toBe(405);
    const wrongType = await request('POST', '/api/call', { authorization: `Bearer ${server.token}`, 'content-type': 'text/plain' }, '{}');
    expect(wrongType.status).toBe(415);
    const huge = await api(JSON.stringify({ name: 'accounts.add', input: { name: 'x'.repeat(17 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect(JSON.parse((await api({ name: 'book.info' })).body)).toMatchObject({ ok: true });
  });

  it('answers in the language chosen in the settings', async () => {
    await api({ name: 'settings.set', input: { key: 'language', value: 'zh-CN' } });
    const reply = JSON.parse((await api({ name: 'accounts.add', input: { name: 'x', country: 'XX' } })).body) as { error: { message: string } };
    expect(reply.error.message).toMatch(/国家代码/);
    await api({ name: 'settings.set', input: { key: 'language', value: 'en' } });
  });
});
