/**
 * A filing object (网站 today; APP, 小程序, 应用市场 and 服务商 next, SPEC §15): what the wizard,
 * review, 我的申请, receipts and the public query need to know about it. Pure data and functions,
 * no database: usable in the browser (the wizard shell) and on the server alike.
 */
import type { ZodType } from 'zod';

export type ObjectStep = {
  /** The step's title in the wizard (步骤条). */
  title: string;
  /** Values the step's values are under (`basic`), and their zod schema; none for a step that only chooses (开办主体). */
  key?: string;
  schema?: ZodType;
};

/** One line of the public view (/query, /api/public/filings): the key of PublicFiling and its label. */
export type PublicField<K extends string = string> = { key: K; label: string };

export type ObjectType<Key extends string = string, Field extends string = string, NameContext = never> = {
  /** Registry key, as business types and assessments name it: '网站'. */
  key: Key;
  /** What people call it: 网站. */
  label: string;
  /** The applicant's list of these objects; `${routeBase}/new` files one, `${routeBase}/${id}` shows one. */
  routeBase: string;
  /** The wizard's steps in order. */
  steps: readonly ObjectStep[];
  /** The whole object's schema (the steps together). */
  schema: ZodType;
  /** Labels of the stored fields, keyed like the service's error paths; reviewers comment on these. */
  fieldLabels: Readonly<Record<Field, string>>;
  /** Naming rules of the object's name: the violations of a name (empty: the name is fine). */
  checkName?: (ctx: NameContext) => readonly { message: string }[];
  /** The two digits of the 公安备案号 that mark this kind of object (SPEC §6.4: 02 = 网站). */
  filingMark: string;
  /** What the public query shows about a filed object, in order. */
  publicFields: readonly PublicField[];
};
