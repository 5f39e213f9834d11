import { describe, it, expect, beforeAll } from 'vitest';
import { makeApplicant } from '@/lib/test/fixtures';
import { AppError } from '@/lib/errors';
import { DRAFT_MAX_BYTES, DRAFT_TOO_LARGE, getDraft, saveDraft } from './service';

let userId: number;
beforeAll(async () => {
  userId = (await makeApplicant()).id;
});

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('saveDraft size limit', () => {
  it('stores a draft up to 200 KB and refuses a larger one in Chinese, leaving the stored draft as it was', () => {
    // Three bytes a character in UTF-8: the limit is on the stored bytes, not on characters.
    const near = { basic: { name: '字'.repeat(Math.floor((DRAFT_MAX_BYTES - 100) / 3)) } };
    const id = saveDraft(userId, '新办网站', near);
    expect(getDraft(userId, id).data).toEqual(near);

    const over = { basic: { name: '字'.repeat(Math.ceil(DRAFT_MAX_BYTES / 3) + 10) } };
    const e = errorOf(() => saveDraft(userId, '新办网站', over, { draftId: id }));
    expect(e.message).toBe(DRAFT_TOO_LARGE);
    expect(e.message).toBe('草稿内容过长（超过200KB），无法保存');
    expect(getDraft(userId, id).data).toEqual(near);
    expect(errorOf(() => saveDraft(userId, '新增主体', { x: 'x'.repeat(1_000_000) })).message).toBe(DRAFT_TOO_LARGE);
  });
});
