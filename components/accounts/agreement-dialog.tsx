'use client';

import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger, DialogDescription } from '@/components/ui/dialog';

const TERMS = [
  '本平台是公安机关为网站开办者办理互联网站联网备案提供的在线服务平台，用户须使用本人真实身份信息注册，不得冒用他人身份。',
  '用户应保证填报的开办主体、网站及负责人信息真实、准确、完整，并在信息变更后及时办理变更手续；因信息不实造成的后果由用户承担。',
  '用户应妥善保管账号和密码，不得转借、出租账号；因保管不善造成的损失由用户自行承担。发现账号被盗用时应立即修改密码并联系管理员。',
  '用户应遵守《中华人民共和国网络安全法》《计算机信息网络国际联网安全保护管理办法》等法律法规，履行网络安全保护义务。',
  '平台仅在办理备案业务所必需的范围内收集、使用个人信息，证件号码、手机号码等敏感信息加密存储，并在页面中脱敏显示。',
  '公安机关依法对备案信息进行审核、核查，并可通过短信、电子邮件、站内通知等方式向用户发送审核结果与提醒。',
];

export function AgreementDialog({ title, officeName }: { title: '用户服务协议' | '隐私政策'; officeName: string }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <button type="button" className="text-primary underline underline-offset-4">
          《{title}》
        </button>
      </DialogTrigger>
      <DialogContent className="max-h-[85vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{officeName}联网备案平台</DialogDescription>
        </DialogHeader>
        <ol className="list-decimal space-y-2 pl-5 text-sm leading-relaxed">
          {TERMS.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ol>
      </DialogContent>
    </Dialog>
  );
}
