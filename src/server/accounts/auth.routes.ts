import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { providersSchema, sessionSchema, setupSchema, setupStatusSchema, signInSchema } from '../../shared/accounts/account.schema.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import { errorResponses, problemSchema } from '../http/problem.schema.js';
import * as auth from './auth.service.js';
import { preparePasswordChecks } from './passwords.js';
import { sessionView } from './principal.js';
import { clearSessionCookie, noStore, requireJson, setSessionCookie } from './request-helpers.js';
import { SESSION_COOKIE } from './sessions.service.js';
import { isSetupNeeded } from './users.service.js';

const tags = ['accounts'];
const authErrors = { ...errorResponses, 401: problemSchema, 403: problemSchema, 415: problemSchema, 429: problemSchema };

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', noStore);
  preparePasswordChecks();

  app.get('/api/auth/providers', {
    config: { access: 'public' },
    schema: { tags, summary: 'How users can sign in: password, and single sign-on when configured', response: { 200: providersSchema } },
    handler: async () => ({
      password: true,
      oidc: ctx.config.auth.oidc ? { name: ctx.config.auth.oidc.name, startUrl: '/api/auth/oidc/start' } : null,
    }),
  });

  app.post('/api/auth/sign-in', {
    config: { access: 'public', csrf: false },
    onRequest: requireJson,
    schema: {
      tags,
      summary: 'Sign in with email and password: sets the session cookie; 10 failures per 15 minutes per address or email, then 429',
      body: signInSchema,
      response: { 200: sessionSchema, ...authErrors },
    },
    handler: async (request, reply) => {
      try {
        const signedIn = await auth.signIn(request.ctx, request.body, request.ip, request.cookies[SESSION_COOKIE]);
        setSessionCookie(reply, ctx.config, signedIn.token);
        return { user: signedIn.user, via: 'session' as const, csrfToken: signedIn.session.csrfToken, expiresAt: signedIn.session.expiresAt };
      } catch (error) {
        if (error instanceof auth.SignInThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  });

  app.post('/api/auth/sign-out', {
    config: { access: 'public' },
    schema: { tags, summary: 'Sign out: ends the session and clears its cookie', response: { 204: z.undefined().describe('Signed out'), ...authErrors } },
    handler: async (request, reply) => {
      await auth.signOut(request.ctx, request.principal, request.cookies[SESSION_COOKIE]);
      clearSessionCookie(reply, ctx.config);
      return reply.code(204).send();
    },
  });

  app.get('/api/auth/session', {
    config: { access: 'public' },
    schema: { tags, summary: 'Who is signed in, with the CSRF token to send on writes; 401 when nobody', response: { 200: sessionSchema, ...authErrors } },
    handler: async (request, reply) => {
      if (!request.principal) {
        if (request.cookies[SESSION_COOKIE]) clearSessionCookie(reply, ctx.config); // expired or ended elsewhere
        throw new AppError('unauthenticated', 'Not signed in');
      }
      return sessionView(request.principal);
    },
  });

  app.get('/api/setup', {
    config: { access: 'public' },
    schema: { tags, summary: 'Whether first-run setup is needed (no users yet)', response: { 200: setupStatusSchema } },
    handler: async (request) => ({ needed: await isSetupNeeded(request.ctx) }),
  });

  app.post('/api/setup', {
    config: { access: 'public', csrf: false },
    onRequest: requireJson,
    schema: {
      tags,
      summary: 'First run: create the first admin and sign them in; 409 once any user exists',
      body: setupSchema,
      response: { 201: sessionSchema, 409: problemSchema, ...authErrors },
    },
    handler: async (request, reply) => {
      const signedIn = await auth.setUp(request.ctx, request.body);
      setSessionCookie(reply, ctx.config, signedIn.token);
      return reply.code(201).send({ user: signedIn.user, via: 'session' as const, csrfToken: signedIn.session.csrfToken, expiresAt: signedIn.session.expiresAt });
    },
  });
};
