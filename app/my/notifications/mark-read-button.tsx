'use client';

import { Button } from '@/components/ui/button';
import { markReadAction } from '@/lib/notify/actions';
import { useAction } from '@/components/forms/use-action';

export function MarkReadButton({ id, label }: { id: number | 'all'; label: string }) {
  // Whatever the answer, the refreshed page shows what is read.
  const { run, pending } = useAction(markReadAction, { refresh: 'always', fields: [], focus: false });
  return (
    <Button variant="outline" size="sm" disabled={pending} onClick={() => void run({ id })}>
      {label}
    </Button>
  );
}
