import { FileText } from 'lucide-react';
import type { AttachedFile } from '@/lib/review/view';

/** 附件材料: every uploaded image large enough to read, every PDF with a link to open it. */
export function Attachments({ files }: { files: AttachedFile[] }) {
  const images = files.filter((f) => f.kind === 'image');
  const pdfs = files.filter((f) => f.kind === 'pdf');
  return (
    <div className="space-y-4">
      {images.length > 0 && (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="图片材料">
          {images.map((f) => (
            <li key={f.id} data-testid="attachment-image">
              <figure className="space-y-1">
                <a href={`/api/files/${f.id}`} target="_blank" rel="noopener noreferrer" className="block rounded-md border bg-muted/30 p-1 hover:border-primary">
                  {/* A plain <img>: the bytes are private and access-checked, not for the image optimiser. */}
                  <img src={`/api/files/${f.id}?variant=thumb`} alt={f.label} className="mx-auto h-44 w-full object-contain" loading="lazy" />
                </a>
                <figcaption className="text-sm break-all">
                  {f.label}
                  <span className="ml-2 text-xs text-muted-foreground">点击查看原图</span>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      {pdfs.length > 0 && (
        <ul className="space-y-3" aria-label="PDF材料">
          {pdfs.map((f) => (
            <li key={f.id} className="space-y-2 rounded-md border p-3" data-testid="attachment-pdf">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <FileText className="size-5 shrink-0 text-primary" aria-hidden />
                <span className="min-w-0 font-medium break-all">{f.label}</span>
                {f.label !== f.name && <span className="min-w-0 text-xs break-all text-muted-foreground">{f.name}</span>}
                <a href={`/api/files/${f.id}`} target="_blank" rel="noopener noreferrer" className="ml-auto text-primary underline underline-offset-4">
                  新窗口打开<span className="sr-only">：{f.label}</span>
                </a>
              </div>
              {/* /api/files may be framed by this origin only (next.config.mjs). */}
              <iframe src={`/api/files/${f.id}`} title={f.label} className="h-[36rem] w-full rounded border" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
