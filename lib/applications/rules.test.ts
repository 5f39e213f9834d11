import { describe, it, expect } from 'vitest';
import {
  APPLICATION_TRANSITIONS,
  SUBJECT_TRANSITIONS,
  WEBSITE_TRANSITIONS,
  APPLICATION_EVENTS,
  SUBJECT_EVENTS,
  WEBSITE_EVENTS,
  nextApplicationStatus,
  nextSubjectStatus,
  nextWebsiteStatus,
  canRevoke,
  isBusinessApplication,
  subjectApprovalBlock,
  REVOKE_WINDOW_MS,
  type ApplicationEvent,
  type SubjectEvent,
  type WebsiteEvent,
} from './rules';
import type { ApplicationStatus, SubjectStatus, WebsiteStatus } from '@/db/schema';

describe('application transitions (SPEC §2)', () => {
  const allowed: [ApplicationStatus, ApplicationEvent, ApplicationStatus][] = [
    ['待审核', 'claim', '审核中'],
    ['待审核', 'revoke', '已撤销'],
    ['待审核', 'void', '已撤销'],
    ['审核中', 'release', '待审核'],
    ['审核中', 'approve', '通过'],
    ['审核中', 'return', '退回'],
    ['审核中', 'schedule', '待面审'],
    ['审核中', 'void', '已撤销'],
    ['待面审', 'approve', '通过'],
    ['待面审', 'return', '退回'],
    ['待面审', 'void', '已撤销'],
    ['待审核', 'bundleReturn', '退回'],
    ['审核中', 'bundleReturn', '退回'],
    ['待面审', 'bundleReturn', '退回'],
    ['待审核', 'transfer', '待审核'],
    ['审核中', 'transfer', '待审核'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, e, to) => expect(nextApplicationStatus(from, e)).toBe(to));

  it('refuses every other pair with a Chinese error', () => {
    let refused = 0;
    for (const from of Object.keys(APPLICATION_TRANSITIONS) as ApplicationStatus[])
      for (const e of Object.keys(APPLICATION_EVENTS) as ApplicationEvent[]) {
        if (allowed.some(([f, ev]) => f === from && ev === e)) continue;
        expect(() => nextApplicationStatus(from, e)).toThrow(`申请当前状态为“${from}”，不能${APPLICATION_EVENTS[e]}`);
        refused++;
      }
    expect(refused).toBe(6 * 9 - allowed.length);
  });

  it('a decided application can never be decided again', () => {
    for (const done of ['通过', '退回', '已撤销'] as const) {
      expect(() => nextApplicationStatus(done, 'approve')).toThrow();
      expect(() => nextApplicationStatus(done, 'return')).toThrow();
    }
    expect(() => nextApplicationStatus('审核中', 'revoke')).toThrow('申请当前状态为“审核中”，不能撤销申请');
  });
});

describe('subject transitions', () => {
  const allowed: [SubjectStatus, SubjectEvent, SubjectStatus][] = [
    ['待审核', 'approve', '有效'],
    ['待审核', 'return', '已退回'],
    ['待审核', 'revoke', '已退回'],
    ['已退回', 'resubmit', '待审核'],
    ['有效', 'change', '变更中'],
    ['有效', 'cancel', '注销中'],
    ['有效', 'transfer', '移交中'],
    ['变更中', 'changeApproved', '有效'],
    ['变更中', 'changeEnded', '有效'],
    ['注销中', 'cancelApproved', '已注销'],
    ['注销中', 'cancelEnded', '有效'],
    ['移交中', 'undoTransfer', '有效'],
    ['移交中', 'accept', '有效'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, e, to) => expect(nextSubjectStatus(from, e)).toBe(to));

  it('refuses every other pair', () => {
    let refused = 0;
    for (const from of Object.keys(SUBJECT_TRANSITIONS) as SubjectStatus[])
      for (const e of Object.keys(SUBJECT_EVENTS) as SubjectEvent[]) {
        if (allowed.some(([f, ev]) => f === from && ev === e)) continue;
        expect(() => nextSubjectStatus(from, e)).toThrow(`主体当前状态为“${from}”，不能${SUBJECT_EVENTS[e]}`);
        refused++;
      }
    expect(refused).toBe(7 * 13 - allowed.length);
  });

  it('a subject being changed, cancelled or transferred cannot start another of these', () => {
    expect(() => nextSubjectStatus('变更中', 'change')).toThrow('主体当前状态为“变更中”，不能变更主体');
    expect(() => nextSubjectStatus('注销中', 'transfer')).toThrow();
    expect(() => nextSubjectStatus('已注销', 'change')).toThrow();
  });
});

describe('website transitions', () => {
  const allowed: [WebsiteStatus, WebsiteEvent, WebsiteStatus][] = [
    ['待审核', 'approve', '已备案'],
    ['待审核', 'return', '已退回'],
    ['待审核', 'revoke', '已退回'],
    ['待审核', 'subjectCancelled', '已注销'],
    ['已退回', 'resubmit', '待审核'],
    ['已退回', 'subjectCancelled', '已注销'],
    ['已备案', 'change', '变更中'],
    ['已备案', 'cancel', '注销中'],
    ['已备案', 'subjectCancelled', '已注销'],
    ['已备案', 'policeCancel', '已注销'],
    ['变更中', 'changeEnded', '已备案'],
    ['变更中', 'subjectCancelled', '已注销'],
    ['注销中', 'cancelApproved', '已注销'],
    ['注销中', 'cancelEnded', '已备案'],
    ['注销中', 'subjectCancelled', '已注销'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, e, to) => expect(nextWebsiteStatus(from, e)).toBe(to));
  it('refuses every other pair', () => {
    for (const from of Object.keys(WEBSITE_TRANSITIONS) as WebsiteStatus[])
      for (const e of Object.keys(WEBSITE_EVENTS) as WebsiteEvent[]) {
        if (allowed.some(([f, ev]) => f === from && ev === e)) continue;
        expect(() => nextWebsiteStatus(from, e)).toThrow(`网站当前状态为“${from}”`);
      }
  });
});

describe('注销备案 by the police and 转办', () => {
  it('cancels only a filed object, never one under review, returned or already cancelled', () => {
    const from = (Object.keys(WEBSITE_TRANSITIONS) as WebsiteStatus[]).filter((s) => WEBSITE_TRANSITIONS[s].policeCancel);
    expect(from).toEqual(['已备案']);
    expect(() => nextWebsiteStatus('已注销', 'policeCancel')).toThrow('网站当前状态为“已注销”，不能注销备案');
    expect(() => nextWebsiteStatus('变更中', 'policeCancel')).toThrow('不能注销备案');
  });
  it('转办 takes only an undecided application not yet scheduled for 面审', () => {
    expect(() => nextApplicationStatus('待面审', 'transfer')).toThrow('申请当前状态为“待面审”，不能转办');
    expect(() => nextApplicationStatus('通过', 'transfer')).toThrow('不能转办');
  });
});

describe('canRevoke', () => {
  const t0 = Date.parse('2026-11-23T02:00:00Z');
  it('allows 待审核 within 30 minutes only', () => {
    expect(canRevoke({ status: '待审核', submittedAt: t0 }, t0 + 29 * 60_000)).toBe(true);
    expect(canRevoke({ status: '待审核', submittedAt: t0 }, t0 + REVOKE_WINDOW_MS)).toBe(true);
    expect(canRevoke({ status: '待审核', submittedAt: t0 }, t0 + 31 * 60_000)).toBe(false);
    expect(canRevoke({ status: '审核中', submittedAt: t0 }, t0 + 60_000)).toBe(false);
  });
});

describe('subjectApprovalBlock (SPEC §6.3)', () => {
  it('lets a business application be approved only while its subject is approved and not being cancelled', () => {
    const approvable = (['待审核', '有效', '变更中', '注销中', '移交中', '已注销', '已退回'] as SubjectStatus[]).filter((s) => subjectApprovalBlock(s) === null);
    expect(approvable).toEqual(['有效', '变更中', '移交中']);
    expect(subjectApprovalBlock('待审核')).toBe('开办主体尚未审核通过，须先审核该主体的新增主体申请');
    expect(subjectApprovalBlock('已退回')).toContain('开办主体已被退回');
  });
  it('tells business applications from applications about the subject', () => {
    expect(['新增主体', '变更主体', '注销主体'].map(isBusinessApplication)).toEqual([false, false, false]);
    expect(['新办网站', '变更网站', '注销网站', '安全评估', '网站认领'].every(isBusinessApplication)).toBe(true);
  });
});
