// Identity: applicant organizations, recommending units, user accounts, sessions, one-time links, rate-limit counters.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ROLES } from '../../../shared/schemas/system.js';
import { sqlWordList } from '../sql-text.js';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const ORGANIZATION_KINDS = ['enterprise', 'institute', 'university', 'other'] as const;
export const RECOMMENDER_KINDS = ['province', 'central_enterprise', 'association'] as const;

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull().unique(),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
    regionCode: text('region_code').notNull(),
    cityCode: text('city_code'),
    /** 统一社会信用代码 of the parent organization (its group), for conflict-of-interest rules. */
    parentUscc: text('parent_uscc'),
    ...timestamps,
  },
  (t) => [
    check('organizations_kind', sql`${t.kind} IN ('enterprise', 'institute', 'university', 'other')`),
    check('organizations_uscc_format', sql`${t.uscc} ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'`),
    check('organizations_region_format', sql`${t.regionCode} ~ '^[0-9]{2}0000$'`),
  ],
);

export const recommenders = pgTable(
  'recommenders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind', { enum: RECOMMENDER_KINDS }).notNull(),
    regionCode: text('region_code'),
    cityCode: text('city_code'),
    uscc: text('uscc').unique(),
    builtIn: boolean('built_in').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    check('recommenders_kind', sql`${t.kind} IN ('province', 'central_enterprise', 'association')`),
    // A provincial recommender has a region; one per province-level region or 计划单列市.
    check('recommenders_province_region', sql`${t.kind} <> 'province' OR ${t.regionCode} IS NOT NULL`),
    uniqueIndex('recommenders_province_unique')
      .on(t.regionCode, sql`coalesce(${t.cityCode}, '')`)
      .where(sql`${t.kind} = 'province'`),
    uniqueIndex('recommenders_name_unique').on(t.name),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles', { enum: ROLES }).array().notNull().default(sql`'{}'::text[]`),
    /** Program ids a program admin is granted; null with the program_admin role means all programs. */
    programIds: uuid('program_ids').array(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    recommenderId: uuid('recommender_id').references(() => recommenders.id),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    check('users_roles_known', sql`${t.roles} <@ ARRAY[${sqlWordList(ROLES)}]::text[]`),
    check('users_password_hash_argon2', sql`${t.passwordHash} LIKE '$argon2id$%'`),
    check(
      'users_applicants_have_organization',
      sql`NOT (${t.roles} && ARRAY['applicant', 'org_admin']::text[]) OR ${t.organizationId} IS NOT NULL`,
    ),
    check('users_recommenders_have_unit', sql`NOT ('recommender' = ANY(${t.roles})) OR ${t.recommenderId} IS NOT NULL`),
    index('users_organization').on(t.organizationId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not hand out sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the token in the link. */
    tokenHash: text('token_hash').notNull().unique(),
    purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
    email: text('email').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id),
    createdBy: uuid('created_by').references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('one_time_tokens_purpose', sql`${t.purpose} IN ('invite', 'reset')`)],
);

/** Fixed-window counters shared by every app process (sign-in, registration, objections, uploads, exports). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** An expert's profile in the pool: their organization (for conflicts of interest), region, subfields and keywords. */
export const expertProfiles = pgTable(
  'expert_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationName: text('organization_name').notNull(),
    organizationUscc: text('organization_uscc'),
    /** The group (parent organization) the expert's organization belongs to, for the same-group conflict. */
    organizationParentUscc: text('organization_parent_uscc'),
    regionCode: text('region_code').notNull(),
    subfieldIds: uuid('subfield_ids').array().notNull().default(sql`'{}'::uuid[]`),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [
    check('expert_profiles_uscc_format', sql`${t.organizationUscc} IS NULL OR ${t.organizationUscc} ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'`),
    index('expert_profiles_uscc').on(t.organizationUscc),
  ],
);

/** Relationships an expert declares with organizations (employment, board seats, shareholdings, other ties): while
 * they last and for three years after, the expert is not assigned that organization's applications. */
export const expertTies = pgTable(
  'expert_ties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationName: text('organization_name').notNull(),
    uscc: text('uscc'),
    kind: text('kind', { enum: ['employment', 'board', 'shareholding', 'other'] }).notNull(),
    /** YYYY-MM-DD; null while the tie lasts. */
    endedOn: text('ended_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('expert_ties_expert').on(t.expertId),
    check('expert_ties_kind', sql`${t.kind} IN ('employment', 'board', 'shareholding', 'other')`),
    check('expert_ties_ended_on', sql`${t.endedOn} IS NULL OR ${t.endedOn} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
  ],
);
