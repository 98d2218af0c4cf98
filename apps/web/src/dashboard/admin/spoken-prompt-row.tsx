import { spokenPromptPath, type SpokenPromptStatus } from '@mnpddh/shared';
import { useId, useRef, useState } from 'react';
import { format } from '../format';
import { errorsFrom } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { spokenHelpApi } from './spoken-help-api';
import { useSpokenHelpT } from './spoken-help-strings';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** One step in one language: what is stored, a player, upload or replace, remove. */
export function SpokenPromptRow({ prompt, onChanged }: { prompt: SpokenPromptStatus; onChanged: () => void }) {
  const t = useSpokenHelpT();
  const staffT = useStaffT();
  const { api } = useStaffSession();
  const file = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const inputId = useId();
  const statusId = useId();
  const step = t.steps[prompt.step];
  const key = { step: prompt.step, language: prompt.language };

  const act = async (work: () => Promise<unknown>, done: string) => {
    setStatus({ kind: 'busy' });
    try {
      await work();
      setStatus({ kind: 'done', text: format(done, { step }) });
      onChanged();
    } catch (error) {
      const errors = errorsFrom(error, staffT);
      setStatus({ kind: 'failed', text: Object.values(errors.fields)[0] ?? errors.message ?? staffT.errors.badResponse });
    }
  };
  const upload = () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) return setStatus({ kind: 'failed', text: t.chooseFile });
    void act(() => spokenHelpApi.upload(api, key, chosen), t.saved);
  };

  return (
    <li className="spoken-row">
      <h3 className="spoken-row__title">{step}</h3>
      <p className={prompt.state === 'altered' ? 'spoken-row__state spoken-row__state--altered' : 'spoken-row__state'}>{stateText(prompt, t)}</p>
      {prompt.state === 'ready' ? (
        <audio
          className="spoken-row__player"
          controls
          preload="none"
          src={spokenPromptPath(prompt.language, prompt.step)}
          aria-label={format(t.listen, { step })}
        />
      ) : null}
      <div className="spoken-row__actions">
        <label htmlFor={inputId} className="field__label">
          {format(t.fileLabel, { step })}
        </label>
        <input id={inputId} ref={file} type="file" accept="audio/*,.opus,.ogg,.mp3,.m4a,.webm" className="spoken-row__file" aria-describedby={statusId} />
        <button type="button" className="button" disabled={status.kind === 'busy'} onClick={upload}>
          {status.kind === 'busy' ? t.uploading : prompt.state === 'missing' ? t.upload : t.replace}
        </button>
        {prompt.state !== 'missing' ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={status.kind === 'busy'}
            aria-label={format(t.removeOf, { step })}
            onClick={() => void act(() => spokenHelpApi.remove(api, key), t.removed)}
          >
            {t.remove}
          </button>
        ) : null}
      </div>
      <p id={statusId} role="status" className={status.kind === 'failed' ? 'spoken-row__status spoken-row__status--error' : 'spoken-row__status'}>
        {status.kind === 'done' || status.kind === 'failed' ? status.text : ''}
      </p>
    </li>
  );
}

function stateText(prompt: SpokenPromptStatus, t: ReturnType<typeof useSpokenHelpT>): string {
  if (prompt.state === 'missing') return t.missing;
  if (prompt.state === 'altered') return t.altered;
  return format(t.ready, {
    type: (prompt.contentType ?? '').replace('audio/', ''),
    size: Math.ceil((prompt.byteLength ?? 0) / 1024),
    date: (prompt.uploadedAt ?? '').slice(0, 10),
  });
}
