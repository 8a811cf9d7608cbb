import { useEffect, useId, useRef } from 'react';
import type { ReactNode, SyntheticEvent } from 'react';
import './modal-dialog.css';

/**
 * A modal <dialog>: the browser keeps focus inside it and makes the page behind
 * inert; Escape closes it; focus goes back to what had it before. Mounted only
 * while open, so its state starts fresh every time. The control marked
 * `data-autofocus` gets focus first (else the browser picks the first control).
 */
export function ModalDialog({
  title,
  onClose,
  children,
  className,
  describedBy,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  describedBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const cancel = (event: SyntheticEvent<HTMLDialogElement>): void => {
    // Escape: the parent decides (it unmounts the dialog), so the dialog never closes behind React's back.
    event.preventDefault();
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={cancel}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
