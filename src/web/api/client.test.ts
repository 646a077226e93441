// The API client: the error shape becomes ApiError; the CSRF token and language travel with requests.
import { describe, expect, it, vi } from 'vitest';
import { ApiError, request, setApiLanguage, setCsrfToken } from './client.js';

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const sentHeaders = (mock: ReturnType<typeof stubFetch>) => (mock.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;

describe('request', () => {
  it('turns an error body into an ApiError with its details', async () => {
    stubFetch(400, { error: { code: 'VALIDATION_FAILED', message: '提交的内容有误', details: [{ path: 'title', message: '必填' }] } });
    const error = await request('/api/x', { method: 'POST', body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: '提交的内容有误', details: [{ path: 'title', message: '必填' }] });
  });

  it('gives a localised INTERNAL error for a non-JSON failure and for a network failure', async () => {
    setApiLanguage('en');
    stubFetch(502, '<html>Bad gateway</html>');
    const bad = (await request('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(bad).toMatchObject({ code: 'INTERNAL', status: 502 });
    expect(bad.message).toMatch(/Internal server error/);
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const offline = (await request('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(offline).toMatchObject({ code: 'INTERNAL', status: 0 });
    expect(offline.message).toMatch(/cannot be reached/);
    setApiLanguage('zh');
  });

  it('sends the CSRF token on mutations but not on reads, and the language always', async () => {
    setCsrfToken('token-123');
    const post = stubFetch(200, { ok: true });
    await request('/api/x', { method: 'POST', body: { a: 1 } });
    expect(sentHeaders(post)['x-csrf-token']).toBe('token-123');
    expect(sentHeaders(post)['accept-language']).toBe('zh');
    expect(sentHeaders(post)['content-type']).toBe('application/json');

    const get = stubFetch(200, { ok: true });
    expect(await request<{ ok: boolean }>('/api/x')).toEqual({ ok: true });
    expect(sentHeaders(get)['x-csrf-token']).toBeUndefined();
    setCsrfToken(null);
  });
});
