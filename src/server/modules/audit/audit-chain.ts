// The audit hash chain: how one record is hashed and sealed, shared by the writer and the verifier.
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './canonical.js';

export type HashAlg = 'sha256' | 'sm3';
export const GENESIS_HASH = '0'.repeat(64);

/** The fields that are hashed, in the form both writer and verifier build them. */
export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorRoles: string[];
  organizationId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  requestId: string | null;
  details: unknown;
  hashAlg: HashAlg;
  prevHash: string;
}

export function hashRecord(fields: ChainedFields): string {
  return createHash(fields.hashAlg).update(canonicalJson(fields), 'utf8').digest('hex');
}

export function macOf(key: Buffer, hash: string): string {
  return createHmac('sha256', key).update(hash, 'utf8').digest('hex');
}
