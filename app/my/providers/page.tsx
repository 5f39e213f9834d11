import type { Metadata } from 'next';
import { FilingListPage } from '../_filings/list-page';

export const metadata: Metadata = { title: '我的服务商' };

export default function Page() {
  return <FilingListPage kind="服务商" />;
}
