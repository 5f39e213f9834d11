import { describe, it, expect } from 'vitest';
import { getDb } from '@/db/client';
import { unapprovedSubjectFilings } from '@/lib/review/integrity';

/**
 * Look-ups that pages and actions run, by their shape: each must search an index, not read a
 * table that grows with the platform (found by explaining every statement that a crawl of the
 * demo, the unit and integration tests and the browser tests ran). The plan is SQLite's without
 * statistics, as the platform never runs ANALYZE.
 */
const LOOK_UPS: [string, string, RegExp[]][] = [
  [
    '我的首页 安全评估 card, 安全评估 list',
    'select id from assessments where subject_id = ? order by created_at desc limit 5',
    [/^SEARCH assessments USING (COVERING )?INDEX assessments_subject \(subject_id=\?\)$/],
  ],
  [
    '审核详情: the other applications of a 并联 bundle',
    'select id, code, type, status from applications where bundle_id = ? and id <> ?',
    [/^SEARCH applications USING INDEX applications_bundle \(bundle_id=\?\)$/],
  ],
  [
    '审核详情, 申请详情: the application’s 面审',
    'select * from interviews where application_id = ? order by id desc limit 1',
    [/^SEARCH interviews USING INDEX interviews_application \(application_id=\?\)$/],
  ],
  [
    '我的认领: open claims',
    'select l.id, a.code from legacy_filings l inner join applications a on a.id = l.claim_application_id where a.applicant_id = ? and l.claimed_website_id is null',
    [/^SEARCH a USING (COVERING )?INDEX applications_applicant \(applicant_id=\?\)$/, /^SEARCH l USING INDEX legacy_claim_application \(claim_application_id=\?\)$/],
  ],
  [
    '我的认领: claimed websites',
    'select l.id, w.id from legacy_filings l inner join websites w on w.id = l.claimed_website_id inner join subjects s on s.id = w.subject_id and s.owner_id = ? order by l.claimed_at desc',
    [/^SEARCH s USING COVERING INDEX subjects_owner \(owner_id=\?\)$/, /^SEARCH w USING (COVERING )?INDEX websites_subject \(subject_id=\?\)$/, /^SEARCH l USING INDEX legacy_claimed \(claimed_website_id=\?\)$/, /^USE TEMP B-TREE FOR ORDER BY$/],
  ],
  [
    '数据统计: 逾期未认领, oldest import first',
    'select id from legacy_filings where claimed_website_id is null and imported_at < ? order by imported_at, id limit 10',
    [/^SEARCH legacy_filings USING INDEX legacy_unclaimed \(imported_at<\?\)$/],
  ],
  [
    '管理后台: the accounts of a role, newest first, and their count',
    'select count(*) from users where role = ?',
    [/^SEARCH users USING COVERING INDEX users_role \(role=\?\)$/],
  ],
  [
    '管理后台 账号列表',
    'select id from users where role = ? order by created_at desc limit 20',
    [/^SEARCH users USING (COVERING )?INDEX users_role \(role=\?\)$/],
  ],
  [
    '已办 of all units (管理员), newest first',
    'select id from applications where decided_by is not null and status in (?, ?) order by decided_at desc, id desc limit 10',
    [/^SCAN applications USING INDEX applications_decided_all$/],
  ],
  [
    '数据统计 of all units (管理员): decided in the period',
    'select count(*) from applications where decided_by is not null and status in (?, ?) and decided_at >= ? and decided_at <= ?',
    [/^SEARCH applications USING INDEX applications_decided_all \(decided_at>\? AND decided_at<\?\)$/],
  ],
  [
    '发送记录, newest first',
    'select id from deliveries order by created_at desc, id desc limit 20',
    [/^SCAN deliveries USING (COVERING )?INDEX deliveries_created$/],
  ],
  [
    '审核详情 of a 安全评估 application, deciding or revoking it: its assessment',
    'select data from assessments where application_id = ?',
    [/^SEARCH assessments USING INDEX assessments_application \(application_id=\?\)$/],
  ],
  [
    '注销主体: the subject is no longer anyone’s 当前主体',
    'update users set current_subject_id = ? where current_subject_id = ?',
    [/^SEARCH users USING (COVERING )?INDEX users_current_subject \(current_subject_id=\?\)$/],
  ],
  [
    '变更网站 / 变更APP…: the other pending 变更 of the kind',
    "select payload from applications where type = ? and status in ('待审核', '审核中', '待面审') and website_id <> ?",
    [/^SEARCH applications USING INDEX applications_pending_type \(type=\?\)$/],
  ],
  [
    '面审 reminders (hourly job): the 面审 still to come in the next day',
    'select i.id from interviews i inner join applications a on a.id = i.application_id where i.outcome is null and a.status = ? and i.scheduled_at > ? and i.scheduled_at <= ?',
    [/^SEARCH i USING INDEX interviews_upcoming \(scheduled_at>\? AND scheduled_at<\?\)$/, /^SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)$/],
  ],
  [
    '注销主体: its open 移交 offer withdrawn',
    'update subject_transfers set status = ?, decided_at = ? where subject_id = ? and status = ?',
    [/^SEARCH subject_transfers USING INDEX subject_transfers_subject \(subject_id=\? AND status=\?\)$/],
  ],
  [
    '发送验证邮件: the account’s earlier links voided',
    'update verification_codes set consumed_at = ? where purpose = ? and user_id = ? and consumed_at is null',
    [/^SEARCH verification_codes USING INDEX verification_codes_user \(user_id=\? AND purpose=\?\)$/],
  ],
];

const planOf = (query: string, args: unknown[]) => (getDb().$client.prepare(`explain query plan ${query}`).all(...args) as { detail: string }[]).map((r) => r.detail);

describe('indexes', () => {
  it.each(LOOK_UPS)('%s', (_page, query, planned) => {
    expect(planOf(query, Array.from(query.matchAll(/\?/g), () => 1))).toEqual(planned.map((p) => expect.stringMatching(p)));
  });

  it('数据检查 (管理后台 and every start): from the subjects never approved, not from every filed website', () => {
    const { sql, params } = unapprovedSubjectFilings().toSQL();
    expect(planOf(sql, params)).toEqual([
      expect.stringMatching(/^SEARCH subjects USING (COVERING )?INDEX subjects_never_approved \(status=\?\)$/),
      expect.stringMatching(/^SEARCH websites USING INDEX websites_subject \(subject_id=\?\)$/),
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
  });
});
