import { Inject, Injectable } from '@nestjs/common';
import { PROMPT_LANGUAGES, SPOKEN_HELP_STEPS, SPOKEN_PROMPT_TYPES, type SpokenPromptKey, type SpokenPromptStatus, type SpokenPromptType } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { signSpokenPrompt, spokenPromptVerifies } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { IntegrityAnchor } from '../integrity/integrity-anchor.service.js';
import { toHour } from '../vault/triage-index.js';
import { checkPromptAudio } from './prompt-audio.js';
import { SpokenPromptsRepository, type StoredPrompt } from './spoken-prompts.repository.js';

/** How long the pages' list of prompts is kept: a prompt changed in the database is caught at once when played, and dropped from the pages within this time. */
const AVAILABILITY_TTL_MS = 30_000;

export interface PromptAudio {
  readonly contentType: SpokenPromptType;
  readonly content: Uint8Array;
}

/**
 * Spoken prompts: admins upload, replace and remove them (audited); the
 * public side gets one only while it carries the mechanism's signature.
 */
@Injectable()
export class SpokenPromptsService {
  #available: { at: number; keys: Promise<SpokenPromptKey[]> } | undefined;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: SpokenPromptsRepository,
    private readonly audit: AuditService,
    private readonly anchor: IntegrityAnchor,
  ) {}

  /** Every step × language: missing, ready, or altered (stored but no longer signed: not served). */
  async list(): Promise<SpokenPromptStatus[]> {
    const rows = await this.repository.all(this.prisma);
    const intact = new Set<StoredPrompt>();
    for (const row of rows) if (await this.intact(row)) intact.add(row);
    const stored = new Map(rows.map((row) => [keyString(row), row]));
    return SPOKEN_HELP_STEPS.flatMap((step) =>
      PROMPT_LANGUAGES.map((language): SpokenPromptStatus => {
        const row = stored.get(keyString({ step, language }));
        if (!row) return { step, language, state: 'missing' };
        const state = intact.has(row) ? 'ready' : 'altered';
        return { step, language, state, contentType: typeOf(row), byteLength: row.content.byteLength, uploadedAt: row.uploadedAt.toISOString() };
      }),
    );
  }

  /**
   * The prompts the defender's pages may offer (those whose signature holds),
   * kept for a short while: every public page load asks, and a flood of them
   * must not become a flood of reads of every recording.
   */
  available(now = Date.now()): Promise<SpokenPromptKey[]> {
    // The pending read is shared: a burst of page loads after expiry reads the table once.
    if (this.#available && now - this.#available.at < AVAILABILITY_TTL_MS) return this.#available.keys;
    const keys = this.readAvailable();
    this.#available = { at: now, keys };
    keys.catch(() => {
      // A failed read (the database away) is not kept: the next page load asks again.
      if (this.#available?.keys === keys) this.#available = undefined;
    });
    return keys;
  }

  private async readAvailable(): Promise<SpokenPromptKey[]> {
    const keys: SpokenPromptKey[] = [];
    for (const row of await this.repository.all(this.prisma)) {
      const key = keyOf(row);
      if (key && (await this.intact(row))) keys.push(key);
    }
    return keys;
  }

  async upload(admin: CurrentStaffMember, key: SpokenPromptKey, audio: Uint8Array): Promise<SpokenPromptStatus> {
    const contentType = await checkPromptAudio(audio);
    const content = new Uint8Array(audio);
    const saved = await this.prisma.$transaction(async (tx) => {
      // After the stored and the anchored revision: a removed prompt's number is never reused, so an old recording cannot come back as new.
      const anchored = await this.anchor.spokenPrompt(keyString(key));
      const revision = Math.max(await this.repository.lockedRevision(tx, key.step, key.language), anchored?.revision ?? 0) + 1;
      const signature = signSpokenPrompt({ tenant: this.tenant, ...key, contentType, revision, content }, this.runtime.secrets.directoryKey.value);
      const row: StoredPrompt = { ...key, contentType, content, revision, signature, uploadedAt: toHour(new Date()) };
      await this.repository.save(tx, row);
      await this.audit.record(
        {
          action: 'spoken_prompt.uploaded',
          actorId: admin.id,
          targetType: 'spoken_prompt',
          targetId: keyString(key),
          details: { revision, contentType, bytes: content.byteLength },
        },
        tx,
      );
      return row;
    });
    this.#available = undefined;
    return { ...key, state: 'ready', contentType, byteLength: saved.content.byteLength, uploadedAt: saved.uploadedAt.toISOString() };
  }

  async remove(admin: CurrentStaffMember, key: SpokenPromptKey): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const revision = await this.repository.lockedRevision(tx, key.step, key.language);
      if (!(await this.repository.remove(tx, key.step, key.language))) throw new AppError('NOT_FOUND');
      await this.audit.record(
        { action: 'spoken_prompt.removed', actorId: admin.id, targetType: 'spoken_prompt', targetId: keyString(key), details: { revision } },
        tx,
      );
    });
    this.#available = undefined;
  }

  /** The recording for the defender, or null when there is none or it is no longer the mechanism's (logged, never served). */
  async audio(key: SpokenPromptKey): Promise<PromptAudio | null> {
    const row = await this.repository.find(this.prisma, key.step, key.language);
    if (!row) return null;
    if (!(await this.intact(row))) {
      this.runtime.logger.error(
        { step: key.step, language: key.language },
        'spoken prompt refused: not the one the mechanism last signed (changed in the database)',
      );
      return null;
    }
    return { contentType: typeOf(row), content: row.content };
  }

  /**
   * Signed by the directory key over exactly this row (a swapped recording, step or language fails), and the
   * latest revision the audit log anchored outside the database (an older signed recording put back, or a removed
   * one restored, fails).
   */
  private async intact(row: StoredPrompt): Promise<boolean> {
    const claims = { tenant: this.tenant, step: row.step, language: row.language, contentType: row.contentType, revision: row.revision, content: row.content };
    if (!spokenPromptVerifies(claims, row.signature, this.runtime.secrets.directoryKey.value.publicKey)) return false;
    const anchored = await this.anchor.spokenPrompt(keyString(row));
    return anchored === null || (!anchored.removed && anchored.revision === row.revision);
  }

  private get tenant(): string {
    return this.runtime.config.TENANT;
  }
}

function keyString({ step, language }: { step: string; language: string }): string {
  return `${step}:${language}`;
}

function typeOf(row: StoredPrompt): SpokenPromptType {
  return SPOKEN_PROMPT_TYPES.find((type) => type === row.contentType) ?? 'audio/ogg';
}

function keyOf(row: StoredPrompt): SpokenPromptKey | null {
  const step = SPOKEN_HELP_STEPS.find((known) => known === row.step);
  const language = PROMPT_LANGUAGES.find((known) => known === row.language);
  return step && language ? { step, language } : null;
}
