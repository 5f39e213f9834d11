import { z } from 'zod';

/** What a form says when its 验证码 is missing, or was not accepted (shown by the form and sent by the server). */
export const CAPTCHA_REQUIRED = '请先完成验证码验证';
export const CAPTCHA_INVALID = '验证码验证未通过或已失效，请重新验证';

/** Which form asks, and for which account (登录账号, or the phone of 注册 / 忘记密码). */
export const captchaQuerySchema = z.object({
  form: z.enum(['login', 'register', 'password_reset']),
  account: z.string().max(100).optional(),
});

/** The solved challenge a form sends along (lib/captcha/solve). */
export const captchaField = z.string().max(1000).optional();
