/** What a user might type into 开展评估情况 (the 自评估报告 tests): rare characters, Latin mixed in, a blank line, a long paragraph. */
export const RARE = '龘䶮鿏〇';
export const MIXED = '使用Nginx 1.24与MySQL 8.0，WAF规则v2';
const LONG =
  '评估组对网站的身份鉴别、访问控制、安全审计、入侵防范、恶意代码防范、数据完整性、数据保密性和备份恢复等方面逐项核查，' +
  '并对用户注册、发帖评论、私信和文件上传等交互功能开展了违法信息过滤与日志留存测试，日志保存不少于六个月。';
export const USER_LINES = [
  `一、评估范围：网站前台、后台管理系统及开放接口；用户昵称中的生僻字${RARE}均能正常保存和显示。`,
  MIXED,
  '',
  `二、评估过程：${LONG.repeat(14)}`,
  '三、整改情况：',
  '1. 关闭了不必要的端口和服务；',
  '2. 全站启用HTTPS（TLS 1.3），后台增加双因素认证。',
];
export const SITUATION = USER_LINES.join('\n');
/** 2026-05-12 10:00 in Beijing. */
export const REPORT_DATE = Date.UTC(2026, 4, 12, 2);
