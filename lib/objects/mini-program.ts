/** 小程序 as a filing object (SPEC §15.2): as APP, with its own step 02 and the 公安备案号 mark 04. */
import { miniProgramBasicSchema } from '@/lib/mini-programs/schemas';
import { MINI_PROGRAM_FIELD_LABELS, type MiniProgramField } from '@/lib/mini-programs/labels';
import { checkObjectName, type NamingContext } from '@/lib/websites/naming';
import { appLikePublicFields, filingSchema, filingSteps } from './steps';
import type { ObjectType } from './types';

export const miniProgramObject = {
  key: '小程序',
  label: '小程序',
  routeBase: '/my/mini-programs',
  steps: filingSteps('小程序', miniProgramBasicSchema),
  schema: filingSchema(miniProgramBasicSchema),
  fieldLabels: MINI_PROGRAM_FIELD_LABELS,
  checkName: (ctx: Omit<NamingContext, 'domains'>) => checkObjectName(ctx, '小程序'),
  filingMark: '04',
  publicFields: appLikePublicFields('小程序', '所属平台', '小程序ID'),
} as const satisfies ObjectType<'小程序', MiniProgramField, Omit<NamingContext, 'domains'>>;
