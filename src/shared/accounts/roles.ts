/** Roles, least to most privileged. A route names the least role it allows. */
export const roles = ['viewer', 'responder', 'admin'] as const;
export type Role = (typeof roles)[number];

const rank = (role: Role): number => roles.indexOf(role);

/** True when `role` is `required` or above (viewer < responder < admin). */
export const roleAtLeast = (role: Role, required: Role): boolean => rank(role) >= rank(required);

/** The less privileged of two roles: an API token acts as min(user's role, token's ceiling). */
export const lowerRole = (a: Role, b: Role): Role => (rank(a) <= rank(b) ? a : b);
