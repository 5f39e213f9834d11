import { describe, it, expect, beforeAll } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { seedUnits, makeApplicant, personSubjectInput, appInput, miniProgramInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewFiling } from '@/lib/filings/service';
import { decideApplication } from '@/lib/review/service';
import QueryPage from './page';
import FilingDetailPage from './[code]/page';

const digitsOf: Record<string, string> = {};

beforeAll(async () => {
  seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770005555', password: 'Secret#2026', phoneVerified: true });
  const admin = { id: a.id, role: 'admin' as const, unitId: null, phoneVerified: true as const };
  for (const [kind, name] of [['APP', '张伟摄影助手'], ['小程序', '张伟摄影预约']] as const) {
    const u = await makeApplicant();
    const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    const input = kind === 'APP' ? await appInput(u.id, { name, packageName: 'cn.zhangwei.pagetest' }) : await miniProgramInput(u.id, { name, appId: 'wx00000000000fa9e1' });
    const f = submitNewFiling(u.id, s.subjectId, kind, input);
    decideApplication(admin, s.applicationId, { decision: '通过' });
    digitsOf[name] = decideApplication(admin, f.applicationId, { decision: '通过' }).filingNumber!.slice(5, 19);
  }
});

const render = async (sp: Record<string, string>) => renderToStaticMarkup(await QueryPage({ searchParams: Promise.resolve(sp) }));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('/query 查询类型', () => {
  it('offers 网站, APP and 小程序 under 查询类型, 网站 by default with its own 查询方式 and URLs', async () => {
    const html = await render({});
    expect(html).toMatch(/<span id="query-kind"[^>]*>查询类型<\/span><nav aria-labelledby="query-kind"/);
    expect(html).toContain('<a href="/query?type=name" aria-current="true"');
    expect(html).toContain('href="/query?kind=app&amp;type=name"');
    expect(html).toContain('href="/query?kind=mini-program&amp;type=name"');
    expect(text(html)).toContain('网站名称 网站域名 联网备案号');
    expect(html).not.toContain('name="kind"');
  });

  it('searches APPs by APP名称 and shows the icon, 包名 per platform and a link to the number', async () => {
    const html = await render({ kind: 'app', type: 'name', q: '摄影' });
    const t = text(html);
    expect(t).toContain('APP名称 包名 联网备案号');
    expect(html).toContain('<input type="hidden" name="kind" value="app"/>');
    expect(t).toContain('按APP名称“摄影”共找到 1 条备案信息');
    const digits = digitsOf['张伟摄影助手'];
    expect(html).toContain(`<img src="/api/public/filings/${digits}/icon"`);
    expect(html).toContain(`<a href="/query/${digits}" class="hover:underline">京公网安备${digits}号</a>`);
    expect(t).toContain('包名 安卓：cn.zhangwei.pagetest iOS：cn.zhangwei.pagetest 运行平台 安卓、iOS 开办主体名称 张*');
    expect(t).not.toContain('张伟摄影预约');
  });

  it('searches 小程序 by 小程序ID, says when nothing matches, and shows a bad 包名 as an alert', async () => {
    const t = text(await render({ kind: 'mini-program', type: 'appid', q: 'WX00000000000FA9E1' }));
    expect(t).toContain('小程序名称 小程序ID 联网备案号');
    expect(t).toContain('张伟摄影预约');
    expect(t).toContain('小程序ID wx00000000000fa9e1 所属平台 微信');
    expect(text(await render({ kind: 'mini-program', type: 'name', q: '助手' }))).toContain('未查询到备案信息 按小程序名称“助手”未找到已备案小程序。');
    expect(await render({ kind: 'app', type: 'package', q: '张伟' })).toContain('请输入正确的包名，如 com.example.app');
  });
});

describe('/query/{digits} of an APP', () => {
  it('shows the APP图标 and 包名 rows', async () => {
    const digits = digitsOf['张伟摄影助手'];
    const html = renderToStaticMarkup(await FilingDetailPage({ params: Promise.resolve({ code: digits }) }));
    expect(html).toContain(`<img src="/api/public/filings/${digits}/icon" alt="张伟摄影助手的图标"`);
    expect(text(html)).toContain('包名 安卓：cn.zhangwei.pagetest iOS：cn.zhangwei.pagetest 运行平台 安卓、iOS');
    expect(text(html)).toMatch(/APP图标 APP名称 张伟摄影助手/);
  });
});
