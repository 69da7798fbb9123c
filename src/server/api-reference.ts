// A readable, dependency-free API reference rendered on the server from the
// OpenAPI document (no CDN scripts: the CSP allows only our own origin).
// Operations are grouped by tag, in the document's tag order, and each one
// says who may call it.

type Json = Record<string, unknown>;
const esc = (s: unknown) =>
  String(s ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
/** `code` spans in descriptions, the only markdown the document uses. */
const prose = (s: unknown) => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");
const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function schemaText(schema: unknown, depth = 0): string {
  if (!schema || typeof schema !== "object" || depth > 4) return "";
  const s = schema as Json;
  if (typeof s.$ref === "string") {
    const name = s.$ref.split("/").pop()!;
    return `<a href="#schema-${esc(slugify(name))}">${esc(name)}</a>`;
  }
  if (s.type === "array") return `${schemaText(s.items, depth + 1)}[]`;
  if (s.type === "object" || s.properties) {
    const props = Object.entries((s.properties as Json) ?? {});
    const required = new Set((s.required as string[]) ?? []);
    if (!props.length) return "object";
    return `{ ${props.map(([k, v]) => `${esc(k)}${required.has(k) ? "" : "?"}: ${schemaText(v, depth + 1)}`).join(", ")} }`;
  }
  if (Array.isArray(s.enum)) return s.enum.map((v) => esc(JSON.stringify(v))).join(" | ");
  if (Array.isArray(s.anyOf)) return (s.anyOf as unknown[]).map((x) => schemaText(x, depth + 1)).join(" | ");
  const t = Array.isArray(s.type) ? s.type.join(" | ") : s.type;
  return esc(t ?? "value") + (s.format ? ` (${esc(s.format)})` : "");
}

const schemeLabel: Record<string, string> = { session: "session cookie", bearer: "API token" };

function securityText(op: Json, doc: Json): string {
  const reqs = (op.security ?? doc.security ?? []) as Json[];
  if (!reqs.length) return "Public: no sign-in needed.";
  return `Authenticate with ${reqs.map((r) => Object.keys(r).map((k) => schemeLabel[k] ?? k).join(" + ")).join(" or ")}.`;
}

function renderOperation(doc: Json, path: string, method: string, op: Json): string {
  const id = slugify(`${method}-${path}`);
  const params = ((op.parameters as Json[]) ?? [])
    .map((p) => `<li><code>${esc(p.name)}</code> <small>${esc(p.in)}${p.required ? ", required" : ""}</small> ${schemaText(p.schema)}${p.description ? ` — ${prose(p.description)}` : ""}</li>`)
    .join("");
  const body = ((op.requestBody as Json)?.content as Record<string, Json> | undefined)?.["application/json"]?.schema;
  const all = Object.entries((op.responses as Record<string, Json>) ?? {});
  // Successes in full; errors share one body shape (described once, above), so just their statuses.
  const responses = all
    .filter(([code]) => !/^[45]/.test(code))
    .map(([code, r]) => {
      const schema = (r.content as Record<string, Json> | undefined)?.["application/json"]?.schema;
      return `<li><code>${esc(code)}</code> ${prose(r.description)}${schema ? `: ${schemaText(schema)}` : ""}</li>`;
    })
    .join("");
  const errors = all
    .filter(([code]) => /^[45]/.test(code))
    .map(([code, r]) => `<abbr title="${esc(r.description)}"><code>${esc(code)}</code></abbr>`)
    .join(" ");
  return `<section id="${esc(id)}"><h3><span class="m m-${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${prose(op.summary)}</p>${op.description ? `<p>${prose(op.description)}</p>` : ""}
<p class="sec">${esc(securityText(op, doc))}</p>
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ""}
${body ? `<h4>Body</h4><p>${schemaText(body)}</p>` : ""}
<h4>Responses</h4><ul>${responses}${errors ? `<li><a href="#errors">Errors</a>: ${errors}</li>` : ""}</ul></section>`;
}

export function renderApiReference(doc: Json): string {
  const info = (doc.info as Json) ?? {};
  const declared = ((doc.tags as Json[]) ?? []).map((t) => ({ name: String(t.name), description: t.description }));
  const groups = new Map<string, string[]>(declared.map((t) => [t.name, []]));
  for (const [p, methods] of Object.entries((doc.paths as Record<string, Record<string, Json>>) ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = ((op.tags as string[]) ?? [])[0] ?? "other";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push(renderOperation(doc, p, method, op));
    }
  }
  const sections = [...groups].filter(([, ops]) => ops.length);
  const toc = sections.map(([tag, ops]) => `<li><a href="#tag-${esc(slugify(tag))}">${esc(tag)}</a> (${ops.length})</li>`).join("");
  const body = sections
    .map(([tag, ops]) => {
      const description = declared.find((t) => t.name === tag)?.description;
      return `<h2 id="tag-${esc(slugify(tag))}">${esc(tag)}</h2>${description ? `<p>${prose(description)}</p>` : ""}${ops.join("\n")}`;
    })
    .join("\n");
  const schemes = Object.entries(((doc.components as Json)?.securitySchemes as Record<string, Json>) ?? {})
    .map(([name, s]) => `<li><strong>${esc(schemeLabel[name] ?? name)}</strong>: ${prose(s.description)}</li>`)
    .join("");
  const schemas = Object.entries(((doc.components as Json)?.schemas as Record<string, Json>) ?? {})
    .map(([name, s]) => `<li id="schema-${esc(slugify(name))}"><code>${esc(name)}</code> ${schemaText(s)}</li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#1a1a1a}code{background:#f3f3f3;padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}h2{border-bottom:2px solid #0b5d2a;margin-top:2rem}section{border-top:1px solid #ddd;padding:.5rem 0}h3{font-size:1.05rem;overflow-wrap:anywhere}.m{display:inline-block;min-width:4.5rem;font-weight:700;color:#0b5d2a}.m-delete{color:#9b1c1c}.m-patch,.m-post{color:#7a4b00}.sec{font-size:.9rem;color:#444}a{color:#0b5d2a}</style></head>
<body><main><h1>${esc(info.title)} <small>v${esc(info.version)}</small></h1><p>${prose(info.description)}</p>
<p>Machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<h2 id="authentication">Authentication</h2><ul>${schemes}</ul>
<h2 id="errors">Errors</h2><p><code>{ "error": { "code", "message", "fields": [{ "path", "code", "message" }] } }</code>. The <code>code</code> is stable; <code>message</code> follows <code>Accept-Language</code> (send <code>ur</code> for Urdu). Request bodies are strict: an unknown field is a <code>validation_failed</code>.</p>
<nav aria-label="Contents"><ul>${toc}<li><a href="#schemas">Schemas</a></li></ul></nav>
${body}
<h2 id="schemas">Schemas</h2><ul>${schemas}</ul></main></body></html>`;
}
