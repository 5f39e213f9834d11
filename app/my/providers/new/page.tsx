import type { Metadata } from 'next';
import { NewFilingPage } from '../../_filings/new-page';

export const metadata: Metadata = { title: '新增服务商' };

export default function Page({ searchParams }: { searchParams: Promise<{ draft?: string }> }) {
  return <NewFilingPage kind="服务商" searchParams={searchParams} />;
}
