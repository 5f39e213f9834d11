'use client';

import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/utils';

/**
 * "您有一条草稿，是否使用": shown when a form opens without ?draft= while a draft of its
 * type exists. 是 restores it; 否 (or closing) keeps the form as the page filled it.
 */
export function DraftPrompt({
  open,
  title = '您有一条草稿，是否使用',
  savedAt,
  onUse,
  onDiscard,
}: {
  open: boolean;
  title?: string;
  savedAt?: number;
  onUse: () => void;
  onDiscard: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onDiscard()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{savedAt ? `草稿保存时间：${formatDateTime(savedAt)}。` : ''}系统只保留 30 天内的草稿信息。</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onDiscard}>
            否
          </Button>
          <Button type="button" onClick={onUse}>
            是
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
