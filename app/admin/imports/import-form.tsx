'use client';

import { useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/forms/field';
import { RadioGroupItem } from '@/components/ui/radio-group';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useAction } from '@/components/forms/use-action';
import { useHydrated } from '@/components/forms/use-hydrated';
import { importAction, previewImportAction } from '@/lib/imports/actions';
import type { ImportInput } from '@/lib/imports/schemas';

const MAX_BYTES = 2 * 1024 * 1024;
const SHOWN_ERRORS = 100;
const KINDS = ['未备案网站', '旧备案'] as const;
type Kind = (typeof KINDS)[number];

const COLUMNS: Record<Kind, string[]> = {
  未备案网站: ['网站名称', '域名', '证件类型', '证件号码', '发现日期'],
  旧备案: ['旧备案号', '网站名称', '域名', '开办主体名称', '证件类型', '证件号码', '负责人手机号码', '备案时间'],
};

type LineError = { line: number; message: string };
type Outcome =
  | { kind: 'preview'; total: number; rows: { line: number; cells: string[] }[]; of: Kind }
  | { kind: 'errors'; fatal?: string; errors: LineError[] }
  | { kind: 'done'; count: number; pushed: number; filed: number; of: Kind }
  | { kind: 'error'; message: string };

/** 预览 then 导入: the file is read in the browser and sent both times; the server checks it each time. */
export function ImportForm() {
  const router = useRouter();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const hydrated = useHydrated();
  const [kind, setKind] = useState<Kind>('未备案网站');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const preview = useAction(async (i: ImportInput) => previewImportAction(i), { fields: [], focus: false });
  const doImport = useAction(async (i: ImportInput) => importAction(i), { fields: [], focus: false });
  const pending = preview.pending || doImport.pending;

  async function input(): Promise<ImportInput | null> {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setOutcome({ kind: 'error', message: '请选择导入文件' });
      return null;
    }
    if (file.size > MAX_BYTES) {
      setOutcome({ kind: 'error', message: '文件不能超过2MB' });
      return null;
    }
    return { kind, fileName: file.name, text: await file.text() };
  }

  async function onPreview() {
    const i = await input();
    if (!i) return;
    setOutcome(null);
    const res = await preview.run(i);
    if (!res) return;
    if (!res.ok) return setOutcome({ kind: 'error', message: res.formError ?? '预览失败，请稍后重试' });
    const d = res.data;
    setOutcome(d.ok ? { kind: 'preview', total: d.total, rows: d.rows, of: i.kind } : { kind: 'errors', fatal: d.fatal, errors: d.errors });
  }

  async function onImport() {
    const i = await input();
    if (!i) return;
    const res = await doImport.run(i);
    if (!res) return;
    if (!res.ok) return setOutcome({ kind: 'error', message: res.formError ?? '导入失败，请稍后重试' });
    const d = res.data;
    if (!d.ok) return setOutcome({ kind: 'errors', fatal: d.fatal, errors: d.errors });
    setOutcome({ kind: 'done', count: d.count, pushed: d.pushed, filed: d.filed, of: i.kind });
    if (fileRef.current) fileRef.current.value = '';
    router.refresh();
  }

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-4" data-hydrated={hydrated || undefined}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">导入类型</legend>
        <div className="flex gap-6">
          {KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <RadioGroupItem
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setOutcome(null);
                }}
              />
              {k}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={fileId} label="导入文件" hint="CSV文件，UTF-8编码（可带BOM），不超过2MB、5000行">
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${fileId}-hint`}
          onChange={() => setOutcome(null)}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5 file:text-sm"
        />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="outline" onClick={onPreview} disabled={pending}>
          {preview.pending ? '预览中…' : '预览'}
        </Button>
        <Button type="button" onClick={onImport} disabled={pending || outcome?.kind !== 'preview'}>
          {doImport.pending ? '导入中…' : '导入'}
        </Button>
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'error' && <Alert variant="destructive">{outcome.message}</Alert>}
        {outcome?.kind === 'done' && (
          <Alert variant="success">
            {`已导入${outcome.count}条`}
            {outcome.of === '未备案网站' && `，推送${outcome.pushed}条，已备案${outcome.filed}条`}
          </Alert>
        )}
        {outcome?.kind === 'errors' && (
          <Alert variant="destructive">
            <p className="font-medium">文件有误，未导入任何数据。请修改以下问题后重新上传：</p>
            {outcome.fatal && <p className="mt-2">{outcome.fatal}</p>}
            {outcome.errors.length > 0 && (
              <ul className="mt-2 list-disc space-y-0.5 pl-5" aria-label="导入错误">
                {outcome.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <li key={i}>{`第${e.line}行：${e.message}`}</li>
                ))}
              </ul>
            )}
            {outcome.errors.length > SHOWN_ERRORS && <p className="mt-2">另有 {outcome.errors.length - SHOWN_ERRORS} 处错误未列出</p>}
          </Alert>
        )}
        {outcome?.kind === 'preview' && (
          <div className="space-y-2">
            <p className="text-sm">
              校验通过，共 {outcome.total} 条{outcome.total > outcome.rows.length ? `，以下为前 ${outcome.rows.length} 条` : ''}。确认无误后点击“导入”。
            </p>
            <div className="rounded-lg border bg-card">
              <Table aria-label="导入预览">
                <TableHeader>
                  <TableRow>
                    <TableHead>行号</TableHead>
                    {COLUMNS[outcome.of].map((c) => (
                      <TableHead key={c}>{c}</TableHead>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {outcome.rows.map((r) => (
                    <TableRow key={r.line}>
                      <TableCell>{r.line}</TableCell>
                      {r.cells.map((c, i) => (
                        <TableCell key={i}>{c}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </div>
        )}
      </div>
    </form>
  );
}
