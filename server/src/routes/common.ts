import { z } from 'zod';
import { errorResponseSchema } from '@scoreboard/shared';

/** Error responses of a route, for the OpenAPI document and the serializer. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorResponseSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorResponseSchema]));
}

export const policyParamsSchema = z.object({ policyId: z.string().min(1).max(100) });
export const unitParamsSchema = policyParamsSchema.extend({ unitId: z.string().min(1).max(50) });
