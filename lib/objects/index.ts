/**
 * The object-type registry: one entry per filing object (SPEC §15) — 网站, APP, 小程序, 应用市场 and
 * 服务商; a sixth is one more module next to website.ts and one line here.
 */
import type { ObjectType } from './types';
import { websiteObject } from './website';
import { appObject } from './app';
import { miniProgramObject } from './mini-program';
import { appStoreObject } from './app-store';
import { serviceProviderObject } from './service-provider';

export type { ObjectStep, ObjectType, PublicField } from './types';

export const OBJECT_TYPES = {
  网站: websiteObject,
  APP: appObject,
  小程序: miniProgramObject,
  应用市场: appStoreObject,
  服务商: serviceProviderObject,
} as const satisfies Record<string, ObjectType>;

export type ObjectKey = keyof typeof OBJECT_TYPES;

export function objectTypeOf<K extends ObjectKey>(key: K): (typeof OBJECT_TYPES)[K] {
  return OBJECT_TYPES[key];
}

/** The object type whose 公安备案号 carries this mark (the 7th and 8th of the 14 digits), if any. */
export function objectTypeOfFilingDigits(digits: string): ObjectType | null {
  const mark = digits.slice(6, 8);
  return Object.values(OBJECT_TYPES).find((o) => o.filingMark === mark) ?? null;
}
