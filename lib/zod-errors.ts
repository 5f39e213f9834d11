import { z } from 'zod';
import { CONTACT_TITLES } from '@/lib/websites/labels';

/** zod issues → one message per field path ('a.b'), the first one winning. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/**
 * Names of keys that many inputs share, for messages a schema did not write itself (a malformed
 * request: a missing id, a string where a list belongs). Labelled fields carry their own messages.
 */
const KEY_LABELS: Record<string, string> = {
  id: '记录编号',
  subjectId: '主体',
  websiteId: '网站',
  applicationId: '申请',
  transferId: '移交记录',
  draftId: '草稿',
  unitId: '审核单位',
  data: '提交内容',
  basic: '网站基本信息',
  contacts: '网站负责人信息',
  ...CONTACT_TITLES,
  notice: '提示说明',
  report: '评估报告',
  files: '上传材料',
  step: '步骤',
  page: '页码',
  kind: '类型',
  type: '类型',
  scope: '所属地区管辖',
  regionCode: '所属地区',
  name: '名称',
  title: '标题',
  body: '正文',
  category: '栏目',
  decision: '审核结果',
  reason: '原因',
  comment: '审核意见',
  field: '字段',
  note: '说明',
  status: '状态',
  role: '角色',
  phone: '手机号码',
  email: '电子邮件地址',
  password: '密码',
  code: '验证码',
  agree: '同意声明',
  sameAsAccount: '同当前账号信息',
  fileId: '文件',
  attachmentFileId: '附件',
  domains: '网站域名',
  domain: '网站域名',
  languages: '网站语种',
  methods: '评估方法',
};

function labelOf(path: readonly PropertyKey[] | undefined): string {
  for (let i = (path?.length ?? 0) - 1; i >= 0; i--) {
    const key = path![i];
    if (typeof key === 'string') return KEY_LABELS[key] ?? '此项';
  }
  return '提交内容';
}

/**
 * Chinese fallback for every issue whose schema gave no message of its own: "请填写X" for a
 * missing value, "X格式不正确" for one of the wrong type, and limits in 字 / 项.
 */
export const zhErrorMap: z.core.$ZodErrorMap = (iss) => {
  const label = labelOf(iss.path);
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}格式不正确`;
    case 'too_big':
      if (iss.origin === 'string') return `${label}不能超过${String(iss.maximum)}个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return `${label}不能超过${String(iss.maximum)}项`;
      return `${label}超出允许范围`;
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? `请填写${label}` : `${label}不能少于${String(iss.minimum)}个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return `请选择${label}`;
      return `${label}超出允许范围`;
    case 'invalid_value':
      return `请选择有效的${label}`;
    case 'unrecognized_keys':
      return '提交内容包含无法识别的字段';
    case 'invalid_key':
    case 'invalid_element':
    case 'invalid_union':
    case 'invalid_format':
    case 'not_multiple_of':
    case 'custom':
    default:
      return `${label}格式不正确`;
  }
};

// zod's own messages are English: every schema of the app falls back to the Chinese ones above.
z.config({ customError: zhErrorMap });

/** The value handed to a server action must be an object (FormData-free actions take one argument). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A refinement that runs even when other fields failed (`when: () => true`, so every error shows at
 * once) sees those fields with whatever type was sent. Such a field already has its issue; an
 * error thrown while reading it must not turn the whole parse into a crash.
 */
export function tolerant<T>(fn: (v: T, ctx: z.RefinementCtx<T>) => void) {
  return (v: T, ctx: z.RefinementCtx<T>) => {
    try {
      fn(v, ctx);
    } catch (e) {
      if (e instanceof TypeError && (ctx as { issues?: unknown[] }).issues?.length) return;
      throw e;
    }
  };
}
