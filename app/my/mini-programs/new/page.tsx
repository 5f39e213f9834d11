import type { Metadata } from 'next';
import { NewFilingPage } from '../../_filings/new-page';

export const metadata: Metadata = { title: '新增小程序' };

export default function NewMiniProgramPage({ searchParams }: { searchParams: Promise<{ draft?: string }> }) {
  return <NewFilingPage kind="小程序" searchParams={searchParams} />;
}
