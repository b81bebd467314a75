import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMessages } from '@scoreboard/shared';
import { HttpError } from '../httpError';
import { requestLang, type Lang } from '../i18n/lang';
import { englishOfSchemaMessage, inLang, msg, schemaMessage, type Localized, type MessageId, type Params } from '../i18n/messages';

const zhCN = z.locales.zhCN().localeError;
for (const text of Object.values(requestMessages)) schemaMessage(text);
const en = z.locales.en().localeError;

export interface ValidationDetail {
  path: string;
  message: string | Localized;
}

/**
 * A request that does not match its zod schema. Each detail is in both languages: zod's own
 * Chinese and English wording, or the schema's own message with its registered English.
 */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly details: ValidationDetail[]) {
    super(details.map((d) => `${d.path}: ${inLang(d.message, 'zh')}`).join('；'));
    this.name = 'RequestValidationError';
  }
  detailsIn(lang: Lang): { path: string; message: string }[] {
    return this.details.map((d) => ({ path: d.path, message: inLang(d.message, lang) }));
  }
}

const pathOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.') || '(root)';

/** The issues of a failed parse in both languages (parsed again in English only when it failed). */
export function validationDetails(schema: z.ZodType, data: unknown, zhIssues: readonly z.core.$ZodIssue[]): ValidationDetail[] {
  const english = schema.safeParse(data, { error: en });
  const enIssues = english.success ? [] : english.error.issues;
  return zhIssues.map((issue, i) => {
    const other = enIssues[i];
    const enMessage = englishOfSchemaMessage(issue.message) ?? (other && pathOf(other) === pathOf(issue) ? other.message : issue.message);
    return { path: pathOf(issue), message: { zh: issue.message, en: enMessage } };
  });
}

const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: zhCN });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(validationDetails(schema, data, result.error.issues)) };
  };

/**
 * Fastify answers a few malformed requests before any route or hook runs (Fastify's
 * `frameworkErrors`): a path with a broken %-escape, an over-long path parameter. Same shape and
 * language as every other error.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const code = tooLong ? 'url_too_long' : 'bad_url';
  void reply
    .code(tooLong ? 414 : 400)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send({ code, message: msg(code)[requestLang(request)] });
}

/**
 * The ranking, industries, subsidies and awards answers are cached per revision as objects (a
 * ranking only changes on a commit); memoising their encoded JSON by object identity means a
 * thousand dashboards refetching after a change cost one encode, not a thousand. Cached objects
 * are never mutated, so the identity is a safe key; uncached answers are fresh objects and miss.
 */
const memoisedSerializerCompiler: typeof serializerCompiler = (route) => {
  const encode = serializerCompiler(route);
  const memo = new WeakMap<object, string>();
  return (data) => {
    if (typeof data !== 'object' || data === null) return encode(data);
    let json = memo.get(data);
    if (json === undefined) {
      json = encode(data);
      memo.set(data, json);
    }
    return json;
  };
};

async function errorsPlugin(app: FastifyInstance) {
  app.setValidatorCompiler(validatorCompiler);
  // Responses are encoded and checked against the shared schema by fastify-type-provider-zod's own
  // serializer. (An earlier custom one parsed instead, because z.encode threw on a one-way transform
  // in api.ts; that transform is gone, and a response that fails its schema is our bug — a logged
  // 500 with a Chinese message from the handler below — so no custom wording is needed there.)
  app.setSerializerCompiler(memoisedSerializerCompiler);

  app.setErrorHandler((error: FastifyError | HttpError | RequestValidationError, request, reply) => {
    // Every message in the request's language (SPEC §16): Accept-Language, or an explicit ?lang=.
    const lang = requestLang(request);
    const send = (status: number, code: string, id: MessageId = code as MessageId, params: Params = {}) =>
      reply.code(status).send({ code, message: msg(id, params)[lang] });
    if (error instanceof HttpError) {
      const extra = Array.isArray(error.extra.details)
        ? { ...error.extra, details: (error.extra.details as ValidationDetail[]).map((d) => ({ path: d.path, message: inLang(d.message, lang) })) }
        : error.extra;
      return reply.code(error.statusCode).send({ code: error.code, message: error.messageIn(lang), ...extra });
    }
    if (error instanceof RequestValidationError) {
      const details = error.detailsIn(lang);
      const joined = details.map((d) => `${d.path}: ${d.message}`).join(lang === 'en' ? '; ' : '；');
      return reply.code(400).send({ code: 'invalid_request', message: msg('invalid_request', { details: joined })[lang], details });
    }
    switch (error.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return send(413, 'file_too_large');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, 'body_too_large', 'request_too_large');
      case 'FST_PARTS_LIMIT':
      case 'FST_FILES_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return send(413, 'too_many_parts');
      case 'FST_PROTO_VIOLATION':
        return send(400, 'invalid_request', 'invalid_request.proto');
      case 'FST_MP_PREMATURE_CLOSE':
        return send(400, 'incomplete_upload');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return send(415, 'unsupported_media_type');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(400, 'invalid_request', 'invalid_request.json');
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return send(429, 'rate_limited');
    if (status >= 400 && status < 500) {
      // e.g. malformed JSON, multipart limits: the client's fault, never a 500
      return send(status, 'bad_request', 'bad_request', { reason: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, 'internal_error');
  });
}

export default fp(errorsPlugin, { name: 'errors' });
