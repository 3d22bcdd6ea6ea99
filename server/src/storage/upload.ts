import { Injectable, mixin, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { AppError } from '../common/app-error.js';

/**
 * How large an upload may be, per kind. An import sheet of 100,000 appendix-1 rows is about 21 MB
 * (inline strings) or 15 MB (shared strings); a scan or photo for an application (M-5) is 10 MB.
 */
export const UPLOAD_LIMITS = {
  importXlsx: 40 * 1024 * 1024,
  applicationDocument: 10 * 1024 * 1024,
} as const;
export type UploadKind = keyof typeof UPLOAD_LIMITS;

/**
 * A multipart error as what the caller did wrong, in their language (the shared error filter
 * renders it): too large is a 413; every other error of the parser (multer's limits, and busboy's
 * "Unexpected end of form", "Boundary not found", a malformed part header) is the body's fault, a
 * 400. Memory storage itself cannot fail.
 */
export function uploadError(err: unknown, kind: UploadKind): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof MulterError && err.code === 'LIMIT_FILE_SIZE') {
    const mb = Math.round(UPLOAD_LIMITS[kind] / 1024 / 1024);
    return new AppError(413, 'uploads.tooLarge', { mb }, { file: { key: 'uploads.tooLarge', params: { mb } } });
  }
  const field = err instanceof MulterError && err.field ? err.field : 'file';
  return new AppError(400, 'uploads.malformed', {}, { [field]: { key: 'uploads.malformed' } });
}

/**
 * One file in the `file` field of a multipart body, held in memory, at most UPLOAD_LIMITS[kind]
 * bytes; too large is a 413 and a malformed body a 400, through the shared error filter.
 */
export function FileUpload(kind: UploadKind): Type<NestInterceptor> {
  @Injectable()
  class FileUploadInterceptor implements NestInterceptor {
    private readonly parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: UPLOAD_LIMITS[kind], files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 } }).single('file');

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      await new Promise<void>((resolve, reject) => {
        this.parse(http.getRequest<Request>(), http.getResponse<Response>(), (err: unknown) => (err ? reject(uploadError(err, kind)) : resolve()));
      });
      return next.handle();
    }
  }
  return mixin(FileUploadInterceptor);
}
