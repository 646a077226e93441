// Recognising PostgreSQL errors through Drizzle's wrapper (the driver error is its `cause`).

function pgCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown): boolean => pgCode(error) === '23505';
/** A row is still referenced (ON DELETE RESTRICT / NO ACTION), e.g. a subfield that applications use. */
export const isForeignKeyViolation = (error: unknown): boolean => pgCode(error) === '23503';
