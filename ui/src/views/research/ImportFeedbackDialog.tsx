//! "Import feedback…": choose a CSV file or a folder of Markdown files (the native dialog Rust
//! opens), see Rust's dry run (the mapping it detected, every row's problems first), change the
//! mapping, and import every row as a note in one undo step. Import stays unavailable, with
//! Rust's reason, while any row has a problem.
import { useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import {
  describeError,
  toUiError,
  useImportFeedback,
  usePreviewFeedback,
  type FeedbackImported,
  type FeedbackMapping,
  type PreviewedFeedback,
  type FeedbackSourceRequest,
} from "../../api";
import { announce } from "../../feedback/announcer";
import { formatCount } from "../../lib/format";
import { FeedbackMappingFields } from "./FeedbackMappingFields";
import { FeedbackPreview } from "./FeedbackPreview";
import styles from "./ImportFeedback.module.css";

type Props = {
  productId: string;
  onImported: (imported: FeedbackImported) => void;
  onClose: () => void;
};

export function ImportFeedbackDialog({ productId, onImported, onClose }: Props) {
  const previewSource = usePreviewFeedback();
  const importFeedback = useImportFeedback();
  const [previewed, setPreviewed] = useState<PreviewedFeedback | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = (request: FeedbackSourceRequest) => {
    setError(null);
    previewSource.mutate(
      { productId, request },
      {
        onSuccess: (answer) => {
          if (answer === null) return;
          setPreviewed(answer);
          const { summary } = answer.preview;
          announce(`Preview of ${answer.preview.source}: ${formatCount(summary.rows, "row")}, ${summary.problems} with problems`);
        },
        onError: (failure) => setError(describeError(toUiError(failure))),
      },
    );
  };

  const remap = (mapping: FeedbackMapping) => {
    if (previewed) ask({ path: previewed.path, mapping });
  };

  const preview = previewed?.preview ?? null;
  const blocked = preview?.importBlocked ?? null;
  const busy = previewSource.isPending || importFeedback.isPending;
  const cannotImport = preview === null || blocked !== null || busy;

  const runImport = () => {
    if (!previewed || cannotImport) return;
    setError(null);
    importFeedback.mutate(
      { productId, path: previewed.path, mapping: previewed.preview.format === "csv" ? previewed.preview.mapping : null },
      {
        onSuccess: (imported) => {
          announce(imported.message);
          onImported(imported);
        },
        onError: (failure) => setError(describeError(toUiError(failure))),
      },
    );
  };

  return (
    <ModalOverlay
      isOpen
      isDismissable={!busy}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="modal-overlay"
    >
      <Modal className="modal modal-wide">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {preview === null ? "Import feedback" : `Import feedback from ${preview.source}`}
          </Heading>
          <p className={styles.intro}>
            Each row of a CSV file (a support tool’s or survey’s export) or each Markdown file of a folder becomes a research note. Nothing is
            written until you import, and one import is one step to undo.
          </p>
          <div className={styles.choose}>
            <Button className="button" isDisabled={busy} onPress={() => ask({ pick: "file" })}>
              Choose a CSV file…
            </Button>
            <Button className="button" isDisabled={busy} onPress={() => ask({ pick: "folder" })}>
              Choose a folder of Markdown files…
            </Button>
          </div>
          {error === null ? null : (
            <p className={styles.blocked} role="alert">
              {error}
            </p>
          )}
          {preview === null ? null : (
            <>
              {preview.format === "csv" ? (
                <FeedbackMappingFields columns={preview.columns} mapping={preview.mapping} onChange={remap} />
              ) : null}
              {blocked === null ? null : (
                <p id="feedback-import-blocked" className={styles.blocked} role="status">
                  {blocked}
                </p>
              )}
              <FeedbackPreview preview={preview} />
            </>
          )}
          <div className="dialog-actions">
            <Button className="button" onPress={onClose}>
              Cancel
            </Button>
            <button
              type="button"
              className="button button-primary"
              aria-disabled={cannotImport}
              aria-describedby={blocked === null ? undefined : "feedback-import-blocked"}
              onClick={runImport}
            >
              {importFeedback.isPending
                ? "Importing…"
                : preview === null
                  ? "Import"
                  : `Import ${formatCount(preview.summary.rows, "note")}`}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
