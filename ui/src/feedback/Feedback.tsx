import { dismissToast, useToasts } from "./toasts";
import { useAnnouncement } from "./announcer";
import { CloseIcon, AlertIcon } from "../components/icons";

/**
 * The toast stack and the live region. Both carry `data-react-aria-top-layer` so that a modal
 * dialog (which hides everything else from assistive tech) leaves them readable and clickable.
 */
export function Feedback() {
  const toasts = useToasts();
  const announcement = useAnnouncement();
  return (
    <>
      <div className="toast-region" data-react-aria-top-layer="true">
        {toasts.map((toast) => (
          <div key={toast.id} role="alert" className="toast">
            <AlertIcon className="toast-icon" />
            <p className="toast-message">{toast.message}</p>
            <button
              type="button"
              className="icon-button toast-close"
              aria-label="Dismiss"
              onClick={() => dismissToast(toast.id)}
            >
              <CloseIcon />
            </button>
          </div>
        ))}
      </div>
      <div id="announcements" role="status" aria-live="polite" className="visually-hidden" data-react-aria-top-layer="true">
        {announcement}
      </div>
    </>
  );
}
