//! "Export roadmap as HTML…", "…as Markdown…" and "Export timeline as PNG…": one handler for
//! the export menu and the commands it contributes to the palette. Rust opens the save dialog and writes the
//! file; the UI only says where it went.
import { useCallback } from "react";
import { useExportRoadmap, type Product, type RoadmapFormat } from "../../api";
import type { AppCommand } from "../../commands/registry";
import { announce } from "../../feedback/announcer";

export const ROADMAP_EXPORTS: readonly { format: RoadmapFormat; label: string }[] = [
  { format: "html", label: "Export roadmap as HTML…" },
  { format: "markdown", label: "Export roadmap as Markdown…" },
  { format: "png", label: "Export timeline as PNG…" },
];

export function useRoadmapExport(product: Product) {
  // The mutation object is new on every render; its `mutate` is stable, so the commands this
  // declares (and the registry's re-render when they change) do not loop.
  const { mutate, isPending } = useExportRoadmap();
  return useCallback(
    (format: RoadmapFormat) => {
      if (isPending) return;
      mutate(
        { productId: product.id, format },
        {
          onSuccess: (path) => {
            // Cancelled in the dialog: nothing happened, so nothing is said.
            if (path !== null) announce(`Exported the ${format === "png" ? "timeline" : "roadmap"} of ${product.name} to ${path}`);
          },
        },
      );
    },
    [mutate, isPending, product.id, product.name],
  );
}

export function declareRoadmapExportCommands(run: (format: RoadmapFormat) => void): AppCommand[] {
  return ROADMAP_EXPORTS.map(({ format, label }) => ({
    id: `roadmap.export.${format}`,
    label,
    group: "Products",
    keywords: ["export", "stakeholder", "share", "roadmap", ...(format === "png" ? ["timeline", "picture", "image"] : []), format],
    isEnabled: true,
    run: () => run(format),
  }));
}
