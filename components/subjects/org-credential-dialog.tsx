'use client';

import { useEffect, useRef, useState } from 'react';
import type { UnitType } from '@/lib/subjects/rules';
import { beginOrgCredentialAction, orgCredentialResultAction } from '@/lib/subjects/actions';
import { reach } from '@/components/forms/use-action';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/forms/field';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';

export type OrgCredentialPass = {
  org: { orgName: string; orgCertType: '统一社会信用代码证'; orgCertNumber: string; legalRepName: string };
  token: string;
  sandbox: boolean;
};
type Scan = { ticket: string; qrImageUrl: string | null; sandbox: boolean };
type SandboxFields = { orgName: string; orgCertNumber: string; legalRepName: string };

/** How often the form asks the credential service whether the phone has scanned. */
const POLL_MS = 2000;

/**
 * 通过机关事业单位网络身份认证凭证填报 (seed 004 §5.1.1): the QR code to scan with the
 * 网络身份凭证 APP, asked about until it passes; in the sandbox a labelled panel stands in for
 * the phone and “scans” the organisation typed into it.
 */
export function OrgCredentialDialog({
  open,
  onOpenChange,
  unitType,
  initial,
  onPassed,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  unitType: UnitType;
  initial: SandboxFields;
  onPassed: (pass: OrgCredentialPass) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>机关事业单位网络身份认证凭证</DialogTitle>
          <DialogDescription>请打开网络身份凭证APP扫码认证，认证成功后系统将自动填写主办单位名称、主办单位证件类型、主办单位证件号和法定代表人姓名。</DialogDescription>
        </DialogHeader>
        {/* Mounted on each opening (the content unmounts when closed): every opening is a new scan. */}
        <ScanPanel unitType={unitType} initial={initial} onPassed={onPassed} onCancel={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ScanPanel({ unitType, initial, onPassed, onCancel }: { unitType: UnitType; initial: SandboxFields; onPassed: (pass: OrgCredentialPass) => void; onCancel: () => void }) {
  const [scan, setScan] = useState<Scan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<SandboxFields>(initial);
  const passedRef = useRef(onPassed);
  useEffect(() => {
    passedRef.current = onPassed;
  });

  useEffect(() => {
    let live = true;
    void reach(beginOrgCredentialAction({})).then((res) => {
      if (!live) return;
      if (res.ok) setScan(res.data);
      else setError(res.formError ?? '暂时无法发起认证，请稍后重试');
    });
    return () => {
      live = false;
    };
  }, []);

  // A real service: ask until the phone has scanned (or the dialog closes).
  useEffect(() => {
    if (!scan || scan.sandbox) return;
    let live = true;
    const timer = setInterval(async () => {
      const res = await reach(orgCredentialResultAction({ ticket: scan.ticket, unitType }));
      if (!live) return;
      if (!res.ok) {
        clearInterval(timer);
        setError(res.formError ?? '认证失败，请重新扫码');
      } else if (res.data.state === 'passed') {
        clearInterval(timer);
        passedRef.current(res.data);
      }
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [scan, unitType]);

  async function sandboxScan() {
    if (!scan) return;
    setBusy(true);
    setError(null);
    const res = await reach(orgCredentialResultAction({ ticket: scan.ticket, unitType, sandboxScan: fields }));
    setBusy(false);
    if (!res.ok) return setError(res.formError ?? '认证失败，请稍后重试');
    if (res.data.state === 'passed') passedRef.current(res.data);
  }

  const input = (k: keyof SandboxFields, label: string) => (
    <Field id={`org-credential-${k}`} label={label} required>
      <Input id={`org-credential-${k}`} value={fields[k]} autoComplete="off" onChange={(e) => setFields((f) => ({ ...f, [k]: e.target.value }))} />
    </Field>
  );

  return (
    <>
      {!scan && !error && <p className="text-sm text-muted-foreground">正在获取认证二维码…</p>}
      {scan && !scan.sandbox && (
        <div className="flex flex-col items-center gap-2">
          {scan.qrImageUrl && <img src={scan.qrImageUrl} alt="机关事业单位网络身份凭证认证二维码" className="size-48 rounded border" />}
          <p role="status" className="text-sm">
            等待扫码…
          </p>
        </div>
      )}
      {scan?.sandbox && (
        <div className="space-y-3 rounded-md border bg-muted/30 p-4">
          <p className="text-sm text-muted-foreground">当前为沙箱环境：不连接真实的网络身份凭证服务，请填写模拟凭证中的单位信息，点击“模拟扫码认证”。只核对格式，不核验真实单位。</p>
          {input('orgName', '单位名称')}
          {input('orgCertNumber', '统一社会信用代码')}
          {input('legalRepName', '法定代表人姓名')}
        </div>
      )}
      <div className="text-sm text-muted-foreground">
        <p>温馨提示：</p>
        <ol className="list-decimal space-y-1 pl-5">
          <li>打开“网络身份凭证APP”，使用“扫一扫”功能进行扫码登录；</li>
          <li>使用网络身份凭证办理线上业务前，请通过“网络身份凭证APP”获取业务办理授权。</li>
        </ol>
      </div>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          取消
        </Button>
        {scan?.sandbox && (
          <Button type="button" onClick={sandboxScan} disabled={busy}>
            {busy ? '认证中…' : '模拟扫码认证'}
          </Button>
        )}
      </DialogFooter>
    </>
  );
}
