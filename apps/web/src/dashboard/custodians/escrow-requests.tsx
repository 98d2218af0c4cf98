import type { CustodianOperationKind, EscrowRotationProgress } from '@mnpddh/shared';
import type { ReactNode } from 'react';
import { useAction } from '../case-work/use-action';
import { format } from '../format';
import type { CustodianApi } from './custodians-api';
import { useCustodiansT } from './i18n';
import { RequestForm } from './request-form';

interface Props {
  custodians: CustodianApi;
  rotation: EscrowRotationProgress | null;
  onRequested: () => void;
}

/** The two requests on the recovery key itself: re-seal it to the current custodians, or rotate it (resumable). */
export function EscrowRequests({ custodians, rotation, onRequested }: Props) {
  const t = useCustodiansT();
  return (
    <>
      <EscrowRequest kind="reseal_escrow" text={t.request.reseal.text} custodians={custodians} onRequested={onRequested} />
      <EscrowRequest kind="rotate_escrow" text={t.request.rotation.text} custodians={custodians} onRequested={onRequested}>
        <RotationProgress rotation={rotation} />
      </EscrowRequest>
    </>
  );
}

function EscrowRequest({
  kind,
  text,
  custodians,
  onRequested,
  children,
}: {
  kind: Extract<CustodianOperationKind, 'reseal_escrow' | 'rotate_escrow'>;
  text: string;
  custodians: CustodianApi;
  onRequested: () => void;
  children?: ReactNode;
}) {
  const t = useCustodiansT();
  const { busy, errors, run } = useAction();
  const submit = async () => {
    if (await run(() => custodians.request({ kind }))) onRequested();
  };
  return (
    <RequestForm id={`${kind.replace('_', '-')}-form`} title={t.kinds[kind]} text={text} errors={errors} fieldIds={{}} busy={busy} onSubmit={submit}>
      {children}
    </RequestForm>
  );
}

/** Where an escrow rotation stands: an unfinished one is resumed by the next rotation two custodians complete. */
export function RotationProgress({ rotation, running = false }: { rotation: EscrowRotationProgress | null; running?: boolean }) {
  const t = useCustodiansT();
  if (!rotation) return null;
  if (!rotation.rotating) return running ? null : <p className="muted">{t.request.rotation.none}</p>;
  const values = { sealed: rotation.casesSealed, total: rotation.casesTotal };
  return (
    <div className="rotation-progress">
      <p>{format(running ? t.request.rotation.progress : t.request.rotation.unfinished, values)}</p>
      <progress className="rotation-progress__bar" aria-label={t.kinds.rotate_escrow} max={Math.max(1, rotation.casesTotal)} value={rotation.casesSealed}>
        {`${rotation.casesSealed} / ${rotation.casesTotal}`}
      </progress>
    </div>
  );
}
