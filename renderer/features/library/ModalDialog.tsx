import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode, SyntheticEvent } from 'react';
import './modal-dialog.css';

/**
 * A modal <dialog>: the browser keeps focus inside it and makes the page behind
 * inert; Escape closes it; focus goes back to what had it before (or, when that
 * is gone, to `returnFocusTo`). Mounted only while open, so its state starts
 * fresh every time. The control marked `data-autofocus` gets focus first (else
 * the browser picks the first control); `focusTitle` puts it on the title instead,
 * for a dialog long enough to be read from the top.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  className,
  describedBy,
  busy,
  focusTitle = false,
  returnFocusTo,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  describedBy?: string;
  /** Still filling in (aria-busy): assistive technology waits for it to settle. */
  busy?: boolean;
  focusTitle?: boolean;
  returnFocusTo?: () => HTMLElement | null | undefined;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const unmounting = useRef(false);
  const fallback = useRef(returnFocusTo);
  useEffect(() => {
    fallback.current = returnFocusTo;
  }, [returnFocusTo]);

  useEffect(() => {
    const dialog = ref.current;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    unmounting.current = false;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      unmounting.current = true;
      if (dialog?.open) dialog.close();
      const target = opener?.isConnected ? opener : fallback.current?.();
      target?.focus();
    };
  }, []);

  // Escape: the parent decides (it unmounts the dialog), so the dialog never closes behind React's back.
  // Handled on keydown, where preventDefault always holds; the browser may refuse to let a
  // `cancel` event be cancelled (no user activation since the last one), hence `onClosed` below.
  const keyDown = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  const cancel = (event: SyntheticEvent<HTMLDialogElement>): void => {
    event.preventDefault();
    onClose();
  };

  const closed = (): void => {
    // Closed by the browser while still mounted: show it again until the parent unmounts it.
    const dialog = ref.current;
    if (unmounting.current || !dialog || dialog.open) return;
    dialog.showModal();
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      aria-busy={busy}
      onKeyDown={keyDown}
      onCancel={cancel}
      onClose={closed}
    >
      <h2 id={titleId} className="modal-title" tabIndex={focusTitle ? -1 : undefined} data-autofocus={focusTitle ? true : undefined}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
