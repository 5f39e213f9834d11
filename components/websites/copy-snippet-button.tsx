'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';

const COPIED = '已复制';
const SELECTED = '已选中代码，请按 Ctrl+C（Mac 为 ⌘+C）复制';

/**
 * 复制备案编号HTML代码 (SPEC §10.3): the snippet in a readonly textarea everyone can read, and a
 * button that copies it. Where the clipboard API is missing (plain-HTTP intranet, old browser) or
 * refused, the textarea's text is selected so the user can copy it by hand.
 */
export function CopySnippetButton({
  snippet,
  label = '备案编号HTML代码',
  button = '复制备案编号HTML代码',
  rows = 3,
}: {
  snippet: string;
  /** What the text is (the textarea's label) and the button's words: an APP copies its 关于 line. */
  label?: string;
  button?: string;
  rows?: number;
}) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');

  function selectForManualCopy() {
    const el = textarea.current;
    if (!el) return;
    el.focus();
    el.select();
    let copied = false;
    try {
      // The old API still works in insecure contexts, on the selection made just above.
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    setStatus(copied ? COPIED : SELECTED);
  }

  async function copy() {
    setStatus('');
    if (!window.isSecureContext || !navigator.clipboard?.writeText) return selectForManualCopy();
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus(COPIED);
    } catch {
      selectForManualCopy();
    }
  }

  return (
    <div className="space-y-2">
      <Label htmlFor={id}>{label}</Label>
      <Textarea
        ref={textarea}
        id={id}
        readOnly
        rows={rows}
        value={snippet}
        spellCheck={false}
        data-testid="filing-snippet"
        onFocus={(e) => e.currentTarget.select()}
        className="min-h-0 resize-none bg-muted/40 font-mono text-xs break-all md:text-xs"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" size="sm" variant="outline" onClick={copy} data-testid="copy-snippet">
          {button}
        </Button>
        <span role="status" aria-live="polite" className="text-sm text-muted-foreground" data-testid="copy-snippet-status">
          {status}
        </span>
      </div>
    </div>
  );
}
