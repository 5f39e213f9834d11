'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/forms/field';
import { importProvidersAction } from '@/lib/providers/actions';
import { useAction } from '@/components/forms/use-action';

const MAX_BYTES = 5 * 1024 * 1024;
const SHOWN_ERRORS = 100;

/** The file is read inside the call, so 导入中… covers reading it too. */
const importFile = async (file: File) => importProvidersAction({ text: await file.text() });

type Outcome = { kind: 'done'; imported: number; skipped: number } | { kind: 'failed'; errors: string[] } | { kind: 'error'; message: string };

/** 批量导入: the file is read in the browser and its text sent to the server, which imports all rows or none. */
export function ImportProvidersForm() {
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The outcome (not the hook's formError) says how it went: imported, rows to fix, or why not.
  const { run, pending } = useAction(importFile, { fields: [], focus: false });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setOutcome({ kind: 'error', message: '请选择CSV文件' });
    if (file.size > MAX_BYTES) return setOutcome({ kind: 'error', message: 'CSV文件不能超过5MB' });
    setOutcome(null);
    const res = await run(file);
    if (!res) return;
    if (!res.ok) setOutcome({ kind: 'error', message: res.formError ?? '导入失败，请稍后重试' });
    else if (res.data.errors) setOutcome({ kind: 'failed', errors: res.data.errors });
    else {
      setOutcome({ kind: 'done', imported: res.data.imported, skipped: res.data.skipped });
      if (fileRef.current) fileRef.current.value = '';
      // Only an import that wrote rows changes the list below.
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="provider-csv" label="导入CSV文件" hint="UTF-8编码，不超过5MB">
        <input
          id="provider-csv"
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          aria-describedby="provider-csv-hint"
          onChange={() => setOutcome(null)}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5 file:text-sm"
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? '导入中…' : '导入'}
      </Button>
      {outcome?.kind === 'done' && (
        <Alert variant="success">
          {`已导入 ${outcome.imported} 条，跳过重复 ${outcome.skipped} 条`}
        </Alert>
      )}
      {outcome?.kind === 'error' && <Alert variant="destructive">{outcome.message}</Alert>}
      {outcome?.kind === 'failed' && (
        <Alert variant="destructive">
          <p className="font-medium">导入失败，未导入任何数据。请修改以下问题后重新导入：</p>
          <ul className="mt-2 list-disc space-y-0.5 pl-5" aria-label="导入错误">
            {outcome.errors.slice(0, SHOWN_ERRORS).map((err, i) => (
              <li key={i}>{err}</li>
            ))}
          </ul>
          {outcome.errors.length > SHOWN_ERRORS && <p className="mt-2">另有 {outcome.errors.length - SHOWN_ERRORS} 处错误未列出</p>}
        </Alert>
      )}
    </form>
  );
}
