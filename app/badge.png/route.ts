import { badgePngResponse } from '@/lib/public/badge';

/** The platform emblem at 20×20 (SPEC §10.3), public and linked from every filed site's snippet. */
export function GET() {
  return badgePngResponse(20);
}
