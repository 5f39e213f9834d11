import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceWrites } from './coalesce-writes.mjs';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** Serves one response the way Next.js streams a page; returns the body and the socket writes it took. */
async function serve(coalesce: boolean): Promise<{ body: string; writes: number }> {
  let writes = 0;
  server = http.createServer((req, res) => {
    const socket = res.socket as Socket & { _writeGeneric: (...a: unknown[]) => unknown };
    const generic = socket._writeGeneric;
    socket._writeGeneric = function (...a: unknown[]) {
      writes++;
      return generic.apply(this, a);
    };
    if (coalesce) coalesceWrites(res);
    res.setHeader('content-type', 'text/html');
    res.flushHeaders();
    res.write('<!DOCTYPE html><html><body>页面');
    res.write('<p>第二段</p>');
    // A chunk rendered later (a streamed part) still goes out, after the first ones.
    setTimeout(() => res.end('</body></html>'), 20);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  return { body, writes };
}

describe('coalesceWrites (issue 17)', () => {
  it('sends the headers and what is written in the same turn in one write, the rest as it comes', async () => {
    const plain = await serve(false);
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const coalesced = await serve(true);
    expect(coalesced.body).toBe('<!DOCTYPE html><html><body>页面<p>第二段</p></body></html>');
    expect(plain.body).toBe(coalesced.body);
    // Plainly the headers go out alone, then the chunks (Node joins the two of one turn), then the
    // end: 3 writes. Coalesced, the headers travel with the chunks: 2.
    expect(plain.writes).toBe(3);
    expect(coalesced.writes).toBe(2);
  });
});
