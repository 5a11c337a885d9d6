import { dismissToast, useToasts } from "./toasts";
import { useAnnouncement } from "./announcer";
import { CloseIcon, AlertIcon } from "../components/icons";
import { cx } from "../lib/classNames";
import styles from "./Feedback.module.css";

/**
 * The toast stack and the live region. Both carry `data-react-aria-top-layer` so that a modal
 * dialog (which hides everything else from assistive tech) leaves them readable and clickable.
 */
export function Feedback() {
  const toasts = useToasts();
  const announcement = useAnnouncement();
  return (
    <>
      <div className={styles.region} data-react-aria-top-layer="true">
        {toasts.map((toast) => (
          <div key={toast.id} role="alert" className={styles.toast}>
            <AlertIcon className={styles.icon} />
            <p className={styles.message}>{toast.message}</p>
            <button
              type="button"
              className={cx("icon-button", styles.close)}
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
