// The audit key every test uses, so tests can verify the seals too.
export const TEST_AUDIT_CONFIG = { key: Buffer.alloc(32, 7), alg: 'sha256' as const };
