import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUserBodySchema, updateUserBodySchema, userSchema } from '@scoreboard/shared';
import { msg, schemaMessage } from '../i18n/messages';
import { signedIn } from '../plugins/auth';
import { MIN_PASSWORD_LENGTH } from '../services/passwordPolicy';
import { errorResponses } from './common';

// The contract's length rule, with the policy's own message; the rest of the password policy
// (letters and digits, not the user name, not a common password) is checked in the handler.
const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, schemaMessage(msg('password_too_short', { min: MIN_PASSWORD_LENGTH })))
  .max(256, schemaMessage(msg('password_too_long', { max: 256 })));
const createBodySchema = createUserBodySchema.extend({ password: passwordField });
const updateBodySchema = updateUserBodySchema.extend({ password: passwordField.optional() });

/** User management (SPEC.md §10): admin only. */
const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { users } = app.services;
  const admin = app.requireRole('admin');
  const tags = ['users'];

  app.get('/api/users', { onRequest: admin, schema: { tags, response: { 200: z.object({ users: z.array(userSchema) }), ...errorResponses(401, 403) } } }, async () => ({
    users: users.list(),
  }));

  app.post(
    '/api/users',
    { onRequest: admin, schema: { tags, body: createBodySchema, response: { 201: userSchema, ...errorResponses(400, 401, 403, 409) } } },
    async (request, reply) => reply.code(201).send(await users.create(signedIn(request).username, request.body)),
  );

  app.patch(
    '/api/users/:username',
    {
      onRequest: admin,
      schema: { tags, params: z.object({ username: z.string().min(1).max(64) }), body: updateBodySchema, response: { 200: userSchema, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => users.update(signedIn(request).username, request.params.username, request.body),
  );
};
export default userRoutes;
