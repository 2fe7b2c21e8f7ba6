import { lazy, type ReactNode } from 'react';
import type { Role } from '../../shared/accounts/roles.js';
import { roleAtLeast } from '../../shared/accounts/roles.js';
import { Forbidden } from '../ui/Forbidden.js';
import { useSession } from './session.js';

const ReviewEditorPage = lazy(() => import('../features/reviews/ReviewEditorPage.js'));
const ReviewReadPage = lazy(() => import('../features/reviews/read/ReviewReadPage.js'));

const audience: Record<Role, string> = { viewer: 'everyone', responder: 'responders and admins', admin: 'admins' };

/** Renders `children` only for `role` and above; others see a plain "not available to you". */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const session = useSession();
  return roleAtLeast(session.role, role) ? children : <Forbidden need={audience[role]} />;
}

/** /reviews/:id: the editor for those who may write, the read view for viewers. */
export function ReviewRoute() {
  const { canWrite } = useSession();
  return canWrite ? <ReviewEditorPage /> : <ReviewReadPage />;
}
