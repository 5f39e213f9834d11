import { badgePngResponse } from '@/lib/public/badge';

/** The platform emblem at 40×40 (SPEC §10.3), for high-density screens. */
export function GET() {
  return badgePngResponse(40);
}
