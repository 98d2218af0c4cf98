import { z } from 'zod';
import { ValidParam } from '../common/valid-body.js';

/** `@CaseIdParam() caseId: string` — the `:caseId` path segment, a UUID or 400. */
export const CaseIdParam = () => ValidParam('caseId', z.uuid());
