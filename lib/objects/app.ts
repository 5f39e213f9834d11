/**
 * APP as a filing object (SPEC §15.1): the wizard's steps (负责人 and 提示说明 as for websites), the
 * field labels reviewers comment on, the naming rules, the 公安备案号 mark 03 and the public fields.
 */
import { appBasicSchema } from '@/lib/apps/schemas';
import { APP_FIELD_LABELS, type AppField } from '@/lib/apps/labels';
import { checkObjectName, type NamingContext } from '@/lib/websites/naming';
import { appLikePublicFields, filingSchema, filingSteps } from './steps';
import type { ObjectType } from './types';

export const appObject = {
  key: 'APP',
  label: 'APP',
  routeBase: '/my/apps',
  steps: filingSteps('APP', appBasicSchema),
  schema: filingSchema(appBasicSchema),
  fieldLabels: APP_FIELD_LABELS,
  checkName: (ctx: Omit<NamingContext, 'domains'>) => checkObjectName(ctx, 'APP'),
  filingMark: '03',
  publicFields: appLikePublicFields('APP', '运行平台', '包名'),
} as const satisfies ObjectType<'APP', AppField, Omit<NamingContext, 'domains'>>;
