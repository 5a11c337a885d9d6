//! The views of a product. Adding a view (boards, roadmap, research…) is one entry here: its
//! route id, its sidebar label and icon, and what it renders. The sidebar, the "Go to …"
//! commands, the routes and the toolbar all read this table. Views of the database file itself
//! (backups) are in `DATABASE_VIEWS`: routed without a product, listed under "Database".
import type { ComponentType, ReactNode } from "react";
import type { Product, StatusOption } from "../api";
import { BacklogIcon, BackupsIcon, BoardIcon, DecisionIcon, GoalIcon, HomeIcon, ReleaseIcon, SearchIcon, SurveyIcon } from "../components/icons";
import { BacklogView } from "./backlog/BacklogView";
import { BoardView } from "./boards/BoardView";
import { BackupsView } from "./backups/BackupsView";
import { MatrixView } from "./matrix/MatrixView";
import { DecisionLogView } from "./decisions/DecisionLogView";
import { HomeView } from "./home/HomeView";
import { KanoSurveyView } from "./kano-survey/KanoSurveyView";
import { GoalsView } from "./goals/GoalsView";
import { ReleasesView } from "./releases/ReleasesView";
import { TimelineView } from "./timeline/TimelineView";
import { ResearchView } from "./research/ResearchView";
import { BaselinesView } from "./baselines/BaselinesView";

export type ViewContext = {
  product: Product;
  statusOptions: readonly StatusOption[];
  goTo: (viewId: string) => void;
};

export type ViewDefinition = {
  /** The route segment: `#/products/<id>/<view id>`. */
  id: string;
  /** The sidebar entry, the toolbar and the "Go to …" command. */
  label: string;
  icon: ComponentType<{ className?: string }>;
  /** The view; it renders its own `<h1>` (with tabIndex -1), which gets focus on arrival. */
  render: (context: ViewContext) => ReactNode;
};

export const VIEWS: readonly ViewDefinition[] = [
  {
    id: "home",
    label: "Home",
    icon: HomeIcon,
    render: ({ product, statusOptions, goTo }) => (
      <HomeView key={product.id} product={product} statusOptions={statusOptions} onOpenBacklog={() => goTo("backlog")} />
    ),
  },
  {
    id: "backlog",
    label: "Backlog",
    icon: BacklogIcon,
    render: ({ product, statusOptions }) => <BacklogView key={product.id} product={product} statusOptions={statusOptions} />,
  },
  {
    id: "moscow",
    label: "MoSCoW board",
    icon: BoardIcon,
    render: ({ product, statusOptions }) => (
      <BoardView key={product.id} product={product} statusOptions={statusOptions} board="moscow" title="MoSCoW board" />
    ),
  },
  {
    id: "kano",
    label: "Kano board",
    icon: BoardIcon,
    render: ({ product, statusOptions }) => (
      <BoardView key={product.id} product={product} statusOptions={statusOptions} board="kano" title="Kano board" />
    ),
  },
  {
    id: "matrix",
    label: "Value/effort matrix",
    icon: BoardIcon,
    render: ({ product, statusOptions }) => <MatrixView key={product.id} product={product} statusOptions={statusOptions} />,
  },
  {
    id: "decisions",
    label: "Decision log",
    icon: DecisionIcon,
    render: ({ product }) => <DecisionLogView key={product.id} product={product} />,
  },
  {
    id: "kano-survey",
    label: "Kano survey",
    icon: SurveyIcon,
    render: ({ product }) => <KanoSurveyView key={product.id} product={product} />,
  },
  {
    id: "goals",
    label: "Goals",
    icon: GoalIcon,
    render: ({ product }) => <GoalsView key={product.id} product={product} />,
  },
  {
    id: "releases",
    label: "Releases",
    icon: ReleaseIcon,
    render: ({ product }) => <ReleasesView key={product.id} product={product} />,
  },
  // Roadmap (issue 8, items 3–4): the Now / Next / Later board and the timeline.
  {
    id: "roadmap",
    label: "Now / Next / Later",
    icon: BoardIcon,
    render: ({ product, statusOptions }) => (
      <BoardView key={product.id} product={product} statusOptions={statusOptions} board="horizon" title="Now / Next / Later" />
    ),
  },
  {
    id: "timeline",
    label: "Timeline",
    icon: BoardIcon,
    render: ({ product }) => <TimelineView key={product.id} product={product} />,
  },
  {
    id: "research",
    label: "Research",
    icon: SearchIcon,
    render: ({ product, goTo }) => <ResearchView key={product.id} product={product} goTo={goTo} />,
  },
  // Baselines (issue 8, item 5): saved roadmaps compared with today.
  {
    id: "baselines",
    label: "Baselines",
    icon: BoardIcon,
    render: ({ product }) => <BaselinesView key={product.id} product={product} />,
  },
];

export const DEFAULT_VIEW_ID = "home";

export function viewById(id: string): ViewDefinition | undefined {
  return VIEWS.find((view) => view.id === id);
}

export type DatabaseViewDefinition = {
  /** The route segment: `#/<view id>`, with no product. */
  id: string;
  /** The sidebar entry (under "Database"), the toolbar and the "Go to …" command. */
  label: string;
  icon: ComponentType<{ className?: string }>;
  /** More words the palette finds the "Go to …" command by. */
  keywords: readonly string[];
  /** The view, with its own `<h1 tabIndex={-1}>`; it works with or without products. */
  render: () => ReactNode;
};

export const DATABASE_VIEWS: readonly DatabaseViewDefinition[] = [
  {
    id: "backups",
    label: "Backups",
    icon: BackupsIcon,
    keywords: ["restore", "backup", "copy", "database", "file"],
    render: () => <BackupsView />,
  },
];

export function databaseViewById(id: string): DatabaseViewDefinition | undefined {
  return DATABASE_VIEWS.find((view) => view.id === id);
}
