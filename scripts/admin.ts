/**
 * Administration for real deployments:
 *   npm run admin -- create-user --role <applicant|reviewer|admin|provider> --name <n> --phone <p> --password <pw> [--email <e>] [--unit <code>]
 *   npm run admin -- create-unit --name <n> --code <6 digits> [--covers <code,code>]
 *   npm run admin -- disable-user --phone <p>   |   enable-user --phone <p>
 *   npm run admin -- unlock-user --phone <p>   (ends a login lock after too many wrong passwords)
 */
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { closeDb, dbFile, DatabaseFileError } from '@/db/client';
import { dataDir } from '@/lib/config/env';
import { ROLES, type Role } from '@/db/schema/users';
import { createUser, findUserByIdentifier, setUserStatus, unlockUser } from '@/lib/users/service';
import { createUnit, findUnitByCode } from '@/lib/units/service';
import { realNameError } from '@/lib/users/schemas';
import { mobileError, emailError } from '@/lib/validation/identifiers';
import { passwordError } from '@/lib/auth/rules';
import { isAppError } from '@/lib/errors';

const USAGE = `用法：
  npm run admin -- create-user --role <applicant|reviewer|admin|provider> --name <姓名> --phone <手机号码> --password <密码> [--email <邮箱>] [--unit <单位区划代码>]
  npm run admin -- create-unit --name <单位名称> --code <6位区划代码> [--covers <区划代码,区划代码>]
  npm run admin -- disable-user --phone <手机号码>
  npm run admin -- enable-user --phone <手机号码>
  npm run admin -- unlock-user --phone <手机号码>`;

class UsageError extends Error {}

export async function runAdmin(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  if (command === 'create-user') {
    const { values } = parseArgs({
      args: rest,
      options: { role: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' }, password: { type: 'string' }, email: { type: 'string' }, unit: { type: 'string' } },
      strict: true,
    });
    const errors: string[] = [];
    if (!values.role || !(ROLES as readonly string[]).includes(values.role)) errors.push(`--role 必须是 ${ROLES.join('|')} 之一`);
    const nameErr = realNameError(values.name ?? '');
    if (nameErr) errors.push(`--name：${nameErr}`);
    const phoneErr = mobileError(values.phone ?? '');
    if (phoneErr) errors.push(`--phone：${phoneErr}`);
    const pwErr = values.password ? passwordError(values.password) : '请填写登录密码';
    if (pwErr) errors.push(`--password：${pwErr}`);
    if (values.email) {
      const e = emailError(values.email);
      if (e) errors.push(`--email：${e}`);
    }
    if (values.role === 'reviewer' && !values.unit) errors.push('--unit：网安民警账号必须指定所属审核单位的区划代码');
    let unitId: number | null = null;
    if (values.unit) {
      const unit = findUnitByCode(values.unit);
      if (!unit) errors.push(`--unit：区划代码 ${values.unit} 没有对应的审核单位（可先用 create-unit 创建）`);
      else unitId = unit.id;
    }
    if (errors.length) throw new UsageError(errors.join('\n'));
    const { id } = await createUser({ role: values.role as Role, name: values.name!, phone: values.phone!, password: values.password!, email: values.email ?? null, unitId }, { actorId: null });
    return `已创建账号 #${id}：${values.name}（${values.role}），手机号码 ${values.phone}`;
  }
  if (command === 'create-unit') {
    const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, code: { type: 'string' }, covers: { type: 'string' } }, strict: true });
    if (!values.name || !values.code) throw new UsageError('create-unit 需要 --name 和 --code');
    const unit = createUnit({ name: values.name, code: values.code, covers: values.covers?.split(',').map((s) => s.trim()).filter(Boolean) }, null);
    return `已创建审核单位 #${unit.id}：${unit.name}（${unit.code}），管辖 ${unit.covers.join(',')}`;
  }
  if (command === 'disable-user' || command === 'enable-user') {
    const { values } = parseArgs({ args: rest, options: { phone: { type: 'string' } }, strict: true });
    const user = values.phone ? findUserByIdentifier(values.phone) : undefined;
    if (!user) throw new UsageError(`找不到手机号码为 ${values.phone ?? '（未填写）'} 的账号`);
    const status = command === 'disable-user' ? 'disabled' : 'active';
    setUserStatus(user.id, status, null);
    return `已${status === 'disabled' ? '停用' : '启用'}账号 #${user.id}：${user.name}`;
  }
  if (command === 'unlock-user') {
    const { values } = parseArgs({ args: rest, options: { phone: { type: 'string' } }, strict: true });
    const user = values.phone && !mobileError(values.phone) ? findUserByIdentifier(values.phone) : undefined;
    if (!user) throw new UsageError(`找不到手机号码为 ${values.phone ?? '（未填写）'} 的账号`);
    const wasLocked = unlockUser(user.id, null);
    return wasLocked ? `已解除账号 #${user.id}：${user.name} 的登录锁定` : `账号 #${user.id}：${user.name} 未被锁定，已清除登录失败记录`;
  }
  throw new UsageError(command ? `未知命令：${command}` : '缺少命令');
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  // An administration command never creates a database: an empty or wrong DATA_DIR is an error.
  if (!fs.existsSync(dbFile())) {
    console.error(`错误：数据目录 ${dataDir()} 中没有数据库 app.db。请检查 DATA_DIR 设置，或先运行 npm start 完成初始化。`);
    process.exit(1);
  }
  runAdmin(process.argv.slice(2))
    .then((msg) => {
      console.log(msg);
      closeDb();
    })
    .catch((e) => {
      if (e instanceof UsageError) console.error(`错误：${e.message}\n\n${USAGE}`);
      else if (isAppError(e) || e instanceof DatabaseFileError) console.error(`错误：${e.message}`);
      else if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) console.error(`错误：${e.message}\n\n${USAGE}`);
      else console.error(e);
      closeDb();
      process.exit(1);
    });
}
