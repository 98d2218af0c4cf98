import { SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@mnpddh/shared';

export const ACCESS_RULE = 'access:rule';

/** Who may call a route. Every route must say: the access guard refuses one that declares nothing. */
export type AccessRule = { readonly kind: 'public' } | { readonly kind: 'authenticated' } | { readonly kind: 'roles'; readonly roles: readonly StaffRole[] };

/** Open to anyone, no session needed (health, intake, sign-in). */
export const Public = () => SetMetadata<string, AccessRule>(ACCESS_RULE, { kind: 'public' });

/** Any signed-in staff member (401 without a valid session; writes need X-CSRF-Token). */
export const Authenticated = () => SetMetadata<string, AccessRule>(ACCESS_RULE, { kind: 'authenticated' });

/** A signed-in staff member holding at least one of these roles (401 without a session, 403 without the role). */
export const Roles = (...roles: [StaffRole, ...StaffRole[]]) => SetMetadata<string, AccessRule>(ACCESS_RULE, { kind: 'roles', roles });
