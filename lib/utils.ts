import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

/** Beijing time lives in lib/time; pages take the formatter from here with `cn`. */
export { formatDateTime } from '@/lib/time';
