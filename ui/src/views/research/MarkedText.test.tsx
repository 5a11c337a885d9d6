import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MarkedText } from "./MarkedText";

describe("MarkedText", () => {
  it("marks the matched segments and escapes every one", () => {
    const { container } = render(
      <p>
        <MarkedText
          segments={[
            { text: "pays <b>late</b> ", matched: false },
            { text: "fees", matched: true },
            { text: "<img src=x onerror=alert(1)>", matched: true },
          ]}
        />
      </p>,
    );
    const marks = [...container.querySelectorAll("mark")].map((mark) => mark.textContent);
    expect(marks).toEqual(["fees", "<img src=x onerror=alert(1)>"]);
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
    expect(container.textContent).toBe("pays <b>late</b> fees<img src=x onerror=alert(1)>");
  });
});
