// CSS Modules fail quietly: a misspelt `styles.navItme` is `undefined`, an element without its
// style. This checks, from the sources, that every class a component reads from its module is
// defined there, and that every class a module defines is read somewhere (no dead styles).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The local class names a module defines (not those inside `:global(...)`). */
export function definedClasses(css: string): Set<string> {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/:global\([^)]*\)/g, "");
  return new Set([...code.matchAll(/\.([a-zA-Z_][\w-]*)/g)].map((match) => match[1] ?? ""));
}

type Usage = { file: string; module: string; classes: Set<string> };

function moduleUsages(): Usage[] {
  return sourceFiles(SRC).flatMap((file) => {
    const code = readFileSync(file, "utf8");
    return [...code.matchAll(/import (\w+) from "(\.{1,2}\/[^"]+\.module\.css)";/g)].map((match) => {
      const [, name = "", path = ""] = match;
      const used = [...code.matchAll(new RegExp(`(?<![\\w./"-])${name}\\.(\\w+)`, "g"))].map((use) => use[1] ?? "");
      return { file: relative(SRC, file), module: resolve(dirname(file), path), classes: new Set(used) };
    });
  });
}

const usages = moduleUsages();

describe("CSS Modules", () => {
  it("finds the modules the components import", () => {
    expect(usages.length).toBeGreaterThan(10);
  });

  it("every class a component reads is defined in its module", () => {
    const missing = usages.flatMap(({ file, module, classes }) => {
      const defined = definedClasses(readFileSync(module, "utf8"));
      return [...classes].filter((name) => !defined.has(name)).map((name) => `${file}: ${relative(SRC, module)} has no .${name}`);
    });
    expect(missing).toEqual([]);
  });

  it("every class a module defines is read by a component", () => {
    const modules = new Map<string, Set<string>>();
    for (const { module, classes } of usages) {
      const used = modules.get(module) ?? new Set<string>();
      for (const name of classes) used.add(name);
      modules.set(module, used);
    }
    const unused = [...modules].flatMap(([module, used]) =>
      [...definedClasses(readFileSync(module, "utf8"))].filter((name) => !used.has(name)).map((name) => `${relative(SRC, module)}: .${name}`),
    );
    expect(unused).toEqual([]);
  });

  it("reads class names, not what is inside :global() or comments", () => {
    expect([...definedClasses("/* .note */ .row:hover :global(.button) { } .row > .cell[data-x] {}")]).toEqual(["row", "cell"]);
  });
});
