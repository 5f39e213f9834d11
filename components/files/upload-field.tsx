'use client';

import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { cn } from '@/lib/utils';

import type { UploadedFile } from '@/lib/files/types';
export type { UploadedFile };

export type UploadFieldProps = {
  /** Name of the hidden input carrying the uploaded file's id ('' when none). */
  name: string;
  label: string;
  /** 'document' accepts an image or a PDF (the server decides by the bytes). */
  kind: 'image' | 'pdf' | 'document';
  required?: boolean;
  /** Controlled value (with onChange); leave undefined for an uncontrolled field. */
  value?: UploadedFile | null;
  onChange?: (f: UploadedFile | null) => void;
  /** Error from the surrounding form (e.g. "请上传…"); upload errors are shown in its place. */
  error?: string;
  hint?: string;
  /** Id of the file input (label target, error-summary anchor). */
  id?: string;
  disabled?: boolean;
  className?: string;
};

const MAX_BYTES = 5 * 1024 * 1024;

const ACCEPT = {
  image: ['image/png', 'image/jpeg'],
  pdf: ['application/pdf'],
  document: ['image/png', 'image/jpeg', 'application/pdf'],
} as const;

const MESSAGES = {
  empty: '请选择要上传的文件',
  tooLarge: '文件大小不能超过 5MB',
  image: '仅支持 PNG 或 JPEG 格式的图片',
  pdf: '仅支持 PDF 格式的文件',
  document: '仅支持 PNG、JPEG 格式的图片或 PDF 文件',
  network: '网络异常，上传失败，请重试',
  failed: '上传失败，请稍后重试',
  session: '登录已过期，请重新登录后再上传',
} as const;

const DEFAULT_HINT = {
  image: '支持 PNG、JPEG 格式，大小不超过 5MB',
  pdf: '支持 PDF 格式，大小不超过 5MB',
  document: '支持 PNG、JPEG 图片或 PDF 文件，大小不超过 5MB',
} as const;

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0.1, Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

type UploadResponse = {
  id: number;
  kind: 'image' | 'pdf';
  name: string;
  size: number;
  thumbUrl: string | null;
  url: string;
  error?: string;
};

export function UploadField({
  name,
  label,
  kind,
  required = false,
  value,
  onChange,
  error,
  hint,
  id,
  disabled = false,
  className,
}: UploadFieldProps) {
  const autoId = useId();
  const inputId = id ?? `upload-${autoId}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const statusId = `${inputId}-status`;

  const controlled = value !== undefined;
  const [inner, setInner] = useState<UploadedFile | null>(null);
  const current = controlled ? (value ?? null) : inner;

  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => () => xhrRef.current?.abort(), []);

  function commit(next: UploadedFile | null) {
    if (!controlled) setInner(next);
    onChange?.(next);
  }

  function fail(message: string) {
    setProgress(null);
    setUploadError(message);
  }

  function precheck(file: File): string | null {
    if (file.size === 0) return MESSAGES.empty;
    if (file.size > MAX_BYTES) return MESSAGES.tooLarge;
    // The server decides by the bytes; an empty type (unknown extension) is left to it.
    if (file.type && !(ACCEPT[kind] as readonly string[]).includes(file.type)) return MESSAGES[kind];
    return null;
  }

  function upload(file: File) {
    xhrRef.current?.abort();
    setUploadError(null);

    const problem = precheck(file);
    if (problem) {
      fail(problem);
      return;
    }

    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);

    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open('POST', '/api/files');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) setProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      if (xhrRef.current !== xhr) return;
      xhrRef.current = null;
      const body = (xhr.response ?? null) as UploadResponse | null;
      if (xhr.status === 201 && body && typeof body.id === 'number') {
        setProgress(null);
        commit({
          id: body.id,
          name: body.name,
          kind: body.kind,
          size: body.size,
          thumbUrl: body.thumbUrl,
          url: body.url,
        });
        return;
      }
      if (xhr.status === 401) return fail(MESSAGES.session);
      if (xhr.status === 413) return fail(body?.error || MESSAGES.tooLarge);
      fail(body?.error || MESSAGES.failed);
    };
    xhr.onerror = () => {
      if (xhrRef.current !== xhr) return;
      xhrRef.current = null;
      fail(MESSAGES.network);
    };
    xhr.onabort = () => {
      if (xhrRef.current === xhr) xhrRef.current = null;
    };
    setProgress(0);
    xhr.send(form);
  }

  function handleChange(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    // Clear the native input so choosing the same file again fires change; the
    // uploaded file lives in state and in the hidden input.
    e.target.value = '';
    if (file) upload(file);
  }

  function handleRemove() {
    if (xhrRef.current) {
      xhrRef.current.abort();
      xhrRef.current = null;
    }
    setProgress(null);
    setUploadError(null);
    commit(null);
    inputRef.current?.focus();
  }

  const uploading = progress !== null;
  const shownError = uploadError ?? error ?? null;
  const describedBy = [hintId, shownError ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className={cn('grid gap-2', className)} data-slot="upload-field">
      <div className="flex items-center gap-0.5 text-sm font-medium leading-none">
        {required ? (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        ) : null}
        <label htmlFor={inputId}>{label}</label>
      </div>

      {/* The native control stays for keyboards, screen readers and tests; its browser-language
          “Choose File” text is replaced by a Chinese face that opens it. */}
      <div className="relative">
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept={ACCEPT[kind].join(',')}
          disabled={disabled}
          aria-required={required || undefined}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          onChange={handleChange}
          className="peer sr-only"
        />
        <div
          aria-hidden="true"
          onClick={() => !disabled && inputRef.current?.click()}
          className={cn(
            'flex h-9 w-full min-w-0 cursor-pointer items-center gap-3 rounded-md border border-input bg-background px-3 text-sm shadow-xs',
            'peer-focus-visible:ring-2 peer-focus-visible:ring-ring',
            'peer-disabled:cursor-not-allowed peer-disabled:opacity-50',
            'peer-aria-invalid:border-destructive',
          )}
        >
          <span className="shrink-0 font-medium">{current ? '重新选择' : '选择文件'}</span>
          {/* The chosen file's name shows in the preview below, not twice. */}
          <span className="min-w-0 truncate text-muted-foreground">{uploading ? '上传中…' : current ? '已上传' : '未选择文件'}</span>
        </div>
      </div>
      <input type="hidden" name={name} value={current ? String(current.id) : ''} />

      <div id={statusId} className="empty:hidden">
        {uploading ? (
          <div className="grid gap-1">
            <div
              role="progressbar"
              aria-label="上传进度"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={progress}
              className="h-2 w-full overflow-hidden rounded-full bg-muted"
            >
              <div className="h-full bg-primary transition-[width]" style={{ width: `${progress}%` }} />
            </div>
            <p role="status" className="text-xs text-muted-foreground">
              上传中…
            </p>
          </div>
        ) : null}
      </div>

      {current && !uploading ? (
        <div className="flex items-center gap-3 rounded-md border border-input bg-background p-2">
          {current.kind === 'image' ? (
            <a href={current.url} target="_blank" rel="noopener noreferrer" className="shrink-0">
              <img
                src={current.thumbUrl ?? current.url}
                alt={label}
                className="h-16 w-16 rounded-md border border-input object-cover"
              />
            </a>
          ) : (
            <a
              href={current.url}
              target="_blank"
              rel="noopener noreferrer"
              className="shrink-0 text-sm font-medium text-primary underline underline-offset-4"
            >
              查看PDF
            </a>
          )}
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm" title={current.name}>
              {current.name}
            </p>
            <p className="text-xs text-muted-foreground">{formatFileSize(current.size)}</p>
          </div>
          <button
            type="button"
            onClick={handleRemove}
            disabled={disabled}
            className={cn(
              'inline-flex h-8 shrink-0 items-center justify-center rounded-md border border-input bg-background px-3 text-sm font-medium shadow-xs',
              'hover:bg-accent hover:text-accent-foreground',
              'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
              'disabled:pointer-events-none disabled:opacity-50',
            )}
          >
            删除
            <span className="sr-only">{label}</span>
          </button>
        </div>
      ) : null}

      <p id={hintId} className="text-xs text-muted-foreground">
        {hint ?? DEFAULT_HINT[kind]}
      </p>

      {shownError ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
