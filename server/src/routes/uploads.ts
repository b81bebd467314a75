import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  batchesSchema, batchSchema, invalidUploadSchema, uploadKindSchema, uploadResultSchema, uploadsQuerySchema,
} from '@scoreboard/shared';
import { HttpError } from '../httpError';
import { requestLang } from '../i18n/lang';
import { msg } from '../i18n/messages';
import { signedIn } from '../plugins/auth';
import { RequestValidationError, validationDetails } from '../plugins/errors';
import { errorResponses } from './common';

// A forgotten dryRun previews rather than commits: nothing changes by accident.
const uploadQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true') });
const multipartFieldsSchema = z.object({ kind: uploadKindSchema, policyId: z.string().min(1).max(100) });

/** Uploads (SPEC.md §8, §11): statistician and up. */
const uploadRoutes: FastifyPluginAsyncZod = async (app) => {
  const { uploads } = app.services;
  const statistician = app.requireRole('statistician');
  const tags = ['uploads'];

  app.post(
    '/api/uploads',
    {
      onRequest: statistician,
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description: 'multipart/form-data 字段：kind、policyId、file（.xlsx、.xls、.et、.ods、XML/网页表格或 CSV，最大 20 MiB）。错误与提示按 Accept-Language 用中文或英文（en…）表述。',
        querystring: uploadQuerySchema,
        response: { 200: uploadResultSchema, 422: invalidUploadSchema, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', msg('unsupported_media_type.upload'));
      const fields: Record<string, string> = {};
      let file: { name: string; data: Buffer } | null = null;
      // Fields may come before or after the file part; read them all.
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const data = await (part as MultipartFile).toBuffer(); // throws 413 past the size limit
            if (file) throw new HttpError(400, 'too_many_files', msg('too_many_files'));
            file = { name: part.filename, data };
          } else if (typeof part.value === 'string') {
            fields[part.fieldname] = part.value;
          }
        }
      } catch (error) {
        // The multipart parser throws plain Errors for a body it cannot read (no boundary, cut off
        // half-way); those are the request's fault. Its limit errors carry their own status.
        if (error instanceof HttpError || (error instanceof Error && 'statusCode' in error)) throw error;
        throw new HttpError(400, 'invalid_multipart', msg('invalid_multipart'));
      }
      const parsed = multipartFieldsSchema.safeParse(fields, { error: z.locales.zhCN().localeError });
      const details = parsed.success ? [] : validationDetails(multipartFieldsSchema, fields, parsed.error.issues);
      if (!file) details.push({ path: 'file', message: msg('file_missing') });
      if (!parsed.success || !file) throw new RequestValidationError(details);
      return uploads.upload({
        ...parsed.data,
        fileName: file.name,
        data: file.data,
        dryRun: request.query.dryRun,
        actor: signedIn(request).username,
        // errors and warnings in the request's language: Accept-Language en… → English, else Chinese
        lang: requestLang(request),
      });
    },
  );

  app.get(
    '/api/uploads',
    { onRequest: statistician, schema: { tags, querystring: uploadsQuerySchema, response: { 200: batchesSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => ({ batches: uploads.list(request.query) }),
  );

  app.post(
    '/api/uploads/:batchId/revert',
    {
      onRequest: statistician,
      schema: { tags, params: z.object({ batchId: z.coerce.number().int().positive() }), response: { 200: batchSchema, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => uploads.revert(request.params.batchId, signedIn(request).username),
  );
};
export default uploadRoutes;
