// The one file of a multipart upload (field `file`): 415 for a body that is not multipart, a field error when the
// file is missing. Size limits are the multipart plugin's (registered in app.ts).
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, type Localized } from './app-error.js';

export const CHOOSE_FILE_TO_UPLOAD: Localized = { zh: '请选择要上传的文件', en: 'Choose a file to upload' };
export const CHOOSE_FILE_TO_IMPORT: Localized = { zh: '请选择要导入的文件', en: 'Choose a file to import' };

export async function uploadedFile(request: FastifyRequest, missing: Localized): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const file = await request.file();
  if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', undefined, { details: [{ path: 'file', message: missing }] });
  return file;
}
