import { z } from 'zod';

/** Which form asks, and for which account (登录账号, or the phone of 注册 / 忘记密码). */
export const captchaQuerySchema = z.object({
  form: z.enum(['login', 'register', 'password_reset']),
  account: z.string().max(100).optional(),
});

/** The solved challenge a form sends along (lib/captcha/solve). */
export const captchaField = z.string().max(1000).optional();
