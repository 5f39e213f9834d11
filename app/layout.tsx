import type { Metadata } from 'next';
import './globals.css';
import { SiteHeader } from '@/components/layout/site-header';
import { SiteFooter } from '@/components/layout/site-footer';
import { PLATFORM_NAME, OFFICE_NAME } from '@/lib/site/config';

export const metadata: Metadata = {
  title: { default: `${PLATFORM_NAME} - ${OFFICE_NAME}`, template: `%s - ${PLATFORM_NAME}` },
  description: `${OFFICE_NAME}互联网站公安联网备案服务`,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-screen flex-col">
        <SiteHeader />
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">{children}</main>
        <SiteFooter />
      </body>
    </html>
  );
}
