import type { LightMyRequestResponse } from 'fastify';
import type { UploadKind } from '@scoreboard/shared';
import type { TestApp } from './app';
import { POLICY_ID } from './app';
import { multipartBody } from './multipart';

/** POSTs a file to /api/uploads as the statistician would. */
export async function postUpload(
  t: TestApp,
  cookie: string,
  input: { kind: UploadKind; fileName: string; data: string | Buffer; dryRun: boolean; policyId?: string; acceptLanguage?: string },
): Promise<LightMyRequestResponse> {
  const body = multipartBody({ kind: input.kind, policyId: input.policyId ?? POLICY_ID }, { name: input.fileName, data: input.data });
  return t.app.inject({
    method: 'POST',
    url: `/api/uploads?dryRun=${input.dryRun}`,
    headers: { ...body.headers, cookie, ...(input.acceptLanguage ? { 'accept-language': input.acceptLanguage } : {}) },
    payload: body.payload,
  });
}
