//! "Export roadmap ▾": one menu button offering the roadmap as HTML or Markdown and the
//! timeline as a PNG picture, shown on the roadmap's views (the Now / Next / Later board, the
//! timeline, baselines). Its entries are also contributed to the palette while the view is
//! shown. Rust opens the save dialog and writes the file.
import { useCallback, useMemo } from "react";
import type { Product } from "../../api";
import { useContributedCommands } from "../../commands/registry";
import { TextMenu } from "../../components/ActionsMenu";
import { declareRoadmapExportCommands, useRoadmapExport } from "./roadmapExports";

export function RoadmapExportMenu({ product }: { product: Product }) {
  const exportRoadmap = useRoadmapExport(product);
  const declare = useCallback(() => declareRoadmapExportCommands(exportRoadmap), [exportRoadmap]);
  const commands = useMemo(() => declare(), [declare]);
  useContributedCommands("roadmap-export", declare);
  return <TextMenu label="Export roadmap" commands={commands} className="button" />;
}
