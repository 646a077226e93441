// User accounts; organizations, sessions and invitations join them in the accounts issue.
import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../../../shared/schemas/system.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles', { enum: ROLES }).array().notNull().default(sql`'{}'::text[]`),
    /** Program ids a program admin is granted; null with the program_admin role means all programs. */
    programIds: uuid('program_ids').array(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    check('users_roles_known', sql`${t.roles} <@ ARRAY[${sql.raw(ROLES.map((r) => `'${r}'`).join(', '))}]::text[]`),
    check('users_password_hash_argon2', sql`${t.passwordHash} LIKE '$argon2id$%'`),
  ],
);
