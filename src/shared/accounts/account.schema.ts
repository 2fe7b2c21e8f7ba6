import { z } from 'zod';
import { page, pageQuery, versionField } from '../common.schema.js';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-rules.js';
import { roles } from './roles.js';

export const roleSchema = z.enum(roles);

/** Emails are compared case-insensitively: the server stores them trimmed and lower-cased. */
export const emailSchema = z.email().max(320);
const nameSchema = z.string().trim().min(1).max(200);
export const passwordSchema = z.string().max(PASSWORD_MAX_LENGTH).describe('At least 12 characters, not the email address');

/** Adds the password rules (length, not the email) to an object with `password` and maybe `email`. */
const checkPassword = (value: { password?: string | undefined; email?: string | undefined }, ctx: z.RefinementCtx) => {
  if (value.password === undefined) return;
  const problem = passwordProblem(value.password, value.email);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
};

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  hasPassword: z.boolean().describe('Can sign in with a password'),
  singleSignOn: z.boolean().describe('Linked to an OpenID Connect identity'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z
  .object({ email: emailSchema, name: nameSchema, role: roleSchema.default('viewer'), password: passwordSchema.optional() })
  .strict()
  .superRefine(checkPassword);
export type UserCreate = z.output<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({ version: versionField, name: nameSchema, role: roleSchema, disabled: z.boolean(), password: passwordSchema })
  .partial()
  .required({ version: true })
  .strict();
export type UserUpdate = z.output<typeof userUpdateSchema>;

export const userListQuerySchema = z.object({ ...pageQuery }).strict();
export type UserListQuery = z.output<typeof userListQuerySchema>;
export const userPageSchema = page(userSchema);

export const signInSchema = z
  .object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
  .strict();
export type SignIn = z.output<typeof signInSchema>;

export const setupSchema = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema }).strict().superRefine(checkPassword);
export type Setup = z.output<typeof setupSchema>;
export const setupStatusSchema = z.object({ needed: z.boolean().describe('True until the first user exists') });

export const sessionSchema = z.object({
  user: userSchema,
  via: z.enum(['session', 'token']),
  csrfToken: z.string().nullable().describe('Send it back as the x-csrf-token header on every write made with the session cookie'),
  expiresAt: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export const providersSchema = z.object({
  password: z.boolean(),
  oidc: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
});
export type Providers = z.infer<typeof providersSchema>;
