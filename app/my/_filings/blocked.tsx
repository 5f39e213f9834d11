import { Link } from '@/components/ui/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** A page that cannot be used now: the title, why, and where to go instead. */
export function Blocked({ title, message, actions }: { title: string; message: string; actions: { href: string; label: string }[] }) {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <Alert variant="destructive" data-testid="page-blocked">
        <p>{message}</p>
        <div className="mt-3 flex flex-wrap gap-3">
          {actions.map((a, i) => (
            <Button key={a.href} asChild size="sm" variant={i === 0 ? 'default' : 'outline'}>
              <Link href={a.href}>{a.label}</Link>
            </Button>
          ))}
        </div>
      </Alert>
    </div>
  );
}

export const idParam = (s?: string) => (s && /^[1-9]\d{0,15}$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : null);
