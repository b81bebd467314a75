import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
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

/**
 * Fastify answers a few malformed requests before any route or hook runs (Fastify's
 * `frameworkErrors`): a path with a broken %-escape, an over-long path parameter. Same shape and
 * language as every other error.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply
    .code(tooLong ? 414 : 400)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(
      tooLong
        ? { code: 'url_too_long', message: '请求地址过长：路径中的参数超过了允许的长度' }
        : { code: 'bad_url', message: '请求地址不正确：路径中含有无效的百分号编码（%）' },
    );
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
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ code: error.code, message: error.message, ...error.extra });
    }
    if (error instanceof RequestValidationError) {
      return reply.code(400).send({ code: 'invalid_request', message: `请求参数不正确：${error.message}`, details: error.details });
    }
    switch (error.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.code(413).send({ code: 'file_too_large', message: '文件过大：单个文件不得超过 20 MiB' });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send({ code: 'body_too_large', message: '请求内容过大：JSON 请求不得超过 1 MiB，未处理任何内容（上传文件请用 multipart/form-data）' });
      case 'FST_PARTS_LIMIT':
      case 'FST_FILES_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return reply.code(413).send({ code: 'too_many_parts', message: '上传内容过多：一次只能上传一个文件，并附字段 kind、policyId' });
      case 'FST_PROTO_VIOLATION':
        return reply.code(400).send({ code: 'invalid_request', message: '请求中含有不允许的字段名' });
      case 'FST_MP_PREMATURE_CLOSE':
        return reply.code(400).send({ code: 'incomplete_upload', message: '上传未完成：连接在文件传完之前中断，请重新上传' });
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
