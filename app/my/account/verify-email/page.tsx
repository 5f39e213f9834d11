import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { confirmEmailToken } from '@/lib/notify/codes';
import { isAppError } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';

export const metadata: Metadata = { title: '邮箱验证' };

// The link in the e-mail works without being signed in: the token alone names the account.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  let error: string | null = null;
  try {
    if (!token) throw new Error('验证链接无效或已过期，请重新发送验证邮件');
    confirmEmailToken(token);
  } catch (e) {
    error = isAppError(e) || e instanceof Error ? e.message : '验证失败';
  }
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-xl font-semibold">邮箱验证</h1>
      {error ? <Alert variant="destructive">{error}</Alert> : <Alert variant="success">邮箱验证成功。</Alert>}
      <Link href="/my/account" className="text-primary hover:underline">
        返回个人中心
      </Link>
    </div>
  );
}
