import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, login, logout, readLatestMail, adminCli, idWithCheck, baseURL, requestSmsCode, screenshotBoth, smsCount, waitForSms, solveCaptcha, newPageAt } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('registration, phone verification and login', () => {
  it('registers an applicant with the SMS code from the outbox (the phone is then verified), logs out and logs in by ID number', async () => {
    const page = await newPageAt(browser, '203.0.113.31');
    const idNumber = idWithCheck('11010219880808123');
    await page.goto('/register');
    await page.getByLabel('真实姓名').fill('孙丽娟');
    await page.getByLabel('证件类型').selectOption('居民身份证');
    await page.getByLabel('证件号码').fill(idNumber);
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByLabel('电子邮件地址').fill('sunlijuan@example.com');
    await page.getByLabel('登录密码').fill('Secret#2026');
    await page.getByLabel('确认密码').fill('Secret#2026');
    await page.getByLabel(/我已阅读并同意/).check();
    // Without a code there is no account.
    await page.getByRole('button', { name: '注册' }).click();
    await page.getByText('请填写6位短信验证码').waitFor();
    await page.getByLabel('短信验证码').fill('000000');
    await page.getByRole('button', { name: '注册' }).click();
    await page.getByText('验证码已失效，请重新获取').first().waitFor();

    const code = await requestSmsCode(page, '13912345678');
    await page.getByRole('button', { name: /秒后重新获取/ }).waitFor();
    const wrong = code === '111111' ? '222222' : '111111';
    await page.getByLabel('短信验证码').fill(wrong);
    await page.getByRole('button', { name: '注册' }).click();
    await page.getByText('验证码错误，还可尝试 4 次').first().waitFor();
    // Two failed attempts for this phone: the form now asks for its 验证码 (seed 001) before the right code.
    await page.getByLabel('短信验证码').fill(code);
    await page.getByRole('button', { name: '注册' }).click();
    await page.getByRole('group', { name: '验证码', exact: true }).getByText('请先完成验证码验证').waitFor();
    await solveCaptcha(page);
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForURL(/\/login\?registered=1/);
    await expect(page.getByText('注册成功，请登录。').isVisible()).resolves.toBe(true);

    await login(page, '13912345678', 'Secret#2026');
    await page.waitForURL(/\/my$/);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('孙丽娟');

    await page.goto('/my/account');
    // PII is masked: the full ID number never reaches the page.
    await page.getByText(`${idNumber.slice(0, 3)}${'*'.repeat(13)}${idNumber.slice(-2)}`).waitFor();
    expect(await page.content()).not.toContain(idNumber);
    // The code proved the phone.
    await expect(page.getByTestId('phone-status').textContent()).resolves.toBe('已验证');

    await page.getByRole('listitem').filter({ hasText: '邮箱验证' }).getByRole('button', { name: '立即验证' }).click();
    await page.getByText('验证邮件已发送').waitFor();
    const mail = readLatestMail('sunlijuan@example.com');
    const link = mail.match(/https?:\/\/\S+verify-email\?token=[\w-]+/)?.[0];
    expect(link).toBeTruthy();
    await page.goto(link!.replace(/^https?:\/\/[^/]+/, baseURL()));
    await page.getByText('邮箱验证成功。').waitFor();
    await page.goto('/my/account');
    await expect(page.getByTestId('email-status').textContent()).resolves.toBe('已验证');

    await logout(page);
    await login(page, idNumber, 'Secret#2026');
    await page.waitForURL(/\/my$/);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('孙丽娟');
  });

  it('shows field errors for invalid registration input', async () => {
    const page = await newPage(browser);
    await page.goto('/register');
    await page.getByLabel('真实姓名').fill('王先生1');
    await page.getByLabel('证件号码').fill('110101199902301231');
    await page.getByLabel('手机号码').fill('12345678901');
    await page.getByLabel('电子邮件地址').fill('not-an-email');
    await page.getByLabel('登录密码').fill('abc');
    await page.getByLabel('确认密码').fill('abcd');
    await page.getByRole('button', { name: '注册' }).click();
    await page.getByText('真实姓名不能包含数字').waitFor();
    await page.getByText('证件号码中的出生日期无效').waitFor();
    await page.getByText('请填写正确的手机号码').waitFor();
    await page.getByText('请填写正确的电子邮件地址').waitFor();
    await page.getByText('登录密码长度应为8-32位').waitFor();
    await page.getByText('两次输入的密码不一致').waitFor();
    await page.getByText('请阅读并同意《用户服务协议》').waitFor();
    expect(page.url()).toMatch(/\/register$/);
    await page.getByRole('button', { name: '《用户服务协议》' }).click();
    await page.getByRole('dialog', { name: '用户服务协议' }).getByText('须使用本人真实身份信息注册').waitFor();
  });

  it('does not reveal that a phone is registered: the same answers, and the SMS tells its owner instead', async () => {
    const answers: string[][] = [];
    for (const phone of ['13800000003', '13800007777']) {
      const page = await newPageAt(browser, '203.0.113.32');
      await page.goto('/register');
      await page.getByLabel('真实姓名').fill('周杰');
      await page.getByLabel('证件号码').fill(idWithCheck('11010519900101551'));
      await page.getByLabel('手机号码').fill(phone);
      const before = smsCount(phone);
      await page.getByRole('button', { name: '获取验证码' }).click();
      const sent = await page.getByRole('status').filter({ hasText: '验证码已发送' }).textContent();
      const sms = await waitForSms(phone, before);
      if (phone === '13800000003') expect(sms).toContain('该号码已注册');
      else expect(sms).toMatch(/验证码为 \d{6}/);
      await page.getByLabel('短信验证码').fill('999999');
      await page.getByLabel('电子邮件地址').fill(`zhoujie${phone.slice(-4)}@example.com`);
      await page.getByLabel('登录密码').fill('Secret#2026');
      await page.getByLabel('确认密码').fill('Secret#2026');
      await page.getByLabel(/我已阅读并同意/).check();
      await page.getByRole('button', { name: '注册' }).click();
      const err = await page.locator('#smsCode-error').textContent();
      answers.push([sent ?? '', err ?? '']);
      expect(await page.getByText('已注册').count()).toBe(0);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]![1]).toBe('验证码错误，还可尝试 4 次');
  });

  it('answers a wrong password like an unknown account, locks after five, and an admin can unlock', async () => {
    expect(adminCli(['create-user', '--role', 'applicant', '--name', '钱进', '--phone', '13600002222', '--password', 'Right#2026']).status).toBe(0);
    // An address of its own (the test server trusts X-Forwarded-For like one behind a proxy), so these
    // failures do not lock 127.0.0.1 for the other tests.
    const context = await browser.newContext({ baseURL: baseURL(), locale: 'zh-CN', extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.21' } });
    const page = await context.newPage();
    // After the first two failures from this address the login page opens with its 验证码 (seed 001);
    // answered, the attempts go on to the lock.
    const attempt = async (who: string, password: string) => {
      await page.goto('/login');
      if (await page.getByTestId('captcha').count()) await solveCaptcha(page);
      await page.getByLabel('登录账号').fill(who);
      await page.getByLabel('登录密码').fill(password);
      await page.getByRole('button', { name: '登录', exact: true }).click();
    };
    for (let i = 1; i <= 4; i++) {
      for (const who of ['13600002222', '13600009999']) {
        await attempt(who, 'Wrong#pass1');
        await expect(page.getByTestId('login-error').textContent()).resolves.toBe('账号或密码错误');
        // The first failure from the address asks nothing yet; from the second on, the form shows its 验证码.
        expect(await page.getByTestId('captcha').count(), `验证码 after failure ${i} of ${who}`).toBe(i === 1 && who === '13600002222' ? 0 : 1);
      }
    }
    await screenshotBoth(page, 'login-captcha', { axe: true });
    await attempt('13600002222', 'Wrong#pass1');
    await page.getByTestId('login-error').getByText(/登录失败次数过多，账号已锁定，请于 .+ 后重试/).waitFor();
    await attempt('13600002222', 'Right#2026');
    await page.getByTestId('login-error').getByText(/账号已锁定/).waitFor();
    expect(page.url()).toMatch(/\/login/);

    const unlock = adminCli(['unlock-user', '--phone', '13600002222']);
    expect(unlock.status).toBe(0);
    expect(unlock.stdout).toContain('已解除账号');
    await attempt('13600002222', 'Right#2026');
    await page.waitForURL(/\/my$/);
  });
});

describe('忘记密码, 退出登录 and the login address', () => {
  it('resets the password by SMS code from the login page and ends every session of the account', async () => {
    expect(adminCli(['create-user', '--role', 'applicant', '--name', '韩梅', '--phone', '13600005555', '--password', 'Before#2026']).status).toBe(0);
    const signedIn = await newPage(browser);
    await login(signedIn, '13600005555', 'Before#2026');
    await signedIn.waitForURL(/\/my$/);

    const page = await newPageAt(browser, '203.0.113.34');
    await page.goto('/login');
    await page.getByRole('link', { name: '忘记密码' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await screenshotBoth(page, 'forgot-password', { axe: true });
    await page.getByLabel('手机号码').fill('13600005555');
    const code = await requestSmsCode(page, '13600005555');
    await page.getByLabel('短信验证码').fill(code);
    await page.getByLabel('新密码', { exact: true }).fill('After#2026');
    await page.getByLabel('确认新密码').fill('After#2027');
    await page.getByRole('button', { name: '重置密码' }).click();
    await page.getByText('两次输入的密码不一致').waitFor();
    await page.getByLabel('确认新密码').fill('After#2026');
    await page.getByRole('button', { name: '重置密码' }).click();
    await page.waitForURL(/\/login\?reset=1/);
    await page.getByText('密码已重置，请使用新密码登录。').waitFor();

    // The session opened before the reset is over.
    await signedIn.goto('/my');
    expect(new URL(signedIn.url()).pathname).toBe('/login');

    await login(page, '13600005555', 'Before#2026');
    await expect(page.getByTestId('login-error').textContent()).resolves.toBe('账号或密码错误');
    await login(page, '13600005555', 'After#2026');
    await page.waitForURL(/\/my$/);
  });

  it('answers 忘记密码 for an unregistered phone like for a registered one, without sending it anything', async () => {
    const page = await newPageAt(browser, '203.0.113.35');
    await page.goto('/forgot-password');
    await page.getByLabel('手机号码').fill('13600006666');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('status').filter({ hasText: '验证码已发送' }).waitFor();
    await page.getByLabel('短信验证码').fill('999999');
    await page.getByLabel('新密码', { exact: true }).fill('After#2026');
    await page.getByLabel('确认新密码').fill('After#2026');
    await page.getByRole('button', { name: '重置密码' }).click();
    await page.locator('#smsCode-error').getByText('验证码错误，还可尝试 4 次').waitFor();
    expect(smsCount('13600006666')).toBe(0);
  });

  it('退出登录 ends the session on the server: the copied cookie, replayed in a new browser, is refused', async () => {
    expect(adminCli(['create-user', '--role', 'applicant', '--name', '李雷', '--phone', '13600007777', '--password', 'Cookie#2026']).status).toBe(0);
    const page = await newPage(browser);
    await login(page, '13600007777', 'Cookie#2026');
    await page.waitForURL(/\/my$/);
    const copied = (await page.context().cookies()).filter((c) => c.name.includes('session-token'));
    expect(copied).toHaveLength(1);

    // The copy works while the session lasts …
    const thief = await browser.newContext({ baseURL: baseURL(), locale: 'zh-CN' });
    await thief.addCookies(copied);
    const tp = await thief.newPage();
    await tp.goto('/my');
    expect(new URL(tp.url()).pathname).toBe('/my');

    // … and not a moment after 退出登录 (from 个人中心: /my greets a new applicant with a dialog).
    await page.goto('/my/account');
    await logout(page);
    const replay = await browser.newContext({ baseURL: baseURL(), locale: 'zh-CN' });
    await replay.addCookies(copied);
    const rp = await replay.newPage();
    await rp.goto('/my');
    expect(new URL(rp.url()).pathname).toBe('/login');
    await tp.goto('/my/account');
    expect(new URL(tp.url()).pathname).toBe('/login');
    const session = await rp.request.get('/api/auth/session');
    expect(await session.json()).toEqual({});
  });

  it('never leaves the site after login, whatever callbackUrl says, and shows no text from the address', async () => {
    for (const cb of ['%2F%5Cevil.example%2Fx', '%2F%09%2Fevil.example%2Fx', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example%2F']) {
      const page = await newPage(browser);
      await page.goto(`/login?callbackUrl=${cb}`);
      await page.getByLabel('登录账号').fill('13800000003');
      await page.getByLabel('登录密码').fill('Demo@2026');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL((u) => u.pathname !== '/login');
      expect(new URL(page.url()).origin).toBe(baseURL());
      expect(new URL(page.url()).pathname).toBe('/my');
      await page.context().close();
    }
    const page = await newPage(browser);
    await page.goto('/login?callbackUrl=%2Fmy%2Faccount');
    await page.getByLabel('登录账号').fill('13800000003');
    await page.getByLabel('登录密码').fill('Demo@2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/my\/account$/);

    const other = await newPage(browser);
    await other.goto(`/login?error=${encodeURIComponent('账号异常，请致电 400-000-0000 解冻')}`);
    await expect(other.getByTestId('login-error').textContent()).resolves.toBe('登录失败，请重新登录');
    expect(await other.locator('body').innerText()).not.toContain('400-000-0000');
  });
});

describe('roles and access', () => {
  it('sends a signed-out visitor of a private area to /login', async () => {
    const page = await newPage(browser);
    for (const p of ['/my', '/review', '/admin', '/provider']) {
      await page.goto(p);
      expect(new URL(page.url()).pathname).toBe('/login');
    }
  });

  it('refuses an applicant on /review and /admin with 403', async () => {
    const page = await newPage(browser);
    await login(page, '13800000003', 'Demo@2026');
    await page.waitForURL(/\/my$/);
    for (const p of ['/review', '/admin', '/provider']) {
      const res = await page.goto(p);
      expect(res?.status()).toBe(403);
      await page.getByRole('heading', { name: '无权访问' }).waitFor();
    }
  });

  it('lets a reviewer created with the admin CLI log in and reach /review', async () => {
    const bad = adminCli(['create-user', '--role', 'reviewer', '--name', '吴刚', '--phone', '123', '--password', 'Police#2026']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('请填写正确的手机号码');
    expect(bad.stderr).toContain('网安民警账号必须指定所属审核单位');

    const ok = adminCli(['create-user', '--role', 'reviewer', '--name', '吴刚', '--phone', '13700001111', '--password', 'Police#2026', '--unit', '110108']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('已创建账号');

    const page = await newPage(browser);
    await login(page, '13700001111', 'Police#2026');
    await page.waitForURL(/\/review$/);
    await page.getByRole('heading', { name: '审核工作台' }).waitFor();
    await page.getByText('审核单位：海淀分局网安大队').waitFor();
    await page.getByText('审核人员须完成手机验证后方可审核').waitFor();
    const res = await page.goto('/admin');
    expect(res?.status()).toBe(403);
  });

  it('ends every session of an account that is disabled or changes its password', async () => {
    expect(adminCli(['create-user', '--role', 'applicant', '--name', '冯涛', '--phone', '13600004444', '--password', 'First#2026']).status).toBe(0);
    const a = await newPage(browser);
    const b = await newPage(browser);
    for (const p of [a, b]) {
      await login(p, '13600004444', 'First#2026');
      await p.waitForURL(/\/my$/);
    }
    await a.goto('/my/account');
    await a.getByLabel('当前密码').fill('First#2026');
    await a.getByLabel('新密码', { exact: true }).fill('Second#2026');
    await a.getByLabel('确认新密码').fill('Second#2026');
    await a.getByRole('button', { name: '修改密码' }).click();
    await a.waitForURL(/\/login/);
    await b.goto('/my/account');
    expect(new URL(b.url()).pathname).toBe('/login');

    await login(b, '13600004444', 'Second#2026');
    await b.waitForURL(/\/my$/);
    // The security notice shows bottom-right on the landing page after login, and in the header count.
    await b.getByRole('button', { name: '稍后再说' }).click();
    await b.getByRole('status', { name: '最新通知' }).getByText('登录密码已修改', { exact: true }).waitFor();
    await expect(b.getByTestId('unread-count').textContent()).resolves.toBe('1');
    await b.getByRole('button', { name: '关闭通知' }).click();
    await b.getByRole('status', { name: '最新通知' }).waitFor({ state: 'detached' });
    const off = adminCli(['disable-user', '--phone', '13600004444']);
    expect(off.status).toBe(0);
    await b.goto('/my');
    expect(new URL(b.url()).pathname).toBe('/login');
    await login(b, '13600004444', 'Second#2026');
    await b.getByTestId('login-error').getByText('该账号已停用，请联系管理员').waitFor();
  });
});
