import type { Metadata } from 'next';
import { NewFilingPage } from '../../_filings/new-page';

export const metadata: Metadata = { title: '新增APP' };

export default function NewAppPage({ searchParams }: { searchParams: Promise<{ draft?: string }> }) {
  return <NewFilingPage kind="APP" searchParams={searchParams} />;
}
