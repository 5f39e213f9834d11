import type { Metadata } from 'next';
import { FilingListPage } from '../_filings/list-page';

export const metadata: Metadata = { title: '我的应用市场' };

export default function Page() {
  return <FilingListPage kind="应用市场" />;
}
