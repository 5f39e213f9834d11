import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { deliveries, notifications } from '@/db/schema';
import { dataDir } from '@/lib/config/env';
import { decryptPii } from '@/lib/pii/crypto';
import { createUser } from '@/lib/users/service';
import { outboxSmsAdapter, setSmsAdapter, type SmsAdapter } from './channels';
import { HOME_NOTICES, latestUnread, listNotifications, markRead, newestUnread, notify, processDeliveries, sendSmsNow, unreadCount, type NotifyEvent } from './service';

// ---------------------------------------------------------------- helpers

const outbox = () => path.join(dataDir(), 'outbox');

function smsLines(): string[] {
  const file = path.join(outbox(), 'sms.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

function emlFiles(): string[] {
  if (!fs.existsSync(outbox())) return [];
  return fs
    .readdirSync(outbox())
    .filter((f) => f.endsWith('.eml'))
    .map((f) => path.join(outbox(), f));
}

function decodeQuotedPrintable(body: string): string {
  const s = body.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** To, Subject (RFC 2047 decoded) and the decoded text body of a single-part .eml. */
function readEml(file: string): { to: string; subject: string; text: string } {
  const raw = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const split = raw.indexOf('\n\n');
  const headers = raw.slice(0, split).replace(/\n[ \t]+/g, ' ');
  const body = raw.slice(split + 2);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
  const subject = header('Subject')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const text = cte === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : cte === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return { to: header('To'), subject, text };
}

/** Lets the background run that notify() schedules happen, and waits for it to finish. */
async function settle() {
  await new Promise((r) => setImmediate(r));
  await processDeliveries();
}

let seq = 0;
async function newUser(withEmail = true) {
  seq += 1;
  const phone = `137${String(20_000_000 + seq * 104_729).slice(-8)}`;
  const email = withEmail ? `user${seq}@example.com` : null;
  const { id } = await createUser({ role: 'applicant', name: '张三', phone, email, password: 'Secret#2026' });
  return { id, phone, email };
}

const event = (title: string, extra: Partial<NotifyEvent> = {}): NotifyEvent => ({
  type: 'application.approved',
  title,
  body: `您的申请“${title}”已审核通过。`,
  link: '/my/applications/12',
  ...extra,
});

function deliveriesOf(notificationId: number) {
  return getDb().select().from(deliveries).where(eq(deliveries.notificationId, notificationId)).orderBy(deliveries.id).all();
}

const failingSms: SmsAdapter = {
  async send() {
    throw new Error('短信网关不可用');
  },
};

beforeAll(() => {
  getDb();
});

afterEach(async () => {
  setSmsAdapter(outboxSmsAdapter);
  await settle();
});

// ---------------------------------------------------------------- tests

describe('notify', () => {
  it('writes the in-app notice and queues an e-mail and an SMS, encrypted at rest', async () => {
    const u = await newUser();
    const id = notify(u.id, event('新增主体申请已通过'));

    const n = getDb().select().from(notifications).where(eq(notifications.id, id)).get()!;
    expect(n).toMatchObject({ userId: u.id, event: 'application.approved', title: '新增主体申请已通过', link: '/my/applications/12', readAt: null });

    const ds = deliveriesOf(id);
    expect(ds.map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['email', 'pending', 0],
      ['sms', 'pending', 0],
    ]);
    const [email, sms] = ds;
    expect(email!.recipient).not.toContain(u.email!);
    expect(decryptPii(email!.recipient)).toBe(u.email);
    expect(email!.subject).toBe('【联网备案平台】新增主体申请已通过');
    expect(email!.body).toContain('http://beian.test/my/applications/12');
    expect(sms!.recipient).not.toContain(u.phone);
    expect(decryptPii(sms!.recipient)).toBe(u.phone);
    expect(sms!.body).toBe('【联网备案平台】新增主体申请已通过：您的申请“新增主体申请已通过”已审核通过。 详情请登录平台查看。');
  });

  it('processDeliveries sends the queued e-mail and SMS', async () => {
    const u = await newUser();
    const emlBefore = emlFiles();
    const smsBefore = smsLines().length;
    const id = notify(u.id, event('网站备案已通过'));

    expect(await processDeliveries()).toBe(2);

    const mails = emlFiles().filter((f) => !emlBefore.includes(f));
    expect(mails).toHaveLength(1);
    const mail = readEml(mails[0]!);
    expect(mail.to).toBe(u.email);
    expect(mail.subject).toBe('【联网备案平台】网站备案已通过');
    expect(mail.text).toContain('您的申请“网站备案已通过”已审核通过。');
    expect(mail.text).toContain('详情请登录平台查看：http://beian.test/my/applications/12');

    const lines = smsLines().slice(smsBefore);
    expect(lines).toHaveLength(1);
    const [time, phone, text] = lines[0]!.split('\t');
    expect(new Date(time!).toISOString()).toBe(time);
    expect(phone).toBe(u.phone);
    expect(text).toContain('【联网备案平台】网站备案已通过');

    for (const d of deliveriesOf(id)) {
      expect(d.status).toBe('sent');
      expect(d.attempts).toBe(1);
      expect(d.sentAt).toEqual(expect.any(Number));
    }
    // Nothing is sent twice.
    await settle();
    expect(await processDeliveries()).toBe(0);
    expect(smsLines().length).toBe(smsBefore + 1);
  });

  it('honours channels and accounts without e-mail', async () => {
    const noMail = await newUser(false);
    expect(deliveriesOf(notify(noMail.id, event('无邮箱'))).map((d) => d.channel)).toEqual(['sms']);

    const u = await newUser();
    expect(deliveriesOf(notify(u.id, event('仅站内', { channels: { email: false, sms: false } })))).toEqual([]);
    expect(deliveriesOf(notify(u.id, event('仅邮件', { channels: { sms: false } }))).map((d) => d.channel)).toEqual(['email']);
    expect(unreadCount(u.id)).toBe(2);
  });

  it('refuses an unknown user and writes nothing', async () => {
    const before = getDb().select({ n: count() }).from(notifications).get()!.n;
    expect(() => notify(999_999, event('无此用户'))).toThrowError('notify: no user 999999');
    expect(getDb().select({ n: count() }).from(notifications).get()!.n).toBe(before);
  });

  it("rolls back with the caller's transaction", async () => {
    const u = await newUser();
    const deliveriesBefore = getDb().select({ n: count() }).from(deliveries).get()!.n;
    expect(() =>
      getDb().transaction((tx) => {
        notify(u.id, event('不应出现'), tx);
        throw new Error('审核失败');
      }),
    ).toThrowError('审核失败');

    expect(listNotifications(u.id).total).toBe(0);
    expect(unreadCount(u.id)).toBe(0);
    expect(getDb().select({ n: count() }).from(deliveries).get()!.n).toBe(deliveriesBefore);
  });

  it("commits with the caller's transaction", async () => {
    const u = await newUser();
    const id = getDb().transaction((tx) => notify(u.id, event('随事务提交'), tx));
    expect(listNotifications(u.id).rows.map((r) => r.id)).toEqual([id]);
    expect(deliveriesOf(id)).toHaveLength(2);
  });
});

describe('failed deliveries', () => {
  it('keep the notice, are retried with back-off and sent once the gateway works again', async () => {
    const u = await newUser();
    setSmsAdapter(failingSms);
    const t = Date.now();
    const id = notify(u.id, event('面审通知', { type: 'interview.scheduled', channels: { email: false } }));

    expect(await processDeliveries()).toBe(0);
    await settle();

    expect(unreadCount(u.id)).toBe(1);
    expect(listNotifications(u.id).rows[0]).toMatchObject({ id, title: '面审通知' });
    const [d] = deliveriesOf(id);
    expect(d).toMatchObject({ channel: 'sms', status: 'pending', attempts: 1, lastError: '短信网关不可用', sentAt: null });
    expect(d!.nextAttemptAt).toBeGreaterThanOrEqual(t + 60_000);

    // Not due yet: a run now leaves it alone even with a working gateway.
    setSmsAdapter(outboxSmsAdapter);
    const smsBefore = smsLines().length;
    expect(await processDeliveries()).toBe(0);
    expect(deliveriesOf(id)[0]!.attempts).toBe(1);

    expect(await processDeliveries(Date.now() + 60 * 60_000)).toBe(1);
    const lines = smsLines().slice(smsBefore);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`\t${u.phone}\t【联网备案平台】面审通知：`);
    expect(deliveriesOf(id)[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('give up after 6 attempts, with 1, 2, 4, 8, 16 minute pauses', async () => {
    const u = await newUser();
    setSmsAdapter(failingSms);
    const id = notify(u.id, event('移交通知', { type: 'transfer.offered', channels: { email: false } }));
    await settle(); // the background run makes the first attempt
    expect(deliveriesOf(id)[0]!.attempts).toBe(1);

    // Each run happens a simulated day later; back-off is counted from the run's own clock.
    let t = Date.now();
    const far = () => (t += 24 * 60 * 60_000);
    for (let attempt = 2; attempt <= 6; attempt++) {
      expect(await processDeliveries(far())).toBe(0);
      const d = deliveriesOf(id)[0]!;
      expect(d.attempts).toBe(attempt);
      if (attempt < 6) {
        expect(d.status).toBe('pending');
        expect(d.nextAttemptAt).toBeGreaterThanOrEqual(t + 60_000 * 2 ** (attempt - 1));
      }
    }
    expect(deliveriesOf(id)[0]).toMatchObject({ status: 'failed', attempts: 6, lastError: '短信网关不可用', sentAt: null });

    // A failed delivery is not picked up again, even with a working gateway.
    setSmsAdapter(outboxSmsAdapter);
    const smsBefore = smsLines().length;
    expect(await processDeliveries(far())).toBe(0);
    expect(smsLines().length).toBe(smsBefore);
    expect(deliveriesOf(id)[0]!.attempts).toBe(6);
    // The notice itself is still there.
    expect(unreadCount(u.id)).toBe(1);
  });
});

describe('sending while a run is under way', () => {
  it('a verification SMS being sent by sendSmsNow is not sent a second time by processDeliveries', async () => {
    // A gateway that holds every send until released, so both senders are in flight at once.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    setSmsAdapter({
      async send(phone, text) {
        sent.push(`${phone} ${text}`);
        await gate;
      },
    });
    const direct = sendSmsNow('13711112222', '您的验证码为 123456，5分钟内有效。');
    await Promise.resolve();
    const run = processDeliveries();
    release();
    await Promise.all([direct, run]);
    expect(sent).toEqual(['13711112222 【联网备案平台】您的验证码为 123456，5分钟内有效。']);
  });
});

describe('reading notices', () => {
  it('unreadCount, listNotifications (newest first, paged, unread only) and markRead', async () => {
    const u = await newUser();
    const ids: number[] = [];
    for (let i = 1; i <= 12; i++) ids.push(notify(u.id, event(`通知${i}`, { channels: { email: false, sms: false } })));
    expect(unreadCount(u.id)).toBe(12);

    const p1 = listNotifications(u.id);
    expect(p1).toMatchObject({ total: 12, page: 1, pageSize: 10 });
    expect(p1.rows.map((r) => r.title)).toEqual(['通知12', '通知11', '通知10', '通知9', '通知8', '通知7', '通知6', '通知5', '通知4', '通知3']);
    const p2 = listNotifications(u.id, { page: 2 });
    expect(p2.rows.map((r) => r.title)).toEqual(['通知2', '通知1']);

    markRead(u.id, ids[0]!);
    markRead(u.id, ids[11]!);
    expect(unreadCount(u.id)).toBe(10);
    const unread = listNotifications(u.id, { unreadOnly: true, pageSize: 20 });
    expect(unread.total).toBe(10);
    expect(unread.rows.map((r) => r.id)).not.toContain(ids[0]);
    expect(unread.rows.map((r) => r.id)).not.toContain(ids[11]);
    expect(listNotifications(u.id).total).toBe(12);
    // The home page's 系统通知 card and its pop-up of the newest unread notice.
    expect(newestUnread(u.id, HOME_NOTICES).map((r) => r.title)).toEqual(['通知11', '通知10', '通知9', '通知8', '通知7']);
    expect(latestUnread(u.id)?.title).toBe('通知11');

    markRead(u.id, 'all');
    expect(unreadCount(u.id)).toBe(0);
    expect(listNotifications(u.id, { unreadOnly: true }).total).toBe(0);
    expect(newestUnread(u.id, HOME_NOTICES)).toEqual([]);
    expect(latestUnread(u.id)).toBeUndefined();
  });

  it("a user cannot mark another user's notice read, nor see it", async () => {
    const a = await newUser();
    const b = await newUser();
    const bNotice = notify(b.id, event('给乙的通知', { channels: { email: false, sms: false } }));
    notify(a.id, event('给甲的通知', { channels: { email: false, sms: false } }));

    markRead(a.id, bNotice);
    markRead(a.id, 'all');
    expect(unreadCount(b.id)).toBe(1);
    expect(getDb().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, bNotice)).get()!.readAt).toBeNull();
    expect(unreadCount(a.id)).toBe(0);
    expect(listNotifications(a.id).rows.map((r) => r.title)).toEqual(['给甲的通知']);
    expect(newestUnread(b.id, HOME_NOTICES).map((r) => r.title)).toEqual(['给乙的通知']);
    expect(latestUnread(a.id)).toBeUndefined();
  });
});
