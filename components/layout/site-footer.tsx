import { FEEDBACK_EMAIL, OFFICE_NAME, PLATFORM_NAME } from '@/lib/site/config';

export function SiteFooter() {
  return (
    <footer className="border-t bg-card text-sm text-muted-foreground">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-5 sm:flex-row sm:justify-between sm:px-6">
        <p>
          {PLATFORM_NAME} · 主办单位：{OFFICE_NAME}
        </p>
        <p>
          意见反馈邮箱：<a className="text-primary hover:underline" href={`mailto:${FEEDBACK_EMAIL}`}>{FEEDBACK_EMAIL}</a>
        </p>
      </div>
    </footer>
  );
}
