import type { Metadata } from 'next';
import { FilingDetailPage } from '../../_filings/detail-page';

export const metadata: Metadata = { title: '小程序详情' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <FilingDetailPage kind="小程序" params={params} />;
}
