'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { dataCodeSchema } from './schemas';
import { issueDataCode } from './service';
import { revokeDataCode } from './provider';
import { apiKeySchema, createApiKey, revokeApiKey } from './api-keys';

/** 签发 on /provider: the code comes back once, grouped, with its 有效期至. */
export const issueDataCodeAction = defineAction({ schema: dataCodeSchema, permission: 'provider.area' }, async (input, { user }) => {
  const issued = issueDataCode(user.id, input);
  revalidatePath('/provider');
  return { display: issued.display, expiresAt: issued.expiresAt };
});

/** 作废 of a 未绑定 code. */
export const revokeDataCodeAction = defineAction({ schema: z.object({ id: z.number().int().positive() }), permission: 'provider.area' }, async ({ id }, { user }) => {
  revokeDataCode(user.id, id);
  revalidatePath('/provider');
  return null;
});

/** 创建API密钥: the key comes back once. */
export const createApiKeyAction = defineAction({ schema: apiKeySchema, permission: 'provider.area' }, async (input, { user }) => {
  const k = createApiKey(user.id, input);
  revalidatePath('/provider');
  return { key: k.key, label: k.label };
});

/** 停用 of an API密钥. */
export const revokeApiKeyAction = defineAction({ schema: z.object({ id: z.number().int().positive() }), permission: 'provider.area' }, async ({ id }, { user }) => {
  revokeApiKey(user.id, id);
  revalidatePath('/provider');
  return null;
});
