import { invalidUploadSchema, uploadResultSchema, type UploadError, type UploadResult } from '@scoreboard/shared';
import { ApiError, errorFromBody, requestLanguage } from '../../api/client';
import { translator } from '../../i18n/translate';

export type UploadOutcome =
  | { kind: 'result'; result: UploadResult }
  | { kind: 'invalid'; message: string; errors: UploadError[] }
  | { kind: 'failed'; error: ApiError };

/**
 * What an upload answer means (SPEC §11): 200 a preview or a committed batch; 422 the file's
 * errors, every one with sheet, row and column; 413 too large; anything else the server's message.
 */
export function interpretUploadResponse(status: number, body: unknown, tooLargeMessage: string): UploadOutcome {
  if (status === 200 || status === 201) {
    const parsed = uploadResultSchema.safeParse(body);
    if (parsed.success) return { kind: 'result', result: parsed.data };
    return { kind: 'failed', error: new ApiError(status, 'unexpected_response', translator(requestLanguage())('api.unexpected', { what: 'upload', reason: parsed.error.issues[0]?.message ?? '' }), body) };
  }
  if (status === 422) {
    const parsed = invalidUploadSchema.safeParse(body);
    if (parsed.success) return { kind: 'invalid', message: parsed.data.message, errors: parsed.data.errors };
  }
  if (status === 413) {
    const err = errorFromBody(status, body);
    return { kind: 'failed', error: new ApiError(413, err.code === 'http_413' ? 'too_large' : err.code, tooLargeMessage, body) };
  }
  return { kind: 'failed', error: errorFromBody(status, body) };
}

/** Upload progress as a whole percentage for the progress bar. */
export function progressPercent(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((loaded * 100) / total));
}
