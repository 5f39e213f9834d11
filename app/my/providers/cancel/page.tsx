import type { Metadata } from 'next';
import { CancelFilingsPage } from '../../_filings/cancel-page';

export const metadata: Metadata = { title: '注销服务商' };

export default function Page({ searchParams }: { searchParams: Promise<{ name?: string; ident?: string; draft?: string }> }) {
  return <CancelFilingsPage kind="服务商" searchParams={searchParams} />;
}
