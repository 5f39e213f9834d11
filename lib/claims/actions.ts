'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { claimCodeSchema, claimVerifySchema, linkCodeSchema, linkVerifySchema } from './schemas';
import { linkOldAccount, requestClaimCode, verifyClaimCode, verifyOldAccount } from './service';

/** 按旧备案号认领 → 获取验证码 (to the phone on record of that filing). */
export const requestClaimCodeAction = defineAction({ schema: claimCodeSchema, permission: 'applicant.area' }, async ({ oldNumber }, { user }) =>
  requestClaimCode(user.id, oldNumber),
);

/** 确认: the filing joins 可认领的网站. */
export const verifyClaimCodeAction = defineAction({ schema: claimVerifySchema, permission: 'applicant.area' }, async ({ oldNumber, code }, { user }) => {
  const r = verifyClaimCode(user.id, oldNumber, code);
  revalidatePath('/my/claims');
  return { oldNumber: r.oldNumber, name: r.name };
});

/** 关联旧账号 → 获取验证码 (to the phone on record of that account). */
export const linkOldAccountAction = defineAction({ schema: linkCodeSchema, permission: 'applicant.area' }, async ({ account }, { user }) =>
  linkOldAccount(user.id, account),
);

/** 关联: every filing of the old account becomes claimable. */
export const verifyOldAccountAction = defineAction({ schema: linkVerifySchema, permission: 'applicant.area' }, async ({ account, code }, { user }) => {
  const r = verifyOldAccount(user.id, account, code);
  revalidatePath('/my/claims');
  return r;
});
