// A planted defect for the crash harness: a front server that acknowledges a submission before the platform has
// committed it (it answers at once with a receipt of its own and passes the request on later). The harness must
// report those receipts as lost.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { freePort } from '../../db/embedded.js';

export async function lossyFront(platformPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const forward = (req: http.IncomingMessage, body: Buffer, res?: http.ServerResponse) => {
    const upstream = http.request({ host: '127.0.0.1', port: platformPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      if (res) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      } else answer.resume();
    });
    // The platform is down (killed): drop the connection, as the platform itself would have.
    upstream.on('error', () => res?.destroy());
    upstream.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && /\/submit$/.test(req.url ?? '')) {
        const receipt = { number: `EARLY-${randomUUID()}`, submittedAt: new Date().toISOString(), sha256: '0'.repeat(64), sm3: '0'.repeat(64) };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'submitted', receipt }));
        setTimeout(() => forward(req, body), 1500);
      } else forward(req, body, res);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
