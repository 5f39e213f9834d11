'use client';

import { useEffect, useState } from 'react';

/** Seconds left before a code may be asked for again, counting down once a second; `start(60)` begins it. */
export function useCooldown(): [number, (seconds: number) => void] {
  const [cooldown, setCooldown] = useState(0);
  useEffect(() => {
    if (cooldown <= 0) return;
    const t = setTimeout(() => setCooldown((c) => c - 1), 1000);
    return () => clearTimeout(t);
  }, [cooldown]);
  return [cooldown, setCooldown];
}
