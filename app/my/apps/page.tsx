import type { Metadata } from 'next';
import { FilingListPage } from '../_filings/list-page';

export const metadata: Metadata = { title: '我的APP' };

export default function Page() {
  return <FilingListPage kind="APP" />;
}
