// What the harness scenario's parts share: the planted personal data, small valid PDFs, and a step that must succeed.
import { randomUUID } from 'node:crypto';

/**
 * Personal data planted in the scenario: none of it may appear in a public response or in a log line (S12). By index:
 * 0–7 the responsible persons of the eight applications, 8 the objections, 9 what a lab and an applicant write about
 * a measurement (method, comment), 10 the text of progress reports and the admin's answers to them.
 */
export const CANARY = {
  phones: ['13911110001', '13911110002', '13911110003', '13911110004', '13911110005', '13911110006', '13911110007', '13911110008', '13911110009', '13911110010', '13911110011'],
  emails: [
    'canary.alpha@example.com',
    'canary.beta@example.com',
    'canary.gamma@example.com',
    'canary.delta@example.com',
    'canary.eps@example.com',
    'canary.zeta@example.com',
    'canary.eta@example.com',
    'canary.theta@example.com',
    'canary.iota@example.com',
    'canary.kappa@example.com',
    'canary.lambda@example.com',
  ],
} as const;

export const DAY = 86_400_000;

/** A small valid PDF with a unique body, so every attachment has its own hash. */
export function pdf(tag: string = randomUUID()): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${tag}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A scenario step: its answer must be a success, or the scenario stops naming the step. */
export async function ok<T = Record<string, unknown>>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, label: string): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`scenario step "${label}" answered ${r.statusCode}: ${r.body}`);
  return (r.body ? r.json() : {}) as T;
}
