//! The fake backend's `export_roadmap`: the real one opens a native save dialog from Rust and
//! writes the file there; the fake answers the path a person would have chosen in it
//! ("<Documents>/<product> roadmap.<extension>"), without any file.
import type { StoredProduct } from "./fake-data";

export type ExportCommandsHost = { liveProduct: (id: string) => StoredProduct };

export function createExportCommands(host: ExportCommandsHost) {
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    export_roadmap: ({ productId, format }) => {
      const product = host.liveProduct(String(productId));
      // The extensions Rust's `RoadmapFormat::extension` gives.
      const extension = format === "markdown" ? "md" : format === "png" ? "png" : "html";
      return `/home/po/Documents/${product.name} roadmap.${extension}`;
    },
  };
  return { handlers };
}
