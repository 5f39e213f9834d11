import { StatusPage } from '@/components/layout/status-page';

export default function Forbidden() {
  return <StatusPage code={403} />;
}
