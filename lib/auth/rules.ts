/** 登录密码 rule shared by registration, the admin CLI and password change. */
export function passwordError(pw: string): string | null {
  if (pw.length < 8 || pw.length > 32) return '登录密码长度应为8-32位';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (kinds < 2) return '登录密码须包含字母、数字、符号中的至少两种';
  return null;
}
