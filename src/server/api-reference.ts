// A readable, dependency-free API reference rendered on the server from the
// OpenAPI document (no CDN scripts: the CSP allows only our own origin).

type Json = Record<string, unknown>;
const esc = (s: unknown) =>
  String(s ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

function schemaText(schema: unknown, depth = 0): string {
  if (!schema || typeof schema !== "object" || depth > 4) return "";
  const s = schema as Json;
  if (typeof s.$ref === "string") return esc(s.$ref.split("/").pop());
  if (s.type === "array") return `${schemaText(s.items, depth + 1)}[]`;
  if (s.type === "object" || s.properties) {
    const props = Object.entries((s.properties as Json) ?? {});
    const required = new Set((s.required as string[]) ?? []);
    return `{ ${props.map(([k, v]) => `${esc(k)}${required.has(k) ? "" : "?"}: ${schemaText(v, depth + 1)}`).join(", ")} }`;
  }
  if (Array.isArray(s.enum)) return s.enum.map((v) => esc(JSON.stringify(v))).join(" | ");
  const t = Array.isArray(s.type) ? s.type.join(" | ") : s.type;
  return esc(t ?? (s.anyOf ? "any of" : "value")) + (s.format ? ` (${esc(s.format)})` : "");
}

export function renderApiReference(doc: Json): string {
  const info = (doc.info as Json) ?? {};
  const paths = Object.entries((doc.paths as Record<string, Record<string, Json>>) ?? {});
  const ops = paths.flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = ((op.parameters as Json[]) ?? [])
        .map((prm) => `<li><code>${esc(prm.name)}</code> (${esc(prm.in)}${prm.required ? ", required" : ""}) ${schemaText(prm.schema)}</li>`)
        .join("");
      const body = ((op.requestBody as Json)?.content as Record<string, Json> | undefined)?.["application/json"]?.schema;
      const responses = Object.entries((op.responses as Record<string, Json>) ?? {})
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`)
        .join("");
      return `<section><h3><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(p)}</code></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ""}
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ""}
${body ? `<h4>Body</h4><p><code>${schemaText(body)}</code></p>` : ""}
<h4>Responses</h4><ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}code{background:#f3f3f3;padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}section{border-top:1px solid #ddd;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;font-weight:700;color:#0b5d2a}</style></head>
<body><main><h1>${esc(info.title)} <small>v${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<p>Errors: <code>{ "error": { "code", "message", "fields": [{ "path", "code", "message" }] } }</code>; send <code>Accept-Language: ur</code> for Urdu messages.</p>
${ops.join("\n")}</main></body></html>`;
}
