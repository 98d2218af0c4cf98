import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { CheckIcon } from '../../ui/icons';
import type { FollowUpView } from '../api/follow-up-view';
import { AlertIcon } from '../form/fields';
import { format } from '../i18n/catalogues';
import { FilePicker } from './file-picker';
import { sizeText, useUploadsT } from './i18n';
import { canClean, isImage, stripImageMetadata } from './strip-metadata';
import { Upload, type UploadSource, type UploadState } from './upload-client';
import { VoiceRecorder } from './voice-recorder';
import './uploads.css';

type ItemState = { phase: 'preparing' } | { phase: 'queued' } | UploadState;

interface Item {
  key: number;
  name: string;
  kind: 'file' | 'voice';
  size: number;
  /** For photos: cleaned, or sent as the original at the person's choice. */
  photo: 'cleaned' | 'kept' | null;
  state: ItemState;
}

export interface UploadsPanelProps {
  /** Makes sure a follow-up session is open; `renew` after it ended. False if it cannot (the page then asks the receipt). */
  session: (renew: boolean) => Promise<boolean>;
  /** The thread after a file or voice message arrived. */
  onView?: (view: FollowUpView, skewMs: number) => void;
  onSessionLost?: () => void;
}

const active = (state: ItemState) => state.phase === 'uploading' || state.phase === 'preparing';

/**
 * Files and voice messages, after the receipt and in follow-up. Never
 * blocks anything: the request is already in. One upload at a time (on 2G,
 * two at once are both slow); each shows its bytes and percentage, pauses
 * after a few failed tries with "Reprendre", and can be cancelled.
 */
export default function UploadsPanel({ session, onView, onSessionLost }: UploadsPanelProps) {
  const u = useUploadsT();
  const [locale] = useLocale();
  const [items, setItems] = useState<Item[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const uploads = useRef(new Map<number, Upload>());
  const nextKey = useRef(1);
  const props = useRef({ session, onView, onSessionLost, u });
  props.current = { session, onView, onSessionLost, u };

  // Leaving the page stops every upload and drops the unfinished ones on the server.
  useEffect(() => {
    const all = uploads.current;
    return () => {
      all.forEach((upload) => upload.dispose());
      all.clear();
    };
  }, []);

  const update = (key: number, patch: Partial<Item>) => setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const announce = (item: Item, state: ItemState) => {
    const t = props.current.u.item;
    const name = item.kind === 'voice' ? t.voiceLabel : item.name;
    if (state.phase === 'done') setAnnouncement(format(t.done, { name }));
    if (state.phase === 'refused') setAnnouncement(format(t.refused, { name, reason: state.reason }));
    if (state.phase === 'cancelled') setAnnouncement(format(t.cancelled, { name }));
    if (state.phase === 'expired') setAnnouncement(t.expired);
    if (state.phase === 'paused') setAnnouncement(format(t.paused, { name, percent: percentOf(state.sent, item.size) }));
  };

  const add = (source: UploadSource, photo: Item['photo']) => {
    const key = nextKey.current++;
    const item: Item = { key, name: source.name, kind: source.kind, size: source.blob.size, photo, state: { phase: 'queued' } };
    const upload = new Upload(source, {
      locale,
      session: (renew) => props.current.session(renew),
      onChange: (state) => {
        update(key, { state });
        announce(item, state);
        if (state.phase === 'session_lost') {
          setAnnouncement(props.current.u.sessionEnded);
          props.current.onSessionLost?.();
        }
        if (state.phase === 'done' || state.phase === 'cancelled' || state.phase === 'refused' || state.phase === 'expired') uploads.current.delete(key);
      },
      onView: (view, skewMs) => props.current.onView?.(view, skewMs),
    });
    uploads.current.set(key, upload);
    setItems((list) => [...list, item]);
  };

  // One at a time: the first queued item starts when nothing else is sending.
  useEffect(() => {
    if (items.some((item) => active(item.state))) return;
    const next = items.find((item) => item.state.phase === 'queued');
    if (next) uploads.current.get(next.key)?.start();
  }, [items]);

  /** After "Envoyer", where the sending shows (the button pressed may be far from it on a phone). */
  const [sent, setSent] = useState(0);
  useEffect(() => {
    if (sent > 0) document.getElementById('uploads-list-title')?.focus();
  }, [sent]);

  const sendFiles = async (files: File[], keepOriginal: boolean) => {
    setSent((n) => n + 1);
    for (const file of files) {
      const type = file.type || 'application/octet-stream';
      if (!isImage(file) || keepOriginal) {
        add({ kind: 'file', blob: file, name: file.name, type, keepOriginal }, isImage(file) ? 'kept' : null);
        continue;
      }
      const key = nextKey.current++;
      setItems((list) => [...list, { key, name: file.name, kind: 'file', size: file.size, photo: 'cleaned', state: { phase: 'preparing' } }]);
      const cleaned = canClean(file) ? await stripImageMetadata(file) : null;
      setItems((list) => list.filter((item) => item.key !== key));
      if (!cleaned) {
        const reason = format(props.current.u.file.noImageClean, { name: file.name });
        const refused: Item = { key, name: file.name, kind: 'file', size: file.size, photo: null, state: { phase: 'refused', reason } };
        setItems((list) => [...list, refused]);
        announce(refused, refused.state);
        continue;
      }
      add({ kind: 'file', blob: cleaned.blob, name: cleaned.name, type: cleaned.type, keepOriginal: false }, 'cleaned');
    }
  };

  const sendVoice = (blob: Blob, type: string) => {
    setSent((n) => n + 1);
    const extension = type === 'audio/ogg' ? 'ogg' : 'webm';
    add({ kind: 'voice', blob, name: `${u.voice.name}.${extension}`, type, keepOriginal: false }, null);
  };

  return (
    <section aria-labelledby="uploads-title" className="follow-up-section uploads">
      <h2 id="uploads-title">{u.title}</h2>
      <p>{u.lead}</p>
      <FilePicker onSend={(files, keep) => void sendFiles(files, keep)} />
      {items.length > 0 ? (
        <section aria-labelledby="uploads-list-title" className="upload-block">
          <h3 id="uploads-list-title" tabIndex={-1}>
            {u.item.listTitle}
          </h3>
          <p className="question__hint">{u.stayHint}</p>
          <ul className="upload-list">
            {items.map((item) => (
              <UploadRow
                key={item.key}
                item={item}
                onResume={() => uploads.current.get(item.key)?.start()}
                onCancel={() => uploads.current.get(item.key)?.cancel()}
                sizeOf={(bytes) => sizeText(bytes, u, locale)}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <VoiceRecorder onSend={sendVoice} />
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}

function percentOf(sent: number, size: number): number {
  return size === 0 ? 100 : Math.min(100, Math.floor((sent / size) * 100));
}

interface RowProps {
  item: Item;
  onResume: () => void;
  onCancel: () => void;
  sizeOf: (bytes: number) => string;
}

function UploadRow({ item, onResume, onCancel, sizeOf }: RowProps) {
  const t = useUploadsT().item;
  const { state } = item;
  const name = item.kind === 'voice' ? t.voiceLabel : item.name;
  const sent = state.phase === 'uploading' || state.phase === 'paused' ? state.sent : state.phase === 'done' ? item.size : 0;
  const percent = percentOf(sent, item.size);
  const showProgress = state.phase === 'uploading' || state.phase === 'paused';
  const ended = state.phase === 'done' || state.phase === 'refused' || state.phase === 'cancelled' || state.phase === 'expired';
  return (
    <li className={`upload-item upload-item--${state.phase}`}>
      <p className="upload-item__name">
        {state.phase === 'done' ? <CheckIcon /> : null}
        <span>{name}</span>
      </p>
      {item.photo ? <p className="upload-item__note">{item.photo === 'cleaned' ? t.cleaned : t.keptOriginal}</p> : null}
      {state.phase === 'preparing' ? <p className="upload-item__note">{t.preparing}</p> : null}
      {state.phase === 'queued' ? <p className="upload-item__note">{t.queued}</p> : null}
      {showProgress ? (
        <>
          <progress className="upload-item__bar" max={item.size || 1} value={sent} aria-label={format(t.progress, { name })} aria-valuetext={`${percent} %`} />
          <p className="upload-item__bytes">{format(t.bytes, { sent: sizeOf(sent), total: sizeOf(item.size), percent })}</p>
        </>
      ) : null}
      {state.phase === 'uploading' && state.retrying ? <p className="upload-item__note">{t.retrying}</p> : null}
      {state.phase === 'done' ? <p className="sent-note">{format(t.done, { name })}</p> : null}
      {state.phase === 'paused' ? (
        <p className="question__error">
          <AlertIcon />
          <span>{format(t.paused, { name, percent })}</span>
        </p>
      ) : null}
      {state.phase === 'refused' ? (
        <p className="question__error">
          <AlertIcon />
          <span>{format(t.refused, { name, reason: state.reason })}</span>
        </p>
      ) : null}
      {state.phase === 'cancelled' ? <p className="upload-item__note">{format(t.cancelled, { name })}</p> : null}
      {state.phase === 'expired' ? <p className="upload-item__note">{t.expired}</p> : null}
      <div className="upload-item__actions">
        {state.phase === 'paused' ? (
          <button type="button" className="button button--small" aria-label={format(t.resumeNamed, { name })} onClick={onResume}>
            {t.resume}
          </button>
        ) : null}
        {!ended && state.phase !== 'preparing' && state.phase !== 'session_lost' ? (
          <button type="button" className="button button--secondary button--small" aria-label={format(t.cancelNamed, { name })} onClick={onCancel}>
            {t.cancel}
          </button>
        ) : null}
      </div>
    </li>
  );
}
