import { describe, expect, it } from "vitest";
import { renderMarkdown, sanitizeHtml } from "./markdown";

/** Parses `html` the way the preview does (innerHTML) and returns the container. */
function mount(html: string): HTMLElement {
  const container = document.createElement("div");
  container.innerHTML = html;
  return container;
}

function hasEventHandlerAttribute(root: HTMLElement): boolean {
  return [...root.querySelectorAll("*")].some((element) =>
    [...element.attributes].some((attribute) => attribute.name.toLowerCase().startsWith("on")),
  );
}

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    const html = renderMarkdown("# Plan\n\nSome **bold** text and a [link](https://example.com).");
    expect(html).toContain("<h1>Plan</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noreferrer noopener"');
  });

  it("makes a code block, which may scroll sideways, a named region the keyboard can reach", () => {
    const pre = mount(renderMarkdown("```\nconst wide = 1;\n```")).querySelector("pre");
    expect(pre?.getAttribute("tabindex")).toBe("0");
    expect(pre?.getAttribute("role")).toBe("region");
    expect(pre?.getAttribute("aria-label")).toBe("Code block");
  });

  it("shows raw HTML as text: a script never becomes an element", () => {
    const preview = mount(renderMarkdown("Hello\n\n<script>window.__pwned = 1</script>\n\nbye"));
    expect(preview.querySelector("script")).toBeNull();
    expect(preview.textContent).toContain("<script>window.__pwned = 1</script>");
  });

  it("shows raw HTML as text: an onerror attribute never becomes an attribute", () => {
    const preview = mount(renderMarkdown('<img src=x onerror="window.__pwned = 1">\n\nsee <b onclick="x()">this</b>'));
    expect(preview.querySelector("img")).toBeNull();
    expect(hasEventHandlerAttribute(preview)).toBe(false);
    expect(preview.textContent).toContain('<img src=x onerror="window.__pwned = 1">');
  });

  it("strips javascript: URLs", () => {
    const preview = mount(renderMarkdown("[click](javascript:alert(1)) [again](JaVaScRiPt:alert(2))"));
    const hrefs = [...preview.querySelectorAll("a")].map((link) => link.getAttribute("href") ?? "");
    expect(hrefs.some((href) => /javascript:/i.test(href))).toBe(false);
    expect(sanitizeHtml('<a href="javascript:alert(3)">x</a>')).not.toMatch(/javascript:/i);
  });

  it("never loads remote images", () => {
    const html = renderMarkdown("![chart](https://example.com/chart.png)");
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).toContain('data-blocked-src="https://example.com/chart.png"');
    expect(html).toContain('alt="chart"');
  });

  it("sanitises HTML: script elements and event handlers are removed", () => {
    const html = sanitizeHtml('<p onclick="alert(1)">hi</p><img src=x onerror="window.__pwned=1"><script>alert(2)</script>');
    const preview = mount(html);
    expect(preview.querySelector("script")).toBeNull();
    expect(hasEventHandlerAttribute(preview)).toBe(false);
    expect(html).not.toMatch(/onerror|onclick|alert/);
    expect(preview.querySelector("p")?.textContent).toBe("hi");
  });

  it("drops style elements, style attributes and forms", () => {
    const html = sanitizeHtml('<style>body{display:none}</style><p style="color:red">x</p><form><input></form>');
    expect(html).toBe("<p>x</p>");
  });
});
