import type { FastifyError, FastifyInstance, FastifySchemaCompiler } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../httpError';

const zhCN = z.locales.zhCN().localeError;

/** A request that does not match its zod schema; messages in Chinese unless the schema names one. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly details: { path: string; message: string }[]) {
    super(details.map((d) => `${d.path}: ${d.message}`).join('；'));
    this.name = 'RequestValidationError';
  }
}

const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: zhCN });
    if (result.success) return { value: result.data };
    return {
      error: new RequestValidationError(
        result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })),
      ),
    };
  };

async function errorsPlugin(app: FastifyInstance) {
  app.setValidatorCompiler(validatorCompiler);
  // Responses are encoded and checked against the shared schema by fastify-type-provider-zod's own
  // serializer. (An earlier custom one parsed instead, because z.encode threw on a one-way transform
  // in api.ts; that transform is gone, and a response that fails its schema is our bug — a logged
  // 500 with a Chinese message from the handler below — so no custom wording is needed there.)
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error: FastifyError | HttpError | RequestValidationError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ code: error.code, message: error.message, ...error.extra });
    }
    if (error instanceof RequestValidationError) {
      return reply.code(400).send({ code: 'invalid_request', message: `请求参数不正确：${error.message}`, details: error.details });
    }
    switch (error.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send({ code: 'file_too_large', message: '文件过大：单个文件不得超过 20 MiB' });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reply.code(415).send({ code: 'unsupported_media_type', message: '请求格式不支持，请检查 Content-Type' });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.code(400).send({ code: 'invalid_request', message: '请求内容不是有效的 JSON' });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.code(429).send({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
    }
    if (status >= 400 && status < 500) {
      // e.g. malformed JSON, multipart limits: the client's fault, never a 500
      return reply.code(status).send({ code: 'bad_request', message: `请求无法处理：${error.message}` });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ code: 'internal_error', message: '服务器内部错误，请稍后重试或联系管理员' });
  });
}

export default fp(errorsPlugin, { name: 'errors' });
