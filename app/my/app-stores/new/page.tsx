import type { Metadata } from 'next';
import { NewFilingPage } from '../../_filings/new-page';

export const metadata: Metadata = { title: '新增应用市场' };

export default function Page({ searchParams }: { searchParams: Promise<{ draft?: string }> }) {
  return <NewFilingPage kind="应用市场" searchParams={searchParams} />;
}
