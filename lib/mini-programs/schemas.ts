/**
 * 新增小程序 / 变更小程序 input, step 02 小程序基本信息 (SPEC §15.2): no domains, IPs or access
 * provider. 负责人 and 提示说明 are the website's steps. Pure: the browser wizard uses it too.
 */
import { z } from 'zod';
import { nameText, NAME_MAX, plainText } from '@/lib/validation/text';
import { tolerant } from '@/lib/zod-errors';
import { MINI_PROGRAM_PLATFORMS, miniProgramIdError, objectIcpNumberError } from '@/lib/validation/app-identifiers';
import { checkServiceFields, fileId, serviceFieldsShape, yesNo, type ServiceFieldNames } from '@/lib/filings/service-fields';
import { INTRO_MAX, SCREENSHOTS_MAX, SCREENSHOTS_MIN, USER_SCALES } from '@/lib/apps/schemas';

export { MINI_PROGRAM_PLATFORMS };
const SERVICE_NAMES: ServiceFieldNames = { types: '服务类型', languages: '语种' };

/** 02 小程序基本信息 */
export const miniProgramBasicSchema = z
  .object({
    name: nameText('小程序名称', 50).min(1, '请填写小程序名称'),
    iconFileId: fileId,
    platform: z.enum(MINI_PROGRAM_PLATFORMS, { error: '请选择所属平台' }),
    platformOther: nameText('平台名称', NAME_MAX).optional().default(''),
    appId: nameText('小程序ID', 64),
    hasIcp: yesNo,
    icpNumber: nameText('工信部备案号', 50).optional().default(''),
    category: nameText('服务类目', NAME_MAX).min(1, '请填写服务类目'),
    intro: plainText('功能介绍', INTRO_MAX).min(1, '请填写功能介绍'),
    screenshotFileIds: z
      .array(fileId, { error: '请上传运行截图' })
      .min(SCREENSHOTS_MIN, `请上传${SCREENSHOTS_MIN}～${SCREENSHOTS_MAX}张运行截图`)
      .max(SCREENSHOTS_MAX, `请上传${SCREENSHOTS_MIN}～${SCREENSHOTS_MAX}张运行截图`),
    userScale: z.enum(USER_SCALES, { error: '请选择当前用户量' }),
    ...serviceFieldsShape(SERVICE_NAMES),
  })
  .superRefine(
    tolerant((v, ctx) => {
      const issue = (path: (string | number)[], message: string | null) => {
        if (message) ctx.addIssue({ code: 'custom', path, message });
      };
      if (!v.iconFileId) issue(['iconFileId'], '请上传小程序图标');
      if (v.platform === '其他' && !v.platformOther) issue(['platformOther'], '请填写平台名称');
      issue(['appId'], miniProgramIdError(v.platform ?? '', v.appId ?? ''));
      if (v.hasIcp === '是') issue(['icpNumber'], objectIcpNumberError('小程序', v.icpNumber ?? ''));
      v.screenshotFileIds?.forEach((f, i) => issue(['screenshotFileIds', i], f ? null : '请重新上传截图'));
      checkServiceFields(v, ctx, SERVICE_NAMES);
    }),
    { when: () => true },
  );

export type MiniProgramBasicInput = z.input<typeof miniProgramBasicSchema>;
export type MiniProgramBasicData = z.output<typeof miniProgramBasicSchema>;
