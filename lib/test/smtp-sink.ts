/**
 * A tiny local SMTP server for tests (node:net, no TLS, no auth). Mode 'accept' takes every
 * message and keeps it in `messages`; mode 'hang' accepts the connection and never says a word
 * (an SMTP server that is stuck). The mode can be switched while it runs.
 */
import net from 'node:net';

export type SinkMessage = { from: string; to: string[]; data: string; subject: string };

export type SmtpSink = {
  port: number;
  url: string;
  mode: 'accept' | 'hang';
  messages: SinkMessage[];
  close(): Promise<void>;
};

function decodeSubject(data: string): string {
  const m = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(data);
  if (!m) return '';
  return m[1]!
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    )
    .trim();
}

export function startSmtpSink(mode: 'accept' | 'hang' = 'accept'): Promise<SmtpSink> {
  const sockets = new Set<net.Socket>();
  const sink: SmtpSink = { port: 0, url: '', mode, messages: [], close: async () => undefined };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (sink.mode === 'hang') return; // never a greeting
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buf = '';
    let inData = false;
    let from = '';
    let to: string[] = [];
    reply('220 sink.localhost ESMTP test sink');
    socket.on('data', (chunk) => {
      buf += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = Buffer.from(buf.slice(0, end), 'latin1').toString('utf8').replace(/^\.\./gm, '.');
          buf = buf.slice(end + 5);
          inData = false;
          sink.messages.push({ from, to, data, subject: decodeSubject(data) });
          reply('250 2.0.0 queued');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') reply('250 sink.localhost');
        else if (cmd === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          to = [];
          reply('250 2.1.0 OK');
        } else if (cmd === 'RCPT') {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 OK');
        } else if (cmd === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (cmd === 'RSET' || cmd === 'NOOP') reply('250 OK');
        else if (cmd === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 5.5.2 command not implemented');
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      sink.port = (server.address() as net.AddressInfo).port;
      sink.url = `smtp://127.0.0.1:${sink.port}`;
      sink.close = () =>
        new Promise<void>((r) => {
          for (const s of sockets) s.destroy();
          server.close(() => r());
        });
      resolve(sink);
    });
  });
}
