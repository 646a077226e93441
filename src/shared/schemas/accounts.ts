// Request and response schemas of the account routes (API.md "Accounts"), shared by the server and the forms.
import { z } from 'zod';
import { ROLES, roleSchema, sessionUser } from './system.js';

export const ORGANIZATION_KIND_VALUES = ['enterprise', 'institute', 'university', 'other'] as const;
export const RECOMMENDER_KIND_VALUES = ['province', 'central_enterprise', 'association'] as const;

const text = (max: number) => z.string().trim().min(1, 'required').max(max);
const email = z.string().trim().toLowerCase().pipe(z.email('email').max(200));
const phone = z.string().trim().regex(/^[0-9+\-() ]{7,20}$/, 'phone');
const code6 = z.string().regex(/^\d{6}$/, 'regionCode');

export const registerBody = z.strictObject({
  organization: z.strictObject({
    name: text(200),
    uscc: z.string().trim().toUpperCase(),
    kind: z.enum(ORGANIZATION_KIND_VALUES),
    regionCode: code6,
    cityCode: code6.optional(),
    parentUscc: z.string().trim().toUpperCase().optional(),
  }),
  user: z.strictObject({
    name: text(100),
    email,
    phone,
    password: z.string().max(128),
  }),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const organizationView = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  kind: z.enum(ORGANIZATION_KIND_VALUES),
  regionCode: z.string(),
  cityCode: z.string().nullable(),
});

export const registerResponse = z.object({ user: sessionUser, organization: organizationView, csrfToken: z.string() });

export const loginBody = z.strictObject({ email: z.string().trim().toLowerCase().max(200), password: z.string().max(200) });
export const loginResponse = z.object({ user: sessionUser, csrfToken: z.string() });

export const changePasswordBody = z.strictObject({ currentPassword: z.string().max(200), newPassword: z.string().max(128) });

export const createRecommenderBody = z.strictObject({
  name: text(200),
  kind: z.enum(RECOMMENDER_KIND_VALUES),
  regionCode: code6.optional(),
  cityCode: code6.optional(),
  uscc: z.string().trim().toUpperCase().optional(),
});

export const recommenderView = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(RECOMMENDER_KIND_VALUES),
  regionCode: z.string().nullable(),
  cityCode: z.string().nullable(),
});
export type RecommenderView = z.infer<typeof recommenderView>;

export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const;

export const createUserBody = z.strictObject({
  role: roleSchema,
  name: text(100),
  email,
  password: z.string().max(128),
  recommenderId: z.uuid().optional(),
  programIds: z.array(z.uuid()).max(100).optional(),
});

export const idResponse = z.object({ id: z.string() });

export const userSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummary>;

export { ROLES };

export const createExpertBody = z.strictObject({
  name: text(100),
  email,
  password: z.string().max(128),
  organization: z.strictObject({ name: text(200), uscc: z.string().trim().toUpperCase().optional() }),
  regionCode: code6,
  subfieldIds: z.array(z.uuid()).max(50),
  keywords: z.array(z.string().trim().min(1).max(50)).max(30),
});
export type CreateExpertBody = z.infer<typeof createExpertBody>;

export const expertView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  organizationName: z.string(),
  organizationUscc: z.string().nullable(),
  regionCode: z.string(),
  subfieldIds: z.array(z.string()),
  keywords: z.array(z.string()),
  disabled: z.boolean(),
});
export type ExpertView = z.infer<typeof expertView>;
