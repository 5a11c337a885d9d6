//! The API module: types, error wording and hooks. Components import from here only.
export * from "./queries";
export { describeError } from "./errors";
export {
  AppErrorException,
  isAppError,
  toUiError,
  type AppError,
  type AppStatus,
  type BacklogItem,
  type DatabaseProblem,
  type HistoryState,
  type ItemKind,
  type ItemPatch,
  type ItemStatus,
  type MoveTarget,
  type NewItem,
  type Product,
  type ProductPatch,
  type StatusOption,
  type UiError,
} from "./client";
