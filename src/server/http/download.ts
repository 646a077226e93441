// A stored PDF sent as a download: never rendered in the browser, never cached, its name safe in both header forms.
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

export function sendPdfDownload(reply: FastifyReply, file: { name: string; size: number; stream: Readable }) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type('application/pdf')
    .header('content-length', String(file.size))
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.stream);
}
