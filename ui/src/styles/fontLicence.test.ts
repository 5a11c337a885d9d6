// Inter is bundled into the app (ui/dist, embedded in the binary): its SIL Open Font License
// ships beside it (public/licenses → dist/licenses) and must be the package's own text.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { expect, it } from "vitest";

it("the bundled Inter font ships with its OFL licence, as the package has it", () => {
  const require = createRequire(import.meta.url);
  const packaged = readFileSync(require.resolve("@fontsource-variable/inter/LICENSE"), "utf8");
  const shipped = readFileSync(join(import.meta.dirname, "../../public/licenses/Inter-OFL.txt"), "utf8");
  expect(shipped).toContain("SIL OPEN FONT LICENSE Version 1.1");
  expect(shipped).toBe(packaged);
});
