import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { dataDir } from '@/lib/config/env';

export function outboxDir(): string {
  const dir = path.join(dataDir(), 'outbox');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export type Mail = { to: string; subject: string; text: string };

const MAIL_FROM = () => process.env.MAIL_FROM || '联网备案平台 <noreply@beian.localhost>';

/** SMTP when SMTP_URL is set; otherwise each message becomes an .eml file in DATA_DIR/outbox. */
export async function sendMail(mail: Mail): Promise<void> {
  const message = { from: MAIL_FROM(), to: mail.to, subject: mail.subject, text: mail.text };
  if (process.env.SMTP_URL) {
    await nodemailer.createTransport(process.env.SMTP_URL).sendMail(message);
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
