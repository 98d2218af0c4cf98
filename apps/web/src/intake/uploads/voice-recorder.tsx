import { useEffect, useRef, useState } from 'react';
import { AlertIcon } from '../form/fields';
import { format } from '../i18n/catalogues';
import { clockText, useUploadsT } from './i18n';

/** Long enough for a full account; about 1 MB at the bit rate below, sendable over 2G. */
export const MAX_SECONDS = 5 * 60;

/** Opus at 24 kbit/s: clear speech, small file. */
const BITS_PER_SECOND = 24_000;

/** Opus in WebM (Chrome, Firefox, Android), else Opus in Ogg. */
function recordingType(): string | null {
  if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return null;
  for (const type of ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus']) if (MediaRecorder.isTypeSupported(type)) return type;
  return null;
}

type State = { name: 'idle' } | { name: 'asking' } | { name: 'recording'; seconds: number } | { name: 'recorded'; blob: Blob; url: string; seconds: number };

interface VoiceRecorderProps {
  onSend: (blob: Blob, type: string) => void;
}

/**
 * "Enregistrer un message vocal": a warning that a voice identifies, then
 * start, stop, listen again, delete or send. The recording lives in page
 * memory only (a Blob and its blob: address, revoked when done).
 */
export function VoiceRecorder({ onSend }: VoiceRecorderProps) {
  const u = useUploadsT();
  const v = u.voice;
  const [state, setState] = useState<State>({ name: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const url = useRef<string | null>(null);
  const timer = useRef<number | null>(null);
  const reachedMax = useRef(false);
  const moved = useRef(false);

  // The button pressed goes away: focus goes to the next one (Arrêter, then Envoyer).
  useEffect(() => {
    if (!moved.current) return;
    if (state.name === 'recording') document.getElementById('voice-stop')?.focus();
    if (state.name === 'recorded') document.getElementById('voice-send')?.focus();
  }, [state.name]);

  const stopTimer = () => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
  };
  const releaseMicrophone = () => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };
  const forgetRecording = () => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  };

  // Leaving the page: the microphone is released and the recording forgotten.
  useEffect(
    () => () => {
      stopTimer();
      if (recorder.current && recorder.current.state !== 'inactive') {
        recorder.current.ondataavailable = null;
        recorder.current.onstop = null;
        recorder.current.stop();
      }
      releaseMicrophone();
      forgetRecording();
    },
    [],
  );

  const stop = () => {
    stopTimer();
    if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
  };

  const start = async () => {
    setProblem(null);
    setNote('');
    moved.current = true;
    const type = recordingType();
    if (!type) return setProblem(v.unsupported);
    setState({ name: 'asking' });
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      setState({ name: 'idle' });
      const name = error instanceof DOMException ? error.name : '';
      if (name === 'NotAllowedError' || name === 'SecurityError') return setProblem(v.refused);
      if (name === 'NotFoundError' || name === 'NotReadableError' || name === 'OverconstrainedError') return setProblem(v.noMicrophone);
      return setProblem(v.failed);
    }
    stream.current = media;
    const chunks: Blob[] = [];
    let started = Date.now();
    let next: MediaRecorder;
    try {
      next = new MediaRecorder(media, { mimeType: type, audioBitsPerSecond: BITS_PER_SECOND });
    } catch {
      releaseMicrophone();
      setState({ name: 'idle' });
      return setProblem(v.unsupported);
    }
    recorder.current = next;
    reachedMax.current = false;
    next.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    next.onerror = () => {
      stopTimer();
      releaseMicrophone();
      setState({ name: 'idle' });
      setProblem(v.failed);
    };
    next.onstop = () => {
      releaseMicrophone();
      const seconds = Math.min(MAX_SECONDS, (Date.now() - started) / 1000);
      const blob = new Blob(chunks, { type: type.split(';')[0] });
      if (blob.size === 0) {
        setState({ name: 'idle' });
        return setProblem(v.failed);
      }
      forgetRecording();
      url.current = URL.createObjectURL(blob);
      setState({ name: 'recorded', blob, url: url.current, seconds });
      setNote(`${reachedMax.current ? `${v.maxReached} ` : ''}${format(v.ready, { time: clockText(seconds) })}`);
    };
    next.start();
    started = Date.now();
    setState({ name: 'recording', seconds: 0 });
    timer.current = window.setInterval(() => {
      const seconds = (Date.now() - started) / 1000;
      if (seconds >= MAX_SECONDS) {
        reachedMax.current = true;
        stop();
      } else setState((current) => (current.name === 'recording' ? { name: 'recording', seconds } : current));
    }, 250);
  };

  const remove = () => {
    forgetRecording();
    setState({ name: 'idle' });
    setNote(v.removed);
    window.setTimeout(() => document.getElementById('voice-start')?.focus(), 0);
  };

  const send = () => {
    if (state.name !== 'recorded') return;
    onSend(state.blob, state.blob.type);
    forgetRecording();
    setState({ name: 'idle' });
    setNote('');
  };

  return (
    <section className="upload-block" aria-labelledby="voice-title">
      <h3 id="voice-title">{v.title}</h3>
      <p className="upload-warning">
        <AlertIcon className="upload-warning__icon" />
        <span>{v.warning}</span>
      </p>
      <p className="question__hint">{v.hint}</p>

      {state.name === 'recording' ? (
        <div className="voice-recording">
          <p className="voice-recording__status">
            <span className="voice-recording__dot" aria-hidden="true" />
            <span>{v.recording}</span>
          </p>
          <p className="voice-recording__timer" role="timer">
            {format(v.timer, { time: clockText(state.seconds), max: clockText(MAX_SECONDS) })}
          </p>
        </div>
      ) : null}

      {state.name === 'recorded' ? (
        <div className="voice-recorded">
          <p id="voice-listen-label" className="question__label">
            {v.listen}
          </p>
          <audio controls preload="metadata" src={state.url} aria-labelledby="voice-listen-label" className="voice-recorded__audio" />
        </div>
      ) : null}

      <p className="sent-note" role="status">
        {note}
      </p>
      {problem ? (
        <p className="question__error" role="alert">
          <AlertIcon />
          <span>{problem}</span>
        </p>
      ) : null}

      <div className="form-actions">
        {state.name === 'idle' || state.name === 'asking' ? (
          <button
            id="voice-start"
            type="button"
            className="button button--secondary"
            aria-disabled={state.name === 'asking' || undefined}
            onClick={() => void (state.name === 'idle' && start())}
          >
            {v.start}
          </button>
        ) : null}
        {state.name === 'recording' ? (
          <button id="voice-stop" type="button" className="button" onClick={stop}>
            {v.stop}
          </button>
        ) : null}
        {state.name === 'recorded' ? (
          <>
            <button id="voice-send" type="button" className="button" onClick={send}>
              {v.send}
            </button>
            <button type="button" className="button button--secondary" onClick={remove}>
              {v.remove}
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}
