'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { resendDeliveryAction } from '@/lib/notify/actions';
import { useAction } from '@/components/forms/use-action';

const RESULT_TEXT = { sent: '已重新发送', failed: '重新发送失败，请查看最后错误', queued: '已重新排队，稍后发送' } as const;

/** 重新发送 of one failed e-mail or SMS; the outcome is announced beside the button. */
export function ResendButton({ id, label }: { id: number; label: string }) {
  const [message, setMessage] = useState('');
  const { run, pending } = useAction(resendDeliveryAction, { refresh: 'always', focus: false });
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="link"
        size="sm"
        className="h-auto p-0"
        disabled={pending}
        aria-label={`重新发送：${label}`}
        onClick={async () => {
          setMessage('');
          const r = await run({ id });
          if (r) setMessage(r.ok ? RESULT_TEXT[r.data] : (r.formError ?? '操作失败，请稍后重试'));
        }}
      >
        {pending ? '发送中…' : '重新发送'}
      </Button>
      <span role="status" className="text-xs text-muted-foreground">
        {message}
      </span>
    </div>
  );
}
