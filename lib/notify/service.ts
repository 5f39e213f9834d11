import { and, eq, lte, desc, isNull, sql } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db/client';
import { notifications, deliveries, users } from '@/db/schema';
import { encryptPii, decryptPii } from '@/lib/pii/crypto';
import { publicBaseUrl } from '@/lib/config/env';
import { sendMail, sendSms } from './channels';

export type NotifyEvent = {
  /** e.g. 'application.approved', 'interview.scheduled', 'transfer.offered' */
  type: string;
  title: string;
  body: string;
  /** Path inside the app, e.g. /my/applications/12 */
  link?: string;
  channels?: { email?: boolean; sms?: boolean };
};

const MAX_ATTEMPTS = 6;
const SMS_SIGN = '【联网备案平台】';

type Tx = Queryable;

/**
 * The one entry point for telling a user something: the in-app notice is written
 * (in the caller's transaction when given), e-mail and SMS are queued and sent
 * after commit; a failed delivery is retried and never loses the notice.
 */
export function notify(userId: number, event: NotifyEvent, tx?: Tx): number {
  const run = (t: Tx) => {
    const now = Date.now();
    const user = t.select({ email: users.email, phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new Error(`notify: no user ${userId}`);
    const row = t
      .insert(notifications)
      .values({ userId, event: event.type, title: event.title, body: event.body, link: event.link ?? null, createdAt: now })
      .returning({ id: notifications.id })
      .get();
    const url = event.link ? `${publicBaseUrl()}${event.link}` : publicBaseUrl();
    if (event.channels?.email !== false && user.email) {
      t.insert(deliveries)
        .values({
          notificationId: row.id,
          channel: 'email',
          recipient: encryptPii(user.email),
          subject: `【联网备案平台】${event.title}`,
          body: `${event.body}\n\n详情请登录平台查看：${url}\n\n此邮件由系统自动发送，请勿回复。`,
          status: 'pending',
          nextAttemptAt: now,
          createdAt: now,
        })
        .run();
    }
    if (event.channels?.sms !== false) {
      t.insert(deliveries)
        .values({
          notificationId: row.id,
          channel: 'sms',
          recipient: user.phoneEnc,
          body: `${SMS_SIGN}${event.title}：${event.body} 详情请登录平台查看。`,
          status: 'pending',
          nextAttemptAt: now,
          createdAt: now,
        })
        .run();
    }
    return row.id;
  };
  const id = tx ? run(tx) : getDb().transaction(run);
  // Delivery happens outside the caller's transaction and never blocks it.
  setImmediate(() => void processDeliveries().catch((e) => console.error('deliveries', e)));
  return id;
}

/** Queues one SMS that is not a notice (verification codes) and sends it now. */
export async function sendSmsNow(phone: string, text: string): Promise<void> {
  const now = Date.now();
  const row = getDb()
    .insert(deliveries)
    .values({ channel: 'sms', recipient: encryptPii(phone), body: `${SMS_SIGN}${text}`, status: 'pending', nextAttemptAt: now, createdAt: now })
    .returning({ id: deliveries.id })
    .get();
  await deliverOne(row.id, now);
}

/** Queues one e-mail that is not a notice (verification links) and sends it now. */
export async function sendMailNow(to: string, subject: string, text: string): Promise<void> {
  const now = Date.now();
  const row = getDb()
    .insert(deliveries)
    .values({ channel: 'email', recipient: encryptPii(to), subject, body: text, status: 'pending', nextAttemptAt: now, createdAt: now })
    .returning({ id: deliveries.id })
    .get();
  await deliverOne(row.id, now);
}

const CLAIM_MS = 5 * 60_000;

async function deliverOne(id: number, now = Date.now()): Promise<boolean> {
  const db = getDb();
  // Claim the row first so a concurrent run (timer, notify(), direct send) cannot send it twice.
  const claimed = db
    .update(deliveries)
    .set({ nextAttemptAt: now + CLAIM_MS })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
    .run();
  if (claimed.changes !== 1) return false;
  const d = db.select().from(deliveries).where(eq(deliveries.id, id)).get()!;
  try {
    const to = decryptPii(d.recipient);
    if (d.channel === 'email') await sendMail({ to, subject: d.subject ?? '联网备案平台通知', text: d.body });
    else await sendSms(to, d.body);
    db.update(deliveries).set({ status: 'sent', attempts: d.attempts + 1, sentAt: Date.now() }).where(eq(deliveries.id, id)).run();
    return true;
  } catch (e) {
    const attempts = d.attempts + 1;
    // Exponential back-off: 1, 2, 4, 8, 16 minutes, then give up.
    db.update(deliveries)
      .set({
        attempts,
        lastError: String((e as Error)?.message ?? e).slice(0, 500),
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        nextAttemptAt: now + 60_000 * 2 ** (attempts - 1),
      })
      .where(eq(deliveries.id, id))
      .run();
    return false;
  }
}

let running: Promise<number> | null = null;

/** Sends every due delivery; safe to call concurrently (one run at a time per process). */
export function processDeliveries(now = Date.now()): Promise<number> {
  if (running) return running;
  running = (async () => {
    const due = getDb()
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
      .limit(50)
      .all();
    let sent = 0;
    for (const d of due) if (await deliverOne(d.id, now)) sent++;
    return sent;
  })().finally(() => {
    running = null;
  });
  return running;
}

export function unreadCount(userId: number): number {
  return getDb()
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .get()!.n;
}

export function listNotifications(userId: number, opts: { unreadOnly?: boolean; page?: number; pageSize?: number } = {}) {
  const pageSize = opts.pageSize ?? 10;
  const page = Math.max(1, opts.page ?? 1);
  const where = opts.unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);
  const db = getDb();
  const rows = db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(notifications).where(where).get()!.n;
  return { rows, total, page, pageSize };
}

export function latestUnread(userId: number) {
  return getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(1)
    .get();
}

/** Marks the user's own notice (or all of them) read. */
export function markRead(userId: number, notificationId: number | 'all'): void {
  const where =
    notificationId === 'all'
      ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
      : and(eq(notifications.userId, userId), eq(notifications.id, notificationId));
  getDb().update(notifications).set({ readAt: Date.now() }).where(where).run();
}
