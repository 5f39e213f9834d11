import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { dataDir } from '@/lib/config/env';

export function outboxDir(): string {
  const dir = path.join(dataDir(), 'outbox');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export type Mail = { to: string; subject: string; text: string };

const MAIL_FROM = () => process.env.MAIL_FROM || '联网备案平台 <noreply@beian.localhost>';

/** Connection, greeting and inactivity limit of one SMTP send: WLBA_SMTP_TIMEOUT_MS, default 10 s. */
export function smtpTimeoutMs(): number {
  const v = Number(process.env.WLBA_SMTP_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 10_000;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message becomes an .eml file in DATA_DIR/outbox.
 * An SMTP server that accepts the connection but never answers fails the send after
 * WLBA_SMTP_TIMEOUT_MS (and a send never takes longer than three times that in all).
 */
export async function sendMail(mail: Mail): Promise<void> {
  const message = { from: MAIL_FROM(), to: mail.to, subject: mail.subject, text: mail.text };
  if (process.env.SMTP_URL) {
    const timeout = smtpTimeoutMs();
    // (createTransport({ url, … }) would drop every option beside the URL: the transport is built directly.)
    const transport = nodemailer.createTransport(
      new SMTPTransport({ url: process.env.SMTP_URL, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout, dnsTimeout: timeout } as SMTPTransport.Options),
    );
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        transport.sendMail(message),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`邮件服务器在 ${Math.round((3 * timeout) / 1000)} 秒内未完成发送`)), 3 * timeout);
        }),
      ]);
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { responseCode?: number };
      if (err.code === 'ETIMEDOUT') throw new Error(`邮件服务器 ${timeout} 毫秒内无响应（超时）`);
      if (err.code === 'ECONNECTION' || err.code === 'ESOCKET') throw new Error(`无法连接邮件服务器：${err.message}`);
      throw e;
    } finally {
      clearTimeout(timer);
      transport.close();
    }
    return;
  }
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(message);
  const name = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.eml`;
  fs.writeFileSync(path.join(outboxDir(), name), info.message as Buffer);
}

/** SMS gateway adapter: a real deployment registers its own with setSmsAdapter. */
export interface SmsAdapter {
  send(phone: string, text: string): Promise<void>;
}

/** Default adapter: appends `time<TAB>phone<TAB>text` lines to DATA_DIR/outbox/sms.log. */
export const outboxSmsAdapter: SmsAdapter = {
  async send(phone, text) {
    fs.appendFileSync(path.join(outboxDir(), 'sms.log'), `${new Date().toISOString()}\t${phone}\t${text.replace(/\n/g, ' ')}\n`);
  },
};

let smsAdapter: SmsAdapter = outboxSmsAdapter;
export function setSmsAdapter(adapter: SmsAdapter): void {
  smsAdapter = adapter;
}
export function sendSms(phone: string, text: string): Promise<void> {
  return smsAdapter.send(phone, text);
}
