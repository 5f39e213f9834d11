/** The 网站认领 / 关联旧账号 forms' inputs: one schema each, used by the form and re-checked by the action. */
import { z } from 'zod';

export const CLAIM_LABELS = { oldNumber: '旧备案号', code: '短信验证码', account: '原系统登录账号' } as const;

const oldNumber = z.string({ error: '请输入旧备案号' }).trim().min(1, '请输入旧备案号').max(40, '旧备案号格式不正确');
const code = z.string({ error: '请输入短信验证码' }).trim().regex(/^\d{6}$/, '请输入6位短信验证码');
const account = z.string({ error: '请输入原系统登录账号' }).trim().min(1, '请输入原系统登录账号').max(40, '原系统登录账号格式不正确');

export const claimCodeSchema = z.object({ oldNumber });
export const claimVerifySchema = z.object({ oldNumber, code });
export const linkCodeSchema = z.object({ account });
export const linkVerifySchema = z.object({ account, code });
