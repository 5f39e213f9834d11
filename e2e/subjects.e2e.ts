import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, login, logout, adminCli, idWithCheck, readSmsCode, registerUser, screenshot, dataDir, openForm } from './helpers';

let browser: Browser;
let png: Buffer;
beforeAll(async () => {
  browser = await launchBrowser();
  png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#3a6ea5' } }).png().toBuffer();
});
afterAll(async () => {
  await browser?.close();
});

async function newApplicant(name: string, phone: string, idBody: string) {
  const idNumber = idWithCheck(idBody);
  const r = adminCli(['create-user', '--role', 'applicant', '--name', name, '--phone', phone, '--password', 'Secret#2026']);
  expect(r.status, r.stderr).toBe(0);
  return { phone, idNumber };
}

async function upload(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).setInputFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: png });
  await page.getByRole('img', { name: label }).waitFor();
}

async function pickRegion(page: Page, label: string, province: string, county: string) {
  await page.getByLabel(`${label}省份`).selectOption(province);
  await page.getByLabel(`${label}区县`).selectOption(county);
}

async function fillPrincipal(page: Page, p: { name: string; idNumber: string; phone: string }) {
  await page.getByLabel('负责人姓名', { exact: true }).fill(p.name);
  await page.getByLabel('负责人证件号码', { exact: true }).fill(p.idNumber);
  await page.getByLabel('长期有效').check();
  await pickRegion(page, '负责人常住地址', '110000', '110105');
  await page.getByLabel('负责人常住详细地址').fill('建国路88号院3号楼1201室');
  await page.getByLabel('负责人手机号码').fill(p.phone);
  await page.getByLabel('文件认证').check();
  for (const l of ['身份证人像面', '身份证国徽面', '身份证手持']) await upload(page, l);
}

describe('开办主体 as a new applicant', () => {
  it('files an individual subject from an empty account, sees it held back, and revokes it', async () => {
    // CLI accounts have no ID number; register in the browser like a real user instead.
    const page = await newPage(browser);
    const idNumber = idWithCheck('11010519880808456');
    await registerUser(page, { name: '周雨桐', idNumber, phone: '13511112222', email: 'zhouyt@example.com' });
    await login(page, '13511112222', 'Secret#2026');
    await page.waitForURL(/\/my$/);
    await page.getByRole('dialog').getByText('您当前还无有效主体，请先申请主体').waitFor();
    await screenshot(page, 'desktop-my-no-subject');
    await page.getByRole('button', { name: '申请主体' }).or(page.getByRole('link', { name: '申请主体' })).first().click();
    await page.waitForURL(/\/my\/subject\/new/);

    await page.getByLabel('个人', { exact: true }).check();
    await fillPrincipal(page, { name: '周雨桐', idNumber, phone: '13511112222' });
    await screenshot(page, 'desktop-subject-new-person');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/\/my\/applications\/\d+/);
    await page.getByText('提交成功').waitFor();
    await page.getByText('公安机关不会单独进行主体审核').first().waitFor();
    await page.getByText('新增主体').first().waitFor();
    expect(await page.content()).not.toContain(idNumber);
    await screenshot(page, 'desktop-application-detail');

    await page.goto('/my');
    await page.getByText('请继续办理新办网站申请').first().waitFor();

    await page.goto('/my/applications');
    await page.getByRole('cell', { name: '待审核' }).first().waitFor();
    await page.getByRole('link', { name: '详情' }).first().click();
    await page.getByRole('button', { name: '撤销申请' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('已撤销').first().waitFor();

    // 重新提交 starts a new application pre-filled from the revoked one (PII kept server-side).
    await page.getByRole('link', { name: '重新提交' }).click();
    await page.waitForURL(/\/my\/subject\/new\?resubmit=\d+/);
    await expect(page.getByLabel('负责人姓名', { exact: true }).inputValue()).resolves.toBe('周雨桐');
    await page.getByText(/已登记：110\*+\d\d，不修改请留空/).waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/\/my\/applications\/\d+\?submitted=1/);
    const resubmittedId = Number(new URL(page.url()).pathname.split('/').pop());

    // The review issue returns applications; here the returned state is set directly.
    const db = new Database(path.join(dataDir(), 'app.db'));
    db.prepare("update applications set status = '退回', reason = ?, field_comments = ?, decided_at = ? where id = ?").run(
      '负责人常住详细地址不具体，请补充门牌号',
      JSON.stringify({ principalAddress: '请填写到门牌号' }),
      Date.now(),
      resubmittedId,
    );
    db.prepare("update subjects set status = '已退回' where id = (select subject_id from applications where id = ?)").run(resubmittedId);
    db.close();
    await page.goto(`/my/applications/${resubmittedId}`);
    await page.getByText('退回原因：负责人常住详细地址不具体，请补充门牌号').waitFor();
    await page.getByTestId('field-comment-principalAddress').getByText('审核意见：请填写到门牌号').waitFor();
    await screenshot(page, 'desktop-application-returned');
    await page.getByRole('link', { name: '重新提交' }).click();
    await page.getByText('请填写到门牌号').first().waitFor();
    await page.getByLabel('负责人常住详细地址').fill('建国路88号院3号楼1201室');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/\/my\/applications\/\d+\?submitted=1/);
    await page.getByText('待审核').first().waitFor();
  });

  it('files an organisation subject (企业单位 with 统一社会信用代码) and shows field errors first', async () => {
    const u = await newApplicant('钱立群', '13522223333', '11010819800101123');
    const page = await newPage(browser);
    await login(page, u.phone, 'Secret#2026');
    await page.waitForURL(/\/my$/);
    await openForm(page, '/my/subject/new');
    await page.getByLabel('单位', { exact: true }).check();
    await page.getByLabel('单位性质').selectOption('企业单位');
    // 108 characters: names are limited to 100 (SPEC §13).
    await page.getByLabel('主办单位名称').fill('北京星河数据服务有限公司'.repeat(9));
    await page.getByLabel('主办单位证件号').fill('91350100M000100Y44');
    await page.getByLabel('办公室电话').fill('010-00000000');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('统一社会信用代码校验位不正确').waitFor();
    await page.getByText('请填写真实的办公室电话').waitFor();
    await page.getByText('主办单位名称不能超过100个字').waitFor();
    await page.getByText('请选择是否中央/国家级单位').waitFor();
    await page.getByRole('group', { name: '是否中央/国家级单位' }).getByLabel('否').check();
    await page.getByLabel('主办单位名称').fill('北京星河数据服务有限公司');

    await page.getByLabel('主办单位证件号').fill('91350100M000100Y43');
    await upload(page, '主办单位有效证件');
    await page.getByLabel('法定代表人姓名').fill('钱立群');
    await pickRegion(page, '单位办公地址', '110000', '110108');
    await page.getByLabel('单位办公详细地址').fill('中关村大街27号中关村大厦1101室');
    await page.getByRole('group', { name: '本企业在境内应用人脸识别技术处理人脸信息' }).getByLabel('否').check();
    await page.getByRole('group', { name: '本企业是否利用生成式人工智能技术向境内公众提供服务' }).getByLabel('否').check();
    await page.getByLabel('办公室电话').fill('010-62751234');
    await fillPrincipal(page, { name: '钱立群', idNumber: u.idNumber, phone: u.phone });
    await screenshot(page, 'desktop-subject-new-org');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/\/my\/applications\/\d+/);
    await page.getByText('提交成功').waitFor();
    await page.getByText('海淀分局网安大队').first().waitFor();

    // 切换主体 lists the subjects with the current one marked.
    await page.getByRole('button', { name: '切换主体' }).click();
    const dialog = page.getByRole('dialog', { name: '切换主体' });
    await dialog.getByRole('row').filter({ hasText: '北京星河数据服务有限公司' }).getByText('当前主体').waitFor();
    await screenshot(page, 'desktop-switch-subject');
    // The dialog is built on the first click; closing it returns to the button, and it opens again.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('切换主体');
    await page.getByRole('button', { name: '切换主体' }).click();
    await dialog.getByRole('row').filter({ hasText: '北京星河数据服务有限公司' }).waitFor();
  });

  it('saves a draft, and after logging out and in restores it from the prompt', async () => {
    const u = await newApplicant('吴思远', '13533334444', '11010119900303123');
    const page = await newPage(browser);
    await login(page, u.phone, 'Secret#2026');
    await page.waitForURL(/\/my$/);
    await openForm(page, '/my/subject/new');
    await page.getByLabel('个人', { exact: true }).check();
    await page.getByLabel('负责人姓名', { exact: true }).fill('吴思远');
    await page.getByLabel('负责人常住详细地址').fill('朝阳北路101号');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存').waitFor();
    await logout(page);
    await login(page, u.phone, 'Secret#2026');
    await page.waitForURL(/\/my$/);
    await page.goto('/my/drafts');
    await page.getByRole('cell', { name: '新增主体' }).waitFor();
    await openForm(page, '/my/subject/new');
    await page.getByText('您有一条草稿，是否使用').waitFor();
    await page.getByRole('button', { name: '是', exact: true }).click();
    await expect(page.getByLabel('负责人姓名', { exact: true }).inputValue()).resolves.toBe('吴思远');
    await expect(page.getByLabel('负责人常住详细地址').inputValue()).resolves.toBe('朝阳北路101号');
  });
});

describe('变更主体 and 移交主体 on approved subjects', () => {
  it('changes an approved subject and sees the comparison table', async () => {
    const page = await newPage(browser);
    await login(page, '13800000003', 'Demo@2026');
    await page.waitForURL(/\/my$/);
    await openForm(page, '/my/subject/change');
    await page.getByLabel('单位办公详细地址').fill('建国路93号万达广场8号楼1808室');
    await page.getByRole('button', { name: '提交审核' }).click();
    const dialog = page.getByRole('dialog', { name: '变更信息确认' });
    await dialog.getByRole('cell', { name: '单位办公详细地址' }).waitFor();
    await dialog.getByRole('cell', { name: '建国路88号SOHO现代城3号楼1201室' }).first().waitFor();
    await dialog.getByRole('cell', { name: '建国路93号万达广场8号楼1808室' }).waitFor();
    await screenshot(page, 'desktop-subject-change-compare');
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.waitForURL(/\/my\/applications\/\d+/);
    await page.getByText('变更主体').first().waitFor();
    await page.goto('/my/subject');
    await page.getByText('变更中').first().waitFor();
    // A second change while one is pending is refused.
    await page.goto('/my/subject/change');
    await page.getByText(/变更中/).first().waitFor();

    // 撤销申请 puts the subject back to 有效 (and leaves the shared demo subject as other files expect it).
    await page.goto('/my/applications');
    await page.getByRole('row').filter({ hasText: '变更主体' }).getByRole('link', { name: '详情' }).first().click();
    await page.getByRole('button', { name: '撤销申请' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('已撤销').first().waitFor();
    await page.goto('/my/subject');
    await page.getByText('有效').first().waitFor();
    await expect(page.getByText('变更中').count()).resolves.toBe(0);
  });

  it('transfers a subject to a second account, which accepts it', async () => {
    // The recipient registers with a real ID number so the offer can find them.
    const idNumber = idWithCheck('11010219950505222');
    const page = await newPage(browser);
    await registerUser(page, { name: '郑晓明', idNumber, phone: '13544445555', email: 'zhengxm@example.com' });

    const sender = await newPage(browser);
    await login(sender, '13800000006', 'Demo@2026');
    await sender.waitForURL(/\/my$/);
    await sender.goto('/my/subject/transfer');
    await sender.getByText('138****0006').first().waitFor();
    await sender.getByLabel('手机号码中间四位').fill('0000');
    await sender.getByLabel('接收人手机号').fill('13544445555');
    await sender.getByLabel('接收人身份证号').fill(idNumber);
    await sender.getByRole('button', { name: '获取短信验证码' }).click();
    await sender.getByText(/验证码已发送至/).waitFor();
    await sender.getByLabel('短信验证码').fill(readSmsCode('13800000006'));
    await screenshot(sender, 'desktop-subject-transfer');
    await sender.getByRole('button', { name: '确认移交' }).click();
    await sender.getByRole('button', { name: '撤销移交' }).waitFor();

    await login(page, '13544445555', 'Secret#2026');
    await page.waitForURL(/\/my$/);
    await page.goto('/my/subject/receive');
    const row = page.getByRole('row').filter({ hasText: '陈静' });
    await row.getByRole('button', { name: '接收' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.waitForURL(/\/my\/subject$/);
    await page.getByText('陈静').first().waitFor();
    await page.getByText('有效').first().waitFor();
  });
});
