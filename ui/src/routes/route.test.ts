import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute, sameRoute } from "./route";

describe("routes", () => {
  it("write a product and a view into the URL hash and read them back", () => {
    const route = { productId: "019a-b/c d", view: "backlog" };
    const hash = formatRoute(route);
    expect(hash).toBe("#/products/019a-b%2Fc%20d/backlog");
    expect(parseRoute(hash)).toEqual(route);
    expect(formatRoute({ productId: null, view: "home" })).toBe("#/home");
  });

  it("write a view without a product (the database's, or an empty workspace) as #/<view>", () => {
    expect(formatRoute({ productId: null, view: "backups" })).toBe("#/backups");
    expect(parseRoute("#/backups")).toEqual({ productId: null, view: "backups" });
    expect(parseRoute("#/products")).toBeNull();
  });

  it("refuse hashes that are not routes", () => {
    expect(parseRoute("")).toBeNull();
    expect(parseRoute("#/")).toBeNull();
    expect(parseRoute("#/products/p-1")).toBeNull();
    expect(parseRoute("#/products/%E0%A4%A/home")).toBeNull();
  });

  it("compare by product and view", () => {
    expect(sameRoute({ productId: "p", view: "home" }, { productId: "p", view: "home" })).toBe(true);
    expect(sameRoute({ productId: "p", view: "home" }, { productId: "p", view: "backlog" })).toBe(false);
    expect(sameRoute(null, null)).toBe(true);
  });
});
