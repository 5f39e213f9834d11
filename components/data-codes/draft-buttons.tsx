'use client';

import { Button } from '@/components/ui/button';
import { useAction } from '@/components/forms/use-action';
import { createSubjectDraftAction, createWebsiteDraftsAction } from '@/lib/data-codes/actions';

/**
 * 创建主体 / 创建网站 / 批量创建网站 on a bound code's 详情: each saves drafts and opens them —
 * one draft in its form, several in 我的草稿. A refusal (no subject yet) shows under the button.
 */
export function DataCodeDraftButton({ codeId, what, label, name }: { codeId: number; what: 'subject' | 'all' | number; label: string; name?: string }) {
  const subject = useAction(createSubjectDraftAction, { redirect: (d) => `/my/subject/new?draft=${d.draftId}`, fields: [], focus: false });
  const sites = useAction(createWebsiteDraftsAction, {
    redirect: (d) => (d.draftIds.length === 1 ? `/my/websites/new?draft=${d.draftIds[0]}` : `/my/drafts?type=新办网站&created=${d.draftIds.length}`),
    fields: [],
    focus: false,
  });
  const a = what === 'subject' ? subject : sites;
  return (
    <div className="space-y-1">
      <Button
        type="button"
        size="sm"
        variant={what === 'all' || what === 'subject' ? 'default' : 'outline'}
        disabled={a.pending}
        aria-label={name ? `${label}：${name}` : undefined}
        onClick={() => void (what === 'subject' ? subject.run({ codeId }) : sites.run({ codeId, index: what }))}
      >
        {a.pending ? '正在创建…' : label}
      </Button>
      {a.formError && (
        <p role="alert" className="max-w-xs text-sm text-destructive">
          {a.formError}
        </p>
      )}
    </div>
  );
}
