import type { PrismaService } from './prisma.service.js';

/** The client or an open transaction: repositories take either, so services choose the transaction. */
export type Db = Omit<PrismaService, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends' | 'onModuleDestroy'>;
