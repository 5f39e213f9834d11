/**
 * 复制备案编号HTML代码 (SPEC §10.3): the one-line snippet a filed website pastes into its home
 * page, in the shape sites already use for the national platform's badge.
 */
import { publicBaseUrl } from '@/lib/config/env';
import { isFilingDigits } from '@/lib/review/filing-number';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for both HTML text and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export type FilingSnippetInput = {
  /** The full 公安备案号, e.g. 京公网安备11010502013462号. */
  number: string;
  /** Its 14 digits, the canonical key used in /query/{digits}. */
  digits: string;
  /** Defaults to PUBLIC_BASE_URL (publicBaseUrl()). */
  baseUrl?: string;
};

export function filingSnippet({ number, digits, baseUrl = publicBaseUrl() }: FilingSnippetInput): string {
  if (!isFilingDigits(digits)) throw new RangeError(`联网备案号应为14位数字：${digits}`);
  // Escaping cannot make a javascript: or data: link harmless on the sites that paste the snippet.
  if (!/^https?:\/\//i.test(baseUrl)) throw new Error('PUBLIC_BASE_URL 必须以 http:// 或 https:// 开头');
  const base = escapeHtml(baseUrl.replace(/\/+$/, ''));
  return (
    `<img src="${base}/badge.png" width="20" height="20" alt="">` +
    `<a href="${base}/query/${digits}" rel="noreferrer" target="_blank">${escapeHtml(number)}</a>`
  );
}

/**
 * An APP's or 小程序's 关于 screen (SPEC §15.5): the 公安备案号 as one line of text, and the public
 * record it may link to.
 */
export function filingAboutLine({ number, digits, baseUrl = publicBaseUrl() }: FilingSnippetInput): { text: string; url: string } {
  if (!isFilingDigits(digits)) throw new RangeError(`联网备案号应为14位数字：${digits}`);
  return { text: number, url: `${baseUrl.replace(/\/+$/, '')}/query/${digits}` };
}
