import type { DataCodeData } from './schemas';

/** The provider an account issues codes for (its name is filled in as 网络接入服务商). */
export type IssuingProvider = { name: string; scope: '境内' | '境外'; regionCode: string | null };

/** What is stored in data_codes.payload: the input with 证件号码 and 手机号码 sealed. */
export type StoredDataCode = {
  subject: Omit<DataCodeData['subject'], 'certNumber' | 'principalPhone'> & {
    certNumberEnc: string;
    certNumberMasked: string;
    principalPhoneEnc: string;
    principalPhoneMasked: string;
  };
  websites: DataCodeData['websites'];
  /** 网络接入服务商 as the websites' drafts fill it in. */
  provider?: IssuingProvider;
};
