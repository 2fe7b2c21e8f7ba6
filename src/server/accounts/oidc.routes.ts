import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import { noStore, setSessionCookie } from './request-helpers.js';
import { finishOidcSignIn, OIDC_COOKIE, OIDC_LOGIN_TTL_MS, OidcSignInError, startOidcSignIn } from './oidc.service.js';
import { SESSION_COOKIE } from './sessions.service.js';

const tags = ['accounts'];

/** OpenID Connect sign-in (authorization code flow with PKCE, state and nonce), when configured. */
export const oidcRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', noStore);
  const cookieOptions = { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.auth.secureCookies };

  const settings = () => {
    if (!ctx.config.auth.oidc) throw notFound('Sign-in method', 'oidc');
    return ctx.config.auth.oidc;
  };

  app.get('/api/auth/oidc/start', {
    config: { access: 'public' },
    schema: { tags, summary: 'Start single sign-on: redirects to the OpenID provider (404 when not configured)' },
    handler: async (request, reply) => {
      const { url, handle } = await startOidcSignIn(request.ctx, settings());
      reply.setCookie(OIDC_COOKIE, handle, { ...cookieOptions, maxAge: OIDC_LOGIN_TTL_MS / 1000 });
      return reply.redirect(url, 302);
    },
  });

  app.get('/api/auth/oidc/callback', {
    config: { access: 'public' },
    schema: { tags, summary: 'Where the OpenID provider sends the browser back: signs in and redirects to the app' },
    handler: async (request, reply) => {
      const oidc = settings();
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      reply.clearCookie(OIDC_COOKIE, cookieOptions);
      try {
        const signedIn = await finishOidcSignIn(request.ctx, oidc, request.cookies[OIDC_COOKIE], query, request.cookies[SESSION_COOKIE]);
        setSessionCookie(reply, ctx.config, signedIn.token);
        return reply.redirect('/', 302);
      } catch (error) {
        if (!(error instanceof OidcSignInError)) throw error;
        request.log.warn({ reason: error.reason }, error.message);
        return reply.redirect(`/sign-in?error=oidc_${error.reason}`, 302);
      }
    },
  });
};
