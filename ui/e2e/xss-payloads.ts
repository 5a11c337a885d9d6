//! Known XSS payloads rendered as note bodies by the preview test (`research.spec.ts`). Each
//! would set `window.__xss` (or navigate) if it ran. Append to the list: the test renders every
//! entry and checks that none ran, that no IPC call but the expected ones was made, and that the
//! page stayed where it was.
export const XSS_PAYLOADS: readonly string[] = [
  "<script>window.__xss = 'script'</script>",
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"></svg>',
  "[click me](javascript:window.__xss='link')",
  '<a href="javascript:window.__xss=\'anchor\'">anchor</a>',
  '<iframe src="javascript:window.__xss=\'iframe\'"></iframe>',
  '<details open ontoggle="window.__xss=\'details\'">x</details>',
  "![image](x\" onerror=\"window.__xss='md-img')",
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=\'mxss\'">',
  "[data link](data:text/html,<script>window.__xss='data'</script>)",
];
