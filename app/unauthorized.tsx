import { StatusPage } from '@/components/layout/status-page';

export default function Unauthorized() {
  return <StatusPage code={401} />;
}
