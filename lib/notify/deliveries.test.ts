import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { deliveries } from '@/db/schema';
import { dataDir } from '@/lib/config/env';
import { createUser } from '@/lib/users/service';
import type { Actor } from '@/lib/auth/policy';
import { makeApplicant } from '@/lib/test/fixtures';
import { startSmtpSink, type SmtpSink } from '@/lib/test/smtp-sink';
import { sendEmailVerification } from './codes';
import { listDeliveries, notify, processDeliveries, resendDelivery } from './service';

let sink: SmtpSink;
let admin: Actor;
const smsLines = () => {
  const f = path.join(dataDir(), 'outbox', 'sms.log');
  return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim().split('\n').filter(Boolean) : [];
};
const emailRows = () => getDb().select().from(deliveries).where(eq(deliveries.channel, 'email')).all();
const waitUntil = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return cond();
};

beforeAll(async () => {
  sink = await startSmtpSink('hang');
  process.env.SMTP_URL = sink.url;
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770009999', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
});
afterEach(async () => {
  // Let every send of the test finish before the next one changes the sink or the clock.
  process.env.WLBA_SMTP_TIMEOUT_MS = "200";
  await processDeliveries(Date.now() + 3_600_000 * 24);
  getDb().delete(deliveries).run();
  sink.messages.length = 0;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.WLBA_SMTP_TIMEOUT_MS;
  await sink.close();
});

describe('e-mail through an SMTP server that accepts but never answers (SPEC §13)', () => {
  it('does not hold the request: the send times out after WLBA_SMTP_TIMEOUT_MS and is queued for a retry', async () => {
    sink.mode = 'hang';
    process.env.WLBA_SMTP_TIMEOUT_MS = '400';
    const u = await makeApplicant();
    const t0 = Date.now();
    await sendEmailVerification(u.id);
    expect(Date.now() - t0).toBeLessThan(2_500);
    const [row] = emailRows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(row!.lastError).toBeTruthy();
    expect(row!.nextAttemptAt).toBeGreaterThanOrEqual(t0 + 60_000);
  });

  it('a stuck e-mail does not delay the SMS of the same notice', async () => {
    sink.mode = 'hang';
    process.env.WLBA_SMTP_TIMEOUT_MS = '5000';
    const u = await makeApplicant();
    const before = smsLines().length;
    notify(u.id, { type: 'test.lanes', title: '审核结果', body: '您的申请已审核通过。' });
    const run = processDeliveries();
    expect(await waitUntil(() => smsLines().length > before, 1_500)).toBe(true);
    expect(smsLines().at(-1)).toContain('审核结果');
    await run;
  }, 30_000);

  it('a failed e-mail is retried with back-off by the background run, and delivered once the server answers', async () => {
    sink.mode = 'hang';
    process.env.WLBA_SMTP_TIMEOUT_MS = '300';
    const u = await makeApplicant();
    const t = Date.now();
    notify(u.id, { type: 'test.retry', title: '面审通知', body: '请按时参加面审。', channels: { sms: false } });
    await waitUntil(() => emailRows()[0]?.attempts === 1, 5_000);
    // Not due again before its back-off ends.
    expect(await processDeliveries(t + 30_000)).toBe(0);
    expect(emailRows()[0]!.attempts).toBe(1);
    sink.mode = 'accept';
    expect(await processDeliveries(t + 61_000 + 1_000)).toBe(1);
    expect(emailRows()[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sink.messages.map((m) => m.subject)).toEqual(['【联网备案平台】面审通知']);
    expect(sink.messages[0]!.to).toEqual([`u${u.phone.slice(-4).replace(/^0+/, '')}@example.com`]);
  }, 30_000);

  it('after the last retry the e-mail is 发送失败 in 发送记录, and an admin’s 重新发送 delivers it', async () => {
    sink.mode = 'hang';
    process.env.WLBA_SMTP_TIMEOUT_MS = '200';
    const u = await makeApplicant();
    const t = Date.now();
    notify(u.id, { type: 'test.resend', title: '退回通知', body: '请修改后重新提交。', channels: { sms: false } });
    await waitUntil(() => emailRows()[0]?.attempts === 1, 5_000);
    for (let i = 1; i < 6; i++) await processDeliveries(t + i * 3_600_000);
    const [row] = emailRows();
    expect(row).toMatchObject({ status: 'failed', attempts: 6 });
    const listed = listDeliveries().rows.find((r) => r.id === row!.id)!;
    expect(listed).toMatchObject({ channel: 'email', status: 'failed', attempts: 6, subject: '【联网备案平台】退回通知', canResend: true });
    expect(listed.recipient).not.toContain(u.phone);
    expect(listed.lastError).toBeTruthy();

    const applicant: Actor = { id: u.id, role: 'applicant', unitId: null, phoneVerified: true };
    await expect(resendDelivery(applicant, row!.id)).rejects.toThrow('您没有权限执行此操作');
    sink.mode = 'accept';
    expect(await resendDelivery(admin, row!.id)).toBe('sent');
    expect(sink.messages.map((m) => m.subject)).toEqual(['【联网备案平台】退回通知']);
    expect(listDeliveries().rows.find((r) => r.id === row!.id)).toMatchObject({ status: 'sent', attempts: 7, canResend: false });
    await expect(resendDelivery(admin, row!.id)).rejects.toThrow('已发送成功');
  }, 30_000);
});
