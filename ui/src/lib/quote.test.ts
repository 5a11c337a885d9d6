import { describe, expect, it } from "vitest";
import { quoteTitle } from "./quote";

describe("quoteTitle", () => {
  it("wraps a plain title in curly quotes", () => {
    expect(quoteTitle("Bank sync")).toBe("“Bank sync”");
    expect(quoteTitle("The “Safe to spend” figure")).toBe("“The “Safe to spend” figure”");
  });

  it("leaves a title that already starts with a double quote as it is", () => {
    expect(quoteTitle("“Safe to spend” figure on the home screen")).toBe("“Safe to spend” figure on the home screen");
    expect(quoteTitle('"Safe to spend" figure')).toBe('"Safe to spend" figure');
    expect(quoteTitle("“Quoted”")).toBe("“Quoted”");
  });

  it("leaves a title that ends with a double quote as it is", () => {
    expect(quoteTitle("Export to “CSV”")).toBe("Export to “CSV”");
    expect(quoteTitle('Export to "CSV"')).toBe('Export to "CSV"');
  });

  it("still quotes a title that starts or ends with another character", () => {
    expect(quoteTitle("‘Single’ quotes")).toBe("“‘Single’ quotes”");
    expect(quoteTitle("It’s")).toBe("“It’s”");
  });
});
