//! The API module: types, error wording and hooks. Components import from here only.
export * from "./queries";
export * from "./backups";
export { describeError } from "./errors";
export { registerPendingSave, flushPendingSaves } from "./pendingSaves";
export {
  AppErrorException,
  isAppError,
  toUiError,
  type AppError,
  type AppStatus,
  type BackupInfo,
  type BackupList,
  type BackupReason,
  type BacklogItem,
  type DatabaseSummary,
  type RestoreOutcome,
  type RestorePreview,
  type DatabaseProblem,
  type DataChanged,
  type HistoryState,
  type ItemKind,
  type ItemPatch,
  type ItemStatus,
  type ItemSummary,
  type MovedItem,
  type MoveTarget,
  type NewItem,
  type Product,
  type ProductPatch,
  type Saved,
  type StatusOption,
  type UiError,
} from "./client";
