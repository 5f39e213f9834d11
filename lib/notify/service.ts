import 'server-only';
import { and, eq, gt, lte, desc, isNull, sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { notifications, deliveries, users } from '@/db/schema';
import { encryptPii, decryptPii } from '@/lib/pii/crypto';
import { publicBaseUrl } from '@/lib/config/env';
import { sendMail, sendSms, smtpTimeoutMs } from './channels';
import { maskEmail, maskPhone } from '@/lib/pii/mask';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/service';

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


let deferred = false;
/** Leaves queued deliveries to the server's background run (scripts such as the demo seeding). */
export function deferDeliveries(on = true): void {
  deferred = on;
}

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
  if (!deferred) setImmediate(() => (started = processDeliveries().catch((e) => console.error('deliveries', e))));
  return id;
}

let started: Promise<unknown> = Promise.resolve();

/** Waits for the delivery run the last notify() started (a test's data folder is removed only after it). */
export async function deliveriesSettled(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  await started;
}

/** How long a request waits for its own verification SMS or e-mail; the send goes on after that. */
const DIRECT_WAIT_MS = 3_000;

/** Waits for `p` at most `ms`; the work itself goes on (and records its result) when the wait ends. */
function waitAtMost(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    p.then(
      () => (clearTimeout(t), resolve()),
      () => (clearTimeout(t), resolve()),
    );
  });
}

/**
 * Queues one SMS that is not a notice (verification codes) and sends it at once, on its own (not
 * behind queued e-mail); the request waits at most a few seconds, a failure is retried in the background.
 */
export async function sendSmsNow(phone: string, text: string): Promise<void> {
  const now = Date.now();
  const row = getDb()
    .insert(deliveries)
    .values({ channel: 'sms', recipient: encryptPii(phone), body: `${SMS_SIGN}${text}`, status: 'pending', nextAttemptAt: now, createdAt: now })
    .returning({ id: deliveries.id })
    .get();
  await waitAtMost(deliverOne(row.id, now), DIRECT_WAIT_MS);
}

/**
 * Queues one e-mail that is not a notice (verification links) and sends it at once; an SMTP server
 * that does not answer holds the request at most a few seconds (the send times out after
 * WLBA_SMTP_TIMEOUT_MS and is retried in the background).
 */
export async function sendMailNow(to: string, subject: string, text: string): Promise<void> {
  const now = Date.now();
  const row = getDb()
    .insert(deliveries)
    .values({ channel: 'email', recipient: encryptPii(to), subject, body: text, status: 'pending', nextAttemptAt: now, createdAt: now })
    .returning({ id: deliveries.id })
    .get();
  await waitAtMost(deliverOne(row.id, now), DIRECT_WAIT_MS);
}

const CLAIM_MS = 5 * 60_000;

export const CHANNEL_LABELS = { email: '邮件', sms: '短信' } as const;

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
    db.update(deliveries).set({ status: 'sent', attempts: d.attempts + 1, lastError: null, sentAt: Date.now() }).where(eq(deliveries.id, id)).run();
    return true;
  } catch (e) {
    const attempts = d.attempts + 1;
    const message = String((e as Error)?.message ?? e).slice(0, 500);
    const failed = attempts >= MAX_ATTEMPTS;
    // Exponential back-off: 1, 2, 4, 8, 16 minutes, then give up (an admin can 重新发送).
    const next = now + 60_000 * 2 ** (attempts - 1);
    db.update(deliveries)
      .set({ attempts, lastError: message, status: failed ? 'failed' : 'pending', nextAttemptAt: next })
      .where(eq(deliveries.id, id))
      .run();
    console.warn(`[deliveries] ${CHANNEL_LABELS[d.channel]} #${id} 第 ${attempts} 次发送失败：${message}${failed ? '（不再自动重试，可在管理后台“发送记录”中重新发送）' : `（${Math.round((next - now) / 60_000)} 分钟后重试）`}`);
    return false;
  }
}

const running: Partial<Record<'email' | 'sms', Promise<number>>> = {};

/** Sends the due deliveries of one channel, one at a time; one run per channel and process. */
function runLane(channel: 'email' | 'sms', now: number): Promise<number> {
  const current = running[channel];
  if (current) return current;
  const run = (async () => {
    const due = getDb()
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(eq(deliveries.channel, channel), eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
      .orderBy(deliveries.nextAttemptAt)
      .limit(50)
      .all();
    let sent = 0;
    for (const d of due) if (await deliverOne(d.id, now)) sent++;
    return sent;
  })().finally(() => {
    running[channel] = undefined;
  });
  running[channel] = run;
  return run;
}

/**
 * Sends every due delivery; safe to call concurrently. E-mail and SMS are separate lanes, so an
 * SMTP server that does not answer never delays an SMS.
 */
export async function processDeliveries(now = Date.now()): Promise<number> {
  const [mail, sms] = await Promise.all([runLane('email', now), runLane('sms', now)]);
  return mail + sms;
}

export const DELIVERY_STATUS_LABELS = { pending: '待发送', retrying: '发送失败，等待重试', sent: '已发送', failed: '发送失败' } as const;
export type DeliveryDisplayStatus = keyof typeof DELIVERY_STATUS_LABELS;

/** 发送记录 of 管理后台: newest first, recipients masked, no message bodies (they hold codes and links). */
export function listDeliveries(opts: { status?: DeliveryDisplayStatus; page?: number; pageSize?: number } = {}) {
  const pageSize = opts.pageSize ?? 20;
  const page = Math.max(1, opts.page ?? 1);
  const where =
    opts.status === 'retrying'
      ? and(eq(deliveries.status, 'pending'), gt(deliveries.attempts, 0))
      : opts.status === 'pending'
        ? and(eq(deliveries.status, 'pending'), eq(deliveries.attempts, 0))
        : opts.status
          ? eq(deliveries.status, opts.status)
          : undefined;
  const db = getDb();
  const rows = db
    .select({ d: deliveries, title: notifications.title })
    .from(deliveries)
    .leftJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .where(where)
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map(({ d, title }) => {
      let to = '';
      try {
        const plain = decryptPii(d.recipient);
        to = d.channel === 'email' ? maskEmail(plain) : maskPhone(plain);
      } catch {
        to = '（无法解密）';
      }
      const status: DeliveryDisplayStatus = d.status === 'pending' && d.attempts > 0 ? 'retrying' : d.status;
      return {
        id: d.id,
        channel: d.channel,
        recipient: to,
        subject: d.channel === 'email' ? (d.subject ?? '联网备案平台通知') : (title ?? '验证码短信'),
        status,
        attempts: d.attempts,
        lastError: d.lastError,
        nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
        createdAt: d.createdAt,
        sentAt: d.sentAt,
        canResend: status === 'failed' || status === 'retrying',
      };
    });
  const total = db.select({ n: sql<number>`count(*)` }).from(deliveries).where(where).get()!.n;
  return { rows, total, page, pageSize };
}

/**
 * 重新发送 of a failed (or failing) delivery, by an admin: it is sent again now, once; the request
 * waits a few seconds for the result and otherwise leaves it to the background run.
 */
export async function resendDelivery(actor: Actor, id: number, now = Date.now()): Promise<'sent' | 'failed' | 'queued'> {
  assertCan(actor, 'deliveries.manage');
  const db = getDb();
  const d = db.select().from(deliveries).where(eq(deliveries.id, id)).get();
  if (!d) throw new AppError('not_found', '找不到该发送记录');
  if (d.status === 'sent') throw new AppError('conflict', '该消息已发送成功，无需重新发送');
  if (d.status === 'pending' && d.attempts === 0) throw new AppError('conflict', '该消息正在等待发送');
  db.transaction((tx) => {
    tx.update(deliveries).set({ status: 'pending', nextAttemptAt: now }).where(eq(deliveries.id, id)).run();
    writeAudit({ actorId: actor.id, actorRole: actor.role, action: 'delivery.resend', objectType: 'delivery', objectId: id, before: { status: d.status, attempts: d.attempts } }, tx);
  });
  const send = deliverOne(id, now);
  let done: boolean | undefined;
  await waitAtMost(
    send.then((ok) => (done = ok)),
    DIRECT_WAIT_MS + smtpTimeoutMs(),
  );
  if (done === undefined) return 'queued';
  return done ? 'sent' : 'failed';
}

const unreadOf = preparedQuery((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .prepare(),
);

export function unreadCount(userId: number): number {
  return unreadOf().get({ userId })!.n;
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

/** How many unread notices the home page lists. */
export const HOME_NOTICES = 5;

const newestUnreadOf = preparedQuery((db) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(sql.placeholder('n'))
    .prepare(),
);

/**
 * The user's `n` newest unread notices (the home page's 系统通知 card). Kept for the request
 * (React `cache`): the card and the pop-up of the newest (LatestNotice) read them once.
 */
export const newestUnread = cache((userId: number, n: number) => newestUnreadOf().all({ userId, n }));

/** The newest unread notice (the pop-up after login, SPEC §5); the 5 the home card shows hold it. */
export function latestUnread(userId: number) {
  return newestUnread(userId, HOME_NOTICES)[0];
}

/** Marks the user's own notice (or all of them) read. */
export function markRead(userId: number, notificationId: number | 'all'): void {
  const where =
    notificationId === 'all'
      ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
      : and(eq(notifications.userId, userId), eq(notifications.id, notificationId));
  getDb().update(notifications).set({ readAt: Date.now() }).where(where).run();
}
