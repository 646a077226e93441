// The error shape and codes of API.md, in Chinese by default and English on request.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, ERROR_STATUS, isErrorBody } from '../../shared/errors.js';
import { createTestApp } from '../test/app.js';
import { AppError } from './app-error.js';

function addProbeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/probe/echo', {
    config: { access: 'public' },
    schema: {
      body: z.strictObject({ name: z.string().min(2), count: z.number().int().max(10), nested: z.strictObject({ ok: z.boolean() }).optional() }),
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).optional() }),
      response: { 200: z.object({ name: z.string() }) },
    },
    handler: async (request) => ({ name: request.body.name }),
  });
  r.get('/api/probe/crash', {
    config: { access: 'public' },
    schema: { response: { 200: z.object({ ok: z.boolean() }) } },
    handler: async () => {
      throw new Error('secret table users_password_hash exploded at /srv/app.js:12');
    },
  });
  r.get('/api/probe/bad-response', {
    config: { access: 'public' },
    schema: { response: { 200: z.object({ ok: z.boolean() }) } },
    handler: async () => ({ ok: 'yes' }) as unknown as { ok: boolean },
  });
  r.get('/api/probe/app-error/:code', {
    config: { access: 'public' },
    schema: { params: z.object({ code: z.enum(ERROR_CODES) }), response: { 200: z.object({}) } },
    handler: async (request) => {
      throw new AppError(request.params.code, undefined, {
        details: [{ path: 'field', message: { zh: '字段有误', en: 'bad field' } }],
        headers: request.params.code === 'RATE_LIMITED' ? { 'retry-after': '30' } : undefined,
      });
    },
  });
}

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await createTestApp({ beforeReady: addProbeRoutes, bodyLimit: 2048 }));
});

describe('error shape', () => {
  it('answers an unknown API route with 404 NOT_FOUND in the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '未找到该对象' } });
  });

  it('lists every invalid field with a Chinese message by default', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/probe/echo', payload: { name: 'x', count: 11 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toBe('提交的内容有误，请检查标出的字段');
    const paths = body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['count', 'name']);
    for (const d of body.error.details) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers in English with Accept-Language: en', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { count: 1 },
    });
    const body = res.json();
    expect(body.error.message).toBe('Some fields are invalid; see the details');
    expect(body.error.details).toEqual([{ path: 'name', message: 'Required' }]);
  });

  it('refuses unknown fields, also nested, naming each one', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: 'ok', count: 1, status: 'winner', nested: { ok: true, score: 100 } },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['nested.score', 'status']);
  });

  it('names query parameters with a query prefix', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/probe/echo?limit=0', payload: { name: 'ok', count: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('query.limit');
  });

  it('turns malformed JSON into VALIDATION_FAILED', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '', message: '请求体不是有效的 JSON' }] });
  });

  it('turns an oversized body into 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/probe/echo', payload: { name: 'x'.repeat(5000), count: 1 } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('turns an unsupported content type into 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('hides internals of an unexpected error behind 500 INTERNAL', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } });
    expect(res.body).not.toMatch(/secret|users_password|\/srv|at /);
  });

  it('never sends a response that breaks its own schema', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/bad-response' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
  });

  it.each(ERROR_CODES)('maps AppError %s to its HTTP status with details', async (code) => {
    const res = await app.inject({ method: 'GET', url: `/api/probe/app-error/${code}`, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(ERROR_STATUS[code]);
    const body = res.json();
    expect(isErrorBody(body)).toBe(true);
    expect(body.error.code).toBe(code);
    expect(body.error.details).toEqual([{ path: 'field', message: 'bad field' }]);
    if (code === 'RATE_LIMITED') expect(res.headers['retry-after']).toBe('30');
  });

  it('keeps a well-formed incoming request id and makes one otherwise', async () => {
    const kept = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'proxy-req-12345678' } });
    expect(kept.headers['x-request-id']).toBe('proxy-req-12345678');
    const replaced = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('text no database can hold', () => {
  it('refuses NUL, unpaired surrogates and deep nesting with field-level details, and a malformed path in our shape', async () => {
    for (const [name, path] of [['a\u0000b', 'name'], ['x\uD800', 'name']] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/probe/echo', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name, count: 1 }) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([{ path, message: '含有不允许的字符（空字符或不成对的代理项）' }]);
    }
    const deep = await app.inject({ method: 'POST', url: '/api/probe/echo', headers: { 'content-type': 'application/json' }, payload: '{"nested":' + '['.repeat(200) + ']'.repeat(200) + '}' });
    expect(deep.statusCode).toBe(400);
    const long = await app.inject({ method: 'GET', url: `/api/probe/app-error/${'x'.repeat(500)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(long.headers['x-frame-options']).toBe('DENY');
  });
});
