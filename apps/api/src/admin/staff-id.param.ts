import { z } from 'zod';
import { ValidParam } from '../common/valid-body.js';

/** `@StaffIdParam() id: string` — the `:id` path segment, a UUID or 400. */
export const StaffIdParam = () => ValidParam('id', z.uuid());
