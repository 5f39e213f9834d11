'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { markReadAction } from '@/lib/notify/actions';

export function MarkReadButton({ id, label }: { id: number | 'all'; label: string }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <Button variant="outline" size="sm" disabled={pending} onClick={() => start(async () => { await markReadAction({ id }); router.refresh(); })}>
      {label}
    </Button>
  );
}
