/** Every uploaded file a website's data refers to (stored, masked or submitted: the ids are the same). */
type Contact = { frontFileId?: unknown; backFileId?: unknown; handheldFileId?: unknown } | null | undefined;
type WebsiteFiles = {
  basic?: { domainCertificates?: Record<string, unknown> | null; controlledItems?: { fileId?: unknown }[] | null; permits?: { fileId?: unknown }[] | null } | null;
  contacts?: { securityOwner?: Contact; emergencyContact?: Contact } | null;
};

export function websiteFileIds(value: unknown): number[] {
  if (!value || typeof value !== 'object') return [];
  const data = value as WebsiteFiles;
  const b = data.basic ?? {};
  const contacts = [data.contacts?.securityOwner, data.contacts?.emergencyContact];
  return [
    ...Object.values(b.domainCertificates ?? {}),
    ...(b.controlledItems ?? []).map((c) => c.fileId),
    ...(b.permits ?? []).map((p) => p.fileId),
    ...contacts.flatMap((c) => [c?.frontFileId, c?.backFileId, c?.handheldFileId]),
  ]
    .map(Number)
    .filter((v) => Number.isSafeInteger(v) && v > 0);
}
