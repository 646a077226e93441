// Queries on user accounts, organizations and recommending units.
import { asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, recommenders, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type RecommenderRow = typeof recommenders.$inferSelect;

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return rows[0];
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  return rows[0];
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const rows = await db.select({ n: count() }).from(users);
  return rows[0]?.n ?? 0;
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
  const rows = await db.insert(users).values(values).returning();
  return rows[0]!;
}

export async function updateUser(db: DbOrTx, id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set({ ...values, updatedAt: sql`now()` }).where(eq(users.id, id));
}

export async function findOrganizationByUscc(db: DbOrTx, uscc: string): Promise<OrganizationRow | undefined> {
  const rows = await db.select().from(organizations).where(eq(organizations.uscc, uscc));
  return rows[0];
}

export async function findOrganizationById(db: DbOrTx, id: string): Promise<OrganizationRow | undefined> {
  const rows = await db.select().from(organizations).where(eq(organizations.id, id));
  return rows[0];
}

export async function insertOrganization(db: DbOrTx, values: typeof organizations.$inferInsert): Promise<OrganizationRow> {
  const rows = await db.insert(organizations).values(values).returning();
  return rows[0]!;
}

export async function listRecommenders(db: DbOrTx): Promise<RecommenderRow[]> {
  return db.select().from(recommenders).orderBy(asc(recommenders.kind), asc(recommenders.regionCode), asc(recommenders.name));
}

export async function findRecommenderById(db: DbOrTx, id: string): Promise<RecommenderRow | undefined> {
  const rows = await db.select().from(recommenders).where(eq(recommenders.id, id));
  return rows[0];
}

export async function findRecommenderByName(db: DbOrTx, name: string): Promise<RecommenderRow | undefined> {
  const rows = await db.select().from(recommenders).where(eq(recommenders.name, name));
  return rows[0];
}

export async function insertRecommender(db: DbOrTx, values: typeof recommenders.$inferInsert): Promise<RecommenderRow> {
  const rows = await db.insert(recommenders).values(values).returning();
  return rows[0]!;
}
