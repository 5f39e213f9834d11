import { Link } from '@/components/ui/link';
import { Alert } from '@/components/ui/alert';

/** A reviewer or admin without a verified phone may look but not decide (SPEC §1): where to verify it. */
export function VerifyPhoneAlert() {
  return (
    <Alert variant="info">
      审核人员须完成手机验证后方可审核。请前往
      <Link href="/my/account" className="mx-1 font-medium underline">
        个人中心
      </Link>
      完成手机验证。
    </Alert>
  );
}
