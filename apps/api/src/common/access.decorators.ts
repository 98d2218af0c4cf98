import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'access:public';

/**
 * Marks a route as open to anyone. Every route must say who may call it:
 * the access guard refuses a route that declares nothing.
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
