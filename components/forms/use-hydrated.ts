'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False while the server's markup is being hydrated, true once React (and react-hook-form's
 * field registration, which writes the default values into the inputs) owns the form.
 * Forms expose it as `data-hydrated` so that a browser test types only into a live form.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
