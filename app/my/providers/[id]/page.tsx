import type { Metadata } from 'next';
import { FilingDetailPage } from '../../_filings/detail-page';

export const metadata: Metadata = { title: '服务商详情' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <FilingDetailPage kind="服务商" params={params} />;
}
