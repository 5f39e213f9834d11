import { describe, it, expect } from 'vitest';
import { getDb } from '@/db/client';

/**
 * Look-ups that pages run on every visit, by their shape: each must search an index, not read a
 * table that grows with the platform (found by explaining every statement a crawl of the demo ran).
 */
const LOOK_UPS: [string, string, RegExp][] = [
  ['我的首页 安全评估 card, 安全评估 list', 'select id from assessments where subject_id = ? order by created_at desc limit 5', /^SEARCH assessments USING (COVERING )?INDEX assessments_subject \(subject_id=\?\)$/],
  ['审核详情: the other applications of a 并联 bundle', 'select id, code, type, status from applications where bundle_id = ? and id <> ?', /^SEARCH applications USING INDEX applications_bundle \(bundle_id=\?\)$/],
  ['审核详情, 申请详情: the application’s 面审', 'select * from interviews where application_id = ? order by id desc limit 1', /^SEARCH interviews USING INDEX interviews_application \(application_id=\?\)$/],
];

describe('indexes', () => {
  it.each(LOOK_UPS)('%s', (_page, query, planned) => {
    const args = Array.from(query.matchAll(/\?/g), () => 1);
    const plan = (getDb().$client.prepare(`explain query plan ${query}`).all(...args) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual([expect.stringMatching(planned)]);
  });
});
