import { useRef, useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { InfoIcon } from '../../ui/icons';
import { AlertIcon, Checkbox } from '../form/fields';
import { format } from '../i18n/catalogues';
import { sizeText, useUploadsT } from './i18n';
import { MAX_BYTES } from './upload-client';

interface FilePickerProps {
  /** The files to send, with the person's choice about photos' information. */
  onSend: (files: File[], keepOriginal: boolean) => void;
}

/**
 * "Ajouter un fichier ou une photo": the native file chooser (it works with
 * every screen reader and on every phone), what a photo reveals and that the
 * site removes it, the choice to keep the original, then "Envoyer". Files
 * over the limit are named at once, before anything is sent.
 */
export function FilePicker({ onSend }: FilePickerProps) {
  const u = useUploadsT();
  const [locale] = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File[]>([]);
  const [tooBig, setTooBig] = useState<string[]>([]);
  const [keepOriginal, setKeepOriginal] = useState(false);

  const choose = (files: FileList | null) => {
    const all = Array.from(files ?? []);
    setChosen(all.filter((file) => file.size <= MAX_BYTES));
    setTooBig(all.filter((file) => file.size > MAX_BYTES).map((file) => format(u.file.tooBig, { name: file.name, size: sizeText(file.size, u, locale) })));
  };

  const send = () => {
    if (chosen.length === 0) return input.current?.focus();
    onSend(chosen, keepOriginal);
    setChosen([]);
    setTooBig([]);
    setKeepOriginal(false);
    if (input.current) input.current.value = '';
  };

  return (
    <section className="upload-block" aria-labelledby="file-title">
      <h3 id="file-title">{u.file.title}</h3>
      <p className="upload-note">
        <InfoIcon className="upload-note__icon" />
        <span id="file-photo-warning">{u.file.photoWarning}</span>
      </p>
      <div className={`question file-picker${tooBig.length > 0 ? ' question--error' : ''}`}>
        <p id="f-upload-files-hint" className="question__hint">
          {u.file.hint}
        </p>
        {tooBig.length > 0 ? (
          <div id="f-upload-files-error" className="question__error" role="alert">
            <AlertIcon />
            <ul className="upload-errors">
              {tooBig.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {/* The native chooser, for keyboards and screen readers; what shows is its label, in the page's language (the native button speaks the phone's). */}
        <input
          ref={input}
          id="f-upload-files"
          type="file"
          multiple
          autoComplete="off"
          aria-describedby={`${tooBig.length > 0 ? 'f-upload-files-error ' : ''}f-upload-files-hint file-photo-warning`}
          aria-invalid={tooBig.length > 0 || undefined}
          className="file-input visually-hidden"
          onChange={(event) => choose(event.target.files)}
        />
        <label htmlFor="f-upload-files" className="button button--secondary file-choose">
          {u.file.label}
        </label>
        <p className="file-chosen">
          {chosen.length === 0 ? (
            u.file.noneChosen
          ) : (
            <>
              {format(u.file.chosen, { count: chosen.length })}
              <span className="file-chosen__names">{chosen.map((file) => `${file.name} (${sizeText(file.size, u, locale)})`).join(', ')}</span>
            </>
          )}
        </p>
      </div>
      <Checkbox path="upload.keepOriginal" label={u.file.keepLabel} hint={u.file.keepHint} checked={keepOriginal} onChange={setKeepOriginal} />
      <div className="form-actions">
        <button type="button" className="button" aria-disabled={chosen.length === 0 || undefined} onClick={send}>
          {u.file.send}
        </button>
      </div>
    </section>
  );
}
