/** A stored file as the upload fields display it (shared by the fields and the pages that fill them). */
export type UploadedFile = {
  id: number;
  name: string;
  kind: 'image' | 'pdf';
  size: number;
  thumbUrl: string | null;
  url: string;
};
