'use client';

import { Controller, useFormContext } from 'react-hook-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { UploadField, type UploadedFile } from '@/components/files/upload-field';
import { idOf, type AssessmentWizardValues } from '@/lib/assessments/form-values';

type FileProps = {
  headingId: string;
  err: (path: string) => string | undefined;
  fileValue: (id: number | null | undefined) => UploadedFile | null;
  rememberFile: (f: UploadedFile) => void;
};

function PdfField({ path, label, required, err, fileValue, rememberFile }: Omit<FileProps, 'headingId'> & { path: 'files.sealedReportFileId' | 'files.thirdPartyReportFileId'; label: string; required?: boolean }) {
  const { control } = useFormContext<AssessmentWizardValues>();
  return (
    <Controller
      control={control}
      name={path}
      render={({ field }) => (
        <UploadField
          id={idOf(path)}
          name={path}
          label={label}
          kind="pdf"
          required={required}
          hint="支持 PDF 格式，大小不超过 5MB"
          error={err(path)}
          value={fileValue(field.value)}
          onChange={(f) => {
            if (f) rememberFile(f);
            field.onChange(f ? f.id : null);
          }}
        />
      )}
    />
  );
}

/** 02 自评估报告盖章件: the printed, signed and stamped report, scanned to PDF (required). */
export function AssessmentStepSealed({ headingId, ...props }: FileProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
          自评估报告盖章件
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <ol className="list-decimal space-y-1 pl-5 text-sm text-muted-foreground">
          <li>打印上一步下载的自评估报告，核对内容无误；</li>
          <li>由网站安全负责人签字，并加盖开办主体公章（个人开办者签字并按手印）；</li>
          <li>将签字盖章后的自评估报告完整扫描为一个PDF文件（不超过5MB）并上传。</li>
        </ol>
        <PdfField path="files.sealedReportFileId" label="自评估报告盖章件" required {...props} />
      </CardContent>
    </Card>
  );
}

/** 03 上传第三方检测报告: optional; 跳过 goes on without it. */
export function AssessmentStepThirdParty({ headingId, ...props }: FileProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle id={headingId} tabIndex={-1} data-step-heading className="outline-none">
          上传第三方检测报告
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-muted-foreground">
          已委托具备资质的第三方机构开展安全检测（如渗透测试、代码审计、等级保护测评）的，请上传其出具的检测报告（PDF格式，不超过5MB）。没有第三方检测报告的，可点击“跳过”直接进入提示说明。
        </p>
        <PdfField path="files.thirdPartyReportFileId" label="第三方检测报告" {...props} />
      </CardContent>
    </Card>
  );
}
