import type { Metadata } from 'next';
import { FilingDetailPage } from '../../_filings/detail-page';

export const metadata: Metadata = { title: '应用市场详情' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <FilingDetailPage kind="应用市场" params={params} />;
}
