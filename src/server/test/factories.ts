// Test data through the product's own services and routes: valid codes, registered applicants, signed-in clients.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { usccCheckCharacter } from '../../shared/uscc.js';
import type { Role } from '../../shared/schemas/system.js';
import { hashPassword } from '../modules/accounts/password.js';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 统一社会信用代码 of an enterprise (91) registered in the given region. */
export function validUscc(regionCode = '440300'): string {
  const bytes = randomBytes(9);
  const body = `91${regionCode}${Array.from(bytes, (b) => ALPHABET[b % 31]).join('')}`;
  return body + usccCheckCharacter(body);
}

export const PASSWORD = 'Kq7-harbour-lamp';

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export function sessionFrom(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name === 'jiebang_session');
  if (!cookie) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  const body = res.json();
  return { cookie: `jiebang_session=${cookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}

/** Sends a request as this session: the cookie always, the CSRF header on mutations. */
export function as(app: FastifyInstance, session: Session | null, options: InjectOptions) {
  const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
  if (session) {
    headers.cookie = session.cookie;
    if (options.method && options.method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  }
  return app.inject({ ...options, headers });
}

export function registrationBody(overrides: { uscc?: string; email?: string; password?: string; regionCode?: string } = {}) {
  const tag = randomBytes(4).toString('hex');
  return {
    organization: {
      name: `测试科技有限公司${tag}`,
      uscc: overrides.uscc ?? validUscc(),
      kind: 'enterprise',
      regionCode: overrides.regionCode ?? '440000',
    },
    user: {
      name: '李明',
      email: overrides.email ?? `li.${tag}@example.cn`,
      phone: '010-12345678',
      password: overrides.password ?? PASSWORD,
    },
  };
}

export async function registerApplicant(app: FastifyInstance, overrides: Parameters<typeof registrationBody>[0] = {}) {
  const body = registrationBody(overrides);
  const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.body}`);
  return { ...sessionFrom(res), email: body.user.email, organizationId: res.json().organization.id as string };
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  return sessionFrom(res);
}

/** An account of any role straight in the database (for roles whose creation route is not under test). */
export async function createAccount(
  db: Db,
  roles: Role[],
  extra: { recommenderId?: string; organizationId?: string; programIds?: string[] | null } = {},
): Promise<{ id: string; email: string }> {
  const email = `${roles[0]}.${randomBytes(4).toString('hex')}@example.gov.cn`;
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: `测试${roles[0]}`,
      passwordHash: await hashPassword(PASSWORD),
      roles,
      recommenderId: extra.recommenderId ?? null,
      organizationId: extra.organizationId ?? null,
      programIds: extra.programIds ?? null,
    })
    .returning();
  return { id: row!.id, email };
}

export async function signedInAs(app: FastifyInstance, db: Db, roles: Role[], extra: Parameters<typeof createAccount>[2] = {}) {
  const account = await createAccount(db, roles, extra);
  return { ...(await signIn(app, account.email)), email: account.email };
}

/** A multipart/form-data body with one file in the field `file` (as a browser's FormData upload sends it). */
export function multipartFile(filename: string, content: Buffer | string, contentType = 'application/octet-stream') {
  const boundary = `----jiebang${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
