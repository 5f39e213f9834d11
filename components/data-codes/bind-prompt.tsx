'use client';

import { useState, useSyncExternalStore } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { BindDataCodeForm } from './bind-form';

const DISMISSED = 'wlba:data-code-dismissed';
const noSubscription = () => () => {};

/**
 * The applicant home's pop-up (SPEC §8.1): an unbound, valid 数据码 matches the account, so
 * 绑定数据码 opens with the code filled in. 稍后处理 closes it for this browser session.
 */
export function BindDataCodePrompt({ code, subjectName, providerName }: { code: string; subjectName: string; providerName: string }) {
  // Closed on the server and until the browser has read sessionStorage: no flash, no mismatch.
  const dismissed = useSyncExternalStore(
    noSubscription,
    () => sessionStorage.getItem(DISMISSED) === code,
    () => true,
  );
  const [closed, setClosed] = useState(false);
  const close = () => {
    sessionStorage.setItem(DISMISSED, code);
    setClosed(true);
  };
  return (
    <Dialog open={!dismissed && !closed} onOpenChange={(o) => !o && close()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>绑定数据码</DialogTitle>
          <DialogDescription>
            {providerName}为“{subjectName}”签发了数据码。绑定后可用数据码中的信息创建主体和网站，减少重复填写。
          </DialogDescription>
        </DialogHeader>
        <BindDataCodeForm initialCode={code} idPrefix="prompt" onCancel={close} />
      </DialogContent>
    </Dialog>
  );
}
