//! The API module: types, error wording and hooks. Components import from here only.
export * from "./queries";
export * from "./backups";
export * from "./scores";
export * from "./boards";
export * from "./matrix";
export * from "./decisions";
export * from "./kanoSurvey";
export * from "./plan";
export * from "./timeline";
export * from "./research";
export * from "./baselines";
export * from "./swimlanes";
export { describeError } from "./errors";
export { registerPendingSave, flushPendingSaves } from "./pendingSaves";
// The board in swimlanes and the home's roadmap snapshot.
export type { GhostBar, HomeDate, HomeLane, HomeRoadmap, Swimlane, SwimlaneBoard, SwimlaneGrouping, TimelineOverlay } from "./client";
export * from "./evidence";
// Evidence on items.
export type {
  AcceptedSuggestion,
  EvidenceParticipant,
  EvidenceQuote,
  EvidenceSettings,
  EvidenceStrength,
  EvidenceSuggestion,
  EvidenceSummary,
  ItemEvidence,
  NoteTypeWeight,
  SegmentReach,
  SegmentSetting,
} from "./client";
export * from "./feedbackImport";
// Feedback import.
export type { FeedbackFormat, FeedbackImported, FeedbackImportPreview, FeedbackMapping, FeedbackRow, FeedbackSummary } from "./client";
// Baselines.
export type { Baseline, BaselineBar, BaselineComparison, ChangeGroup, ChangeKind, RoadmapChange, RoadmapFormat } from "./client";
// The roadmap plan's types.
export type {
  CapacityUnit,
  Goal,
  GoalFields,
  ItemPlan,
  KeyResult,
  KeyResultFields,
  Milestone,
  MilestoneFields,
  PlanLink,
  PlanRef,
  Release,
  ReleaseDetail,
  ReleaseFields,
  ReleaseItem,
  ReleaseLoad,
  Theme,
  ThemeFields,
} from "./client";
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
  type BoardColumn,
  type BoardKind,
  type BoardView,
  type DatabaseSummary,
  type RestoreOutcome,
  type RestorePreview,
  type DatabaseProblem,
  type DataChanged,
  type Decision,
  type NamedRef,
  type NewNote,
  type NewParticipant,
  type NoteFilter,
  type NotePatch,
  type NoteSummary,
  type NoteType,
  type Participant,
  type ResearchNote,
  type SearchHit,
  type SearchKind,
  type SearchRequest,
  type Segment,
  type Tag,
  type DecisionPatch,
  type Framework,
  type HistoryState,
  type IceMode,
  type InputScale,
  type InputSensitivity,
  type InputSpec,
  type InputValue,
  type ItemDetails,
  type ItemKind,
  type ItemPatch,
  type ItemScores,
  type ItemStatus,
  type ItemSummary,
  type KanoCategory,
  type MatrixCell,
  type MatrixView,
  type LinkedItem,
  type KanoDistribution,
  type KanoImportPreview,
  type KanoItemResult,
  type KanoPreviewRow,
  type KanoResults,
  type KanoSurvey,
  type MoscowBucket,
  type MovedCard,
  type MovedIn,
  type MovedItem,
  type MoveTarget,
  type MustEffort,
  type NewDecision,
  type NewItem,
  type NumericFramework,
  type Outscoring,
  type OutscoringItem,
  type Product,
  type ProductPatch,
  type Quadrant,
  type QuadrantView,
  type Saved,
  type Score,
  type ScoreChange,
  type ScoreInput,
  type ScoreInputs,
  type ScorePosition,
  type ScorePositions,
  type Scores,
  type ScoringScales,
  type Sensitivity,
  type SensitivityStep,
  type StatusOption,
  type UiError,
  // Roadmap timeline (issue 8, items 3–4).
  type AxisTick,
  type Horizon,
  type ItemDates,
  type ScaleOption,
  type TimelineAxis,
  type TimelineBar,
  type TimelineGroup,
  type TimelineGrouping,
  type TimelineMilestone,
  type TimelineRelease,
  type TimelineScale,
  type TimelineView,
  type UnscheduledItem,
} from "./client";
export * from "./highlights";
