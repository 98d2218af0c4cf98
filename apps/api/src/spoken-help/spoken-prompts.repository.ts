import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

export interface StoredPrompt {
  step: string;
  language: string;
  contentType: string;
  content: Uint8Array<ArrayBuffer>;
  revision: number;
  signature: string;
  uploadedAt: Date;
}

/** The spoken_prompt table: one row per step and language. */
@Injectable()
export class SpokenPromptsRepository {
  /** Every prompt with its bytes (a few hundred KiB each, a few dozen at most): the admin list and the availability check verify them. */
  all(db: Db): Promise<StoredPrompt[]> {
    return db.spokenPrompt.findMany({ orderBy: [{ step: 'asc' }, { language: 'asc' }] });
  }

  find(db: Db, step: string, language: string): Promise<StoredPrompt | null> {
    return db.spokenPrompt.findUnique({ where: { step_language: { step, language } } });
  }

  /** The row locked for the upload's transaction, so two uploads take revisions one after the other. */
  async lockedRevision(db: Db, step: string, language: string): Promise<number> {
    const rows = await db.$queryRaw<{ revision: number }[]>`SELECT revision FROM spoken_prompt WHERE step = ${step} AND language = ${language} FOR UPDATE`;
    return rows[0]?.revision ?? 0;
  }

  async save(db: Db, prompt: StoredPrompt): Promise<void> {
    const { step, language, ...rest } = prompt;
    await db.spokenPrompt.upsert({ where: { step_language: { step, language } }, create: prompt, update: rest });
  }

  async remove(db: Db, step: string, language: string): Promise<boolean> {
    const { count } = await db.spokenPrompt.deleteMany({ where: { step, language } });
    return count > 0;
  }
}
