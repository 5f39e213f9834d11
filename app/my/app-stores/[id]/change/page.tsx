import type { Metadata } from 'next';
import { ChangeFilingPage } from '../../../_filings/change-page';

export const metadata: Metadata = { title: '变更应用市场' };

export default function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ draft?: string }> }) {
  return <ChangeFilingPage kind="应用市场" params={params} searchParams={searchParams} />;
}
