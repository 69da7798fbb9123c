import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, openTestDb, type TestDb } from "../../tests/support/db";
import { testApp } from "../../tests/support/http";
import { editions } from "../features/editions/tables";

// Every operation of the OpenAPI document, found there (so a new route is covered the day it is
// added), gets hostile input: malformed JSON, wrong types, ill-formed Unicode (lone surrogates),
// huge strings, strange path ids and query values, as nobody and as the organiser. No answer may
// be a 5xx, and every refusal is the API's error body with a code. Deterministic: fast-check with a
// fixed seed draws the same requests on every run.

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  example?: unknown;
  default?: unknown;
};
type Parameter = { name: string; in: "path" | "query" | "header" | "cookie"; schema?: Schema };
type Operation = { operationId?: string; responses?: Record<string, unknown>; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const SEED = 20261205;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

let t: TestDb;
let api: ReturnType<typeof testApp>;
let doc: Document;
let cookie: string;
let editionId: string;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  doc = (await api.call("/api/v1/openapi.json")).body;
  const [e] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = e!.id;
  const r = await api.call("/api/v1/auth/sign-in", { json: { email: demo.organiser, password: demo.password } });
  cookie = r.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(async () => t?.close());

function operations() {
  const out: { method: string; path: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) for (const m of METHODS) if (item[m]) out.push({ method: m, path, op: item[m]! });
  return out;
}

function resolve(s: Schema | undefined, depth = 0): Schema {
  if (!s || depth > 8) return {};
  if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.split("/").pop()!], depth + 1);
  const merged = s.allOf ?? s.anyOf ?? s.oneOf;
  if (merged) return merged.map((x) => resolve(x, depth + 1)).find((x) => x.properties) ?? resolve(merged[0], depth + 1);
  return s;
}

// Values that are wrong for almost any field.
const LONE = "\ud800";
const hostile = fc.oneof(
  fc.constant(LONE),
  fc.constant(`name ${LONE}\udfff reversed \udc00`),
  fc.constant("x".repeat(20_000)),
  fc.constant(""),
  fc.constant("\u0000"),
  fc.constant("=cmd|' /C calc'!A0"),
  fc.constant(null),
  fc.constant(true),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant(2 ** 53 + 7),
  fc.constant(4294967295),
  fc.constant([]),
  fc.constant([null, LONE]),
  fc.constant({}),
  fc.constant({ $ne: null }),
  fc.constant("2026-02-30"),
  fc.constant("00000000-0000-4000-8000-000000000000"),
  fc.string({ maxLength: 12 }),
  fc.integer(),
);

/** A plausible value for a schema, so that one hostile field at a time gets past the others. */
function plausible(schema: Schema | undefined, depth = 0): unknown {
  const s = resolve(schema);
  if (depth > 6) return null;
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  switch (type) {
    case "string":
      if (s.format === "uuid") return editionId;
      if (s.format === "date") return "2027-01-23";
      if (s.format === "date-time") return "2027-01-23T09:00:00.000Z";
      if (s.format === "email") return "fuzz.person@example.com";
      return "Fuzz text".padEnd(s.minLength ?? 0, "x");
    case "integer":
    case "number":
      return Math.max(s.minimum ?? 1, 1);
    case "boolean":
      return true;
    case "array":
      return Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () => plausible(s.items, depth + 1));
    case "object":
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, depth + 1)]));
    default:
      return s.properties ? plausible({ ...s, type: "object" }, depth) : "Fuzz text";
  }
}

const oneBad = [LONE, `ok ${LONE} ok`, "x".repeat(20_000), 12345, { nested: LONE }, [LONE], null];

/** A plausible body with one field (top level or one level down) replaced by a hostile value. */
function mutants(schema: Schema, runs: number): { text: string; label: string }[] {
  const base = plausible(schema);
  if (!base || typeof base !== "object" || Array.isArray(base)) return [];
  const paths: string[][] = [];
  for (const [k, v] of Object.entries(base)) {
    paths.push([k]);
    if (v && typeof v === "object" && !Array.isArray(v)) for (const k2 of Object.keys(v)) paths.push([k, k2]);
    if (Array.isArray(v) && v[0] && typeof v[0] === "object") for (const k2 of Object.keys(v[0])) paths.push([k, "0", k2]);
  }
  if (paths.length === 0) return [];
  const picks = fc.sample(fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...oneBad)), { seed: SEED, numRuns: runs });
  const whole = paths.filter((p) => p.length === 1).map((p) => [p, LONE] as const);
  return [...whole, ...picks].map(([path, bad]) => {
    const body = structuredClone(base) as Record<string, unknown>;
    let at: Record<string, unknown> = body;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
    at[path[path.length - 1]!] = bad;
    return { text: JSON.stringify(body), label: `${path.join(".")} = ${JSON.stringify(bad).slice(0, 20)}` };
  });
}

/** A body: the schema's own properties set to hostile values, or something not even an object. */
function bodies(schema: Schema, runs: number): { text: string; label: string }[] {
  const s = resolve(schema);
  const props = Object.keys(s.properties ?? {});
  const shaped =
    props.length > 0
      ? fc.dictionary(fc.constantFrom(...props), hostile, { minKeys: 1, maxKeys: props.length })
      : fc.dictionary(fc.string({ maxLength: 6 }), hostile, { maxKeys: 3 });
  const drawn = fc.sample(shaped, { seed: SEED, numRuns: runs }).map((b) => ({ text: JSON.stringify(b), label: "shaped" }));
  const nested = s.properties
    ? Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(v).type === "array" ? [{ x: LONE }, 7] : resolve(v).type === "object" ? [LONE] : { nested: LONE }]))
    : {};
  return [
    ...drawn,
    { text: JSON.stringify(nested), label: "wrong shapes" },
    { text: '{"a":', label: "truncated JSON" },
    { text: "[]", label: "array" },
    { text: "null", label: "null" },
    { text: '"\\ud800"', label: "lone surrogate string" },
    { text: "[".repeat(5_000) + "]".repeat(5_000), label: "deep nesting" },
  ];
}

const pathValues = [
  () => editionId,
  () => "00000000-0000-4000-8000-000000000000",
  () => "not-a-uuid",
  () => "%ED%A0%80",
  () => "9".repeat(400),
];

function fill(path: string, value: string) {
  return path.replace(/\{[^}]+\}/g, value);
}

function query(op: Operation) {
  const q = (op.parameters ?? []).filter((p) => p.in === "query");
  if (q.length === 0) return "";
  return "?" + q.map((p, i) => `${encodeURIComponent(p.name)}=${["%ED%A0%80", "-1", "x".repeat(3000), "[object]"][i % 4]}`).join("&");
}

async function send(method: string, url: string, body: string | undefined, withCookie: boolean) {
  const headers: Record<string, string> = { accept: "application/json", origin: "http://numaish.test", host: "numaish.test" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (withCookie) headers.cookie = cookie;
  const res = await api.app.request(`http://numaish.test/api/v1${url}`, { method: method.toUpperCase(), headers, body });
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    await res.body?.cancel(); // the live footfall stream: its first answer is what counts
    return { status: res.status, text: "" };
  }
  const text = await res.text();
  return { status: res.status, text };
}

describe("the API under hostile input", () => {
  it("names every operation with a unique operationId", () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(50);
    const missing = ops.filter((o) => !o.op.operationId).map((o) => `${o.method} ${o.path}`);
    expect(missing).toEqual([]);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("streamFootfall"); // the live stream is documented too
  });

  it("answers every operation's malformed, ill-formed, huge and wrong-typed input without a 5xx", { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    const undocumented = new Set<string>();
    let sent = 0;
    const check = (op: Operation, label: string, r: { status: number; text: string }, body?: string) => {
      sent++;
      if (!op.responses?.[String(r.status)] && !op.responses?.default) undocumented.add(`${op.operationId} answered ${r.status}, not in its responses`);
      // Ill-formed text is refused at the edge, never stored as U+FFFD behind the client's back.
      if (r.status < 300 && body && /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i.test(body)) failures.push(`${r.status} accepted ill-formed text ${label}`);
      if (r.status >= 500) failures.push(`${r.status} ${label}: ${r.text.slice(0, 200)}`);
      else if (r.status >= 400 && r.status !== 404 && r.status !== 405 && !/"code"\s*:/.test(r.text)) failures.push(`${r.status} without an error code ${label}: ${r.text.slice(0, 200)}`);
    };
    // Read-only and harmless operations first, and the ones that end a session last.
    const ops = operations().sort((a, b) => Number(/sign-out|sessions|tokens/.test(a.path)) - Number(/sign-out|sessions|tokens/.test(b.path)));
    for (const { method, path, op } of ops) {
      const schema = op.requestBody?.content["application/json"]?.schema;
      for (const withCookie of [false, true]) {
        const who = withCookie ? "organiser" : "anonymous";
        for (const v of pathValues) {
          const url = fill(path, v()) + query(op);
          check(op, `${who} ${method} ${url.slice(0, 120)}`, await send(method, url, schema ? "{}" : undefined, withCookie));
        }
        if (!schema) continue;
        const url = fill(path, editionId);
        for (const b of [...bodies(schema, withCookie ? 6 : 3), ...(withCookie ? mutants(schema, 8) : [])]) {
          check(op, `${who} ${method} ${path} [${b.label}] ${b.text.slice(0, 80)}`, await send(method, url, b.text, withCookie), b.text);
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...undocumented].sort()).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  });
});
