import { CaseNote, type CaseDetail } from '@mnpddh/shared';
import { useEffect, useRef, useState } from 'react';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { TextAreaField } from './fields';
import { useCaseWorkT } from './i18n';
import { useAction } from './use-action';

const IDS = { body: 'note-body' };
/** The draft is saved this long after typing stops: often enough that a timeout loses little, rarely enough for a slow line. */
const DRAFT_DELAY_MS = 2_000;

type DraftState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * An internal note. While it is typed it is kept as the person's own
 * encrypted draft on the server (never on the device), so a session timeout
 * loses nothing; opening the case again restores it; saving the note
 * discards it.
 */
export function NoteForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCaseWorkT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [body, setBody] = useState(detail.draft ?? '');
  const [restored] = useState(Boolean(detail.draft));
  const [draft, setDraft] = useState<DraftState>('idle');
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; body: string } | null>(null);
  const caseId = detail.id;

  const saveDraft = (text: string) => {
    setDraft('saving');
    api.saveDraft(caseId, { body: text }).then(
      () => setDraft('saved'),
      () => setDraft('failed'),
    );
  };

  const change = (text: string) => {
    setBody(text);
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = {
      body: text,
      timer: setTimeout(() => {
        pending.current = null;
        saveDraft(text);
      }, DRAFT_DELAY_MS),
    };
  };

  // Leaving the page before the delay: save what was typed now.
  useEffect(
    () => () => {
      if (!pending.current) return;
      clearTimeout(pending.current.timer);
      api.saveDraft(caseId, { body: pending.current.body }).catch(() => undefined);
    },
    [api, caseId],
  );

  const submit = async () => {
    const note = check(CaseNote, { body }, { body: t.note.required });
    if (!note) return;
    if (pending.current) {
      clearTimeout(pending.current.timer);
      pending.current = null;
    }
    const ok = await run(() => api.addNote(caseId, note));
    if (!ok) return;
    setBody('');
    setDraft('idle');
    // The note is saved: its draft has no more use.
    await api.discardDraft(caseId).catch(() => undefined);
    onDone();
  };

  const draftText = { idle: restored ? t.note.draftRestored : '', saving: t.note.draftSaving, saved: t.note.draftSaved, failed: t.note.draftFailed }[draft];

  return (
    <ActionForm id="note-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.note.submit} onSubmit={submit}>
      <TextAreaField
        id={IDS.body}
        label={t.note.body}
        hint={t.note.hint}
        rows={5}
        value={body}
        onChange={(event) => change(event.target.value)}
        error={errors.fields.body}
      />
      <p className={draft === 'failed' ? 'draft-state draft-state--failed' : 'draft-state'} role="status">
        {draftText}
      </p>
    </ActionForm>
  );
}
