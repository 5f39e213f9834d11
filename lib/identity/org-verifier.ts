/**
 * 机关事业单位网络身份认证凭证 adapter (seed 004 §5.1.1): a 大中院校 / 事业单位 / 政府机构 scans a
 * QR code with the 网络身份凭证 APP and the service returns its 主办单位名称, 证件类型, 证件号 and
 * 法定代表人姓名. Pluggable like 国家网络身份认证 (verifier.ts): a deployment installs its client
 * with setOrgCredentialVerifier() at start-up; the embedded sandbox is used only where the identity
 * sandbox is (the demo, or WLBA_IDENTITY_SANDBOX=1); without either, the choice is not offered.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { bindPass, passValid, pluggableVerifier } from './verifier';
import { ORG_SANDBOX_TOKEN_PREFIX } from './labels';
import { orgCertNumberError, orgNameError, personNameError, type UnitType } from '@/lib/subjects/rules';

/** What a credential vouches for: the fields it fills on the form. */
export type OrgCredential = { orgName: string; orgCertType: '统一社会信用代码证'; orgCertNumber: string; legalRepName: string };
/** A scan in progress: the service's handle and the QR code to show (none in the sandbox). */
export type OrgScan = { ticket: string; qrImageUrl: string | null };
export type OrgScanResult =
  | { state: 'waiting' }
  | { state: 'passed'; org: OrgCredential; token: string }
  | { state: 'failed'; message: string };
/** What the sandbox's 模拟扫码 panel sends in place of a phone (a real service never reads it). */
export type SandboxScan = { orgName: string; orgCertNumber: string; legalRepName: string; unitType: UnitType };

export interface OrgCredentialVerifier {
  /** A sandbox pass is shown as such (“已认证（沙箱环境）”). */
  readonly sandbox?: boolean;
  /** Starts a scan. */
  begin(): Promise<OrgScan>;
  /** The scan's outcome so far; the form asks again while it is waiting. */
  result(ticket: string, sandboxScan?: SandboxScan): Promise<OrgScanResult>;
}

const TICKET = /^[0-9a-f]{32}$/;

/** 沙箱环境: “scans” the data typed into the panel, checking only its form (no real register). */
export const sandboxOrgCredentialVerifier: OrgCredentialVerifier = {
  sandbox: true,
  async begin() {
    return { ticket: randomBytes(16).toString('hex'), qrImageUrl: null };
  },
  async result(ticket, scan) {
    if (!TICKET.test(ticket)) return { state: 'failed', message: '认证已过期，请重新扫码' };
    if (!scan) return { state: 'waiting' };
    const problem =
      orgNameError(scan.orgName, scan.unitType) ??
      orgCertNumberError('统一社会信用代码证', scan.orgCertNumber) ??
      (scan.legalRepName.trim() ? personNameError(scan.legalRepName, true) : '请填写法定代表人姓名');
    if (problem) return { state: 'failed', message: `认证未通过：${problem}` };
    return {
      state: 'passed',
      org: {
        orgName: scan.orgName.trim(),
        orgCertType: '统一社会信用代码证',
        orgCertNumber: scan.orgCertNumber.trim().toUpperCase(),
        legalRepName: scan.legalRepName.trim(),
      },
      token: ORG_SANDBOX_TOKEN_PREFIX + randomBytes(16).toString('hex'),
    };
  },
};

const orgVerifier = pluggableVerifier<OrgCredentialVerifier>('wlba.orgCredentialVerifier', sandboxOrgCredentialVerifier);
/** The installed verifier, else the sandbox where allowed, else none (the choice is not offered). */
export const getOrgCredentialVerifier = orgVerifier.get;
export const orgCredentialMode = orgVerifier.mode;
export const setOrgCredentialVerifier = orgVerifier.set;

type OrgFields = { orgName: string; orgCertType: string; orgCertNumber: string; legalRepName: string };
const orgFields = (o: OrgFields) => [o.orgName.trim(), o.orgCertType, o.orgCertNumber.trim().toUpperCase(), o.legalRepName.trim()];

/** The pass the form carries: the verifier's token bound to the four fields it filled. */
export function bindOrgCredential(o: OrgFields, verifierToken: string): string {
  return bindPass('org-credential', orgFields(o), verifierToken);
}

/** A pass for exactly these fields; a sandbox pass only while the sandbox is allowed. */
export function orgCredentialValid(o: OrgFields, token: string): boolean {
  return passValid('org-credential', orgFields(o), token, ORG_SANDBOX_TOKEN_PREFIX);
}
