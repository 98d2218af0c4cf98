import { useEffect, useId, useRef, type ReactNode } from 'react';
import { WarningIcon } from '../icons';
import { useStaffT } from '../i18n/use-staff-t';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A native modal dialog: the browser traps focus, closes it with Escape and
 * gives focus back to the button that opened it. "Annuler" comes first and
 * gets the focus, so a hurried Enter does nothing irreversible.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel }: Props) {
  const t = useStaffT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        <WarningIcon />
        <span>{title}</span>
      </h2>
      <div id={textId}>{children}</div>
      <div className="button-row dialog__actions">
        {/* First in the dialog, so showModal() focuses it. */}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.admin.cancel}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
