// ESLint rule `numaish/feature-layers`: features depend on each other in one direction.
//
// The layers below are the decided order (docs/code-style.md): a file in one feature may import
// from a feature that comes EARLIER in the list, never from one that comes later, so the
// feature graph can have no cycle. `platform` imports no feature at all. Files outside platform
// and features (src/root.tsx, src/routes.ts, src/messages.ts, src/server, src/cli, src/web) are the
// composition root and the shared web kit: features may import src/web, nothing else of those.
// An import reads the same whether written by path (`../../editions/days`) or through the
// feature's surface alias (`#features/editions`, `#features/editions/client`).
// Tests are exempt (a test may look at a higher feature to observe an effect).
import path from "node:path";

export const layers = [
  "editions", // the organiser's master data: organisers, venues, editions, clusters, sectors, trade bodies, categories, enterprise registry
  "catalogue", // the public catalogue of enterprises (today: the demo's seed data)
  "matchmaking", // pure engines: scheduler and recommendations
  "accounts", // people, sessions, role grants, invitations, API tokens
  "registration", // registrations, categories, questions, places, the manage link
  "checkin", // badges, gates, zones, scans, footfall, offline gate bundles
  "nominations", // calls for nominations, nominations, applications
  "selection", // reviews, selection runs, decisions, appeals, transparency
  "b2b", // B2B matchmaking: programme, participants, profiles, requests, runs, meetings
  "floor", // the exhibition floor: halls, areas, stalls, stall allocation (engine/)
  "programme", // the agenda: rooms, speakers, sessions, releases, RSVPs
  "exhibitors", // the exhibitor portal (profiles, checklist, organiser messages) and the public catalogue
  "meetday", // the meeting day: meeting check-in, lounge board, no-shows, outcomes and follow-ups
  "baseline", // the SME baseline survey, answers, readiness scores (engine/), dashboards
  "awards", // the SME awards: categories, entries, judging rounds, recusal, sealed results, certificates
  "privacy", // personal data: a person's export, erasure on request, retention per edition (over every feature's part)
  "leads", // lead retrieval at the stalls: badge scans by exhibitors, consent, stay-in-touch requests, retention
  "analytics", // the edition's analytics area: SMEs from nomination to meetings, visitors, edition against edition
  "home", // public home pages
  "backoffice", // organisers' back office: audit log, outbox, lookups
  "demo", // the demo seed: composes every feature
];

/** Known upward imports being removed; each entry is "from-file -> feature". Keep it shrinking. */
export const knownExceptions = new Set([]);

const rank = new Map(layers.map((l, i) => [l, i]));

function areaOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file).split(path.sep);
  if (rel[0] === "..") return null;
  if (rel[0] === "platform") return { kind: "platform" };
  if (rel[0] === "features" && rel.length > 2) return { kind: "feature", name: rel[1] };
  return { kind: "root", name: rel[0] };
}

export default {
  meta: {
    type: "problem",
    docs: { description: "features import only features of lower layers; platform imports no feature" },
    schema: [{ type: "object", properties: { srcRoot: { type: "string" }, exceptions: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
    messages: {
      upward: "{{from}} may not import {{to}} ({{to}} is not below {{from}} in eslint/feature-layers.js): invert the dependency (an event, or move the shared part down).",
      unknown: "Feature '{{name}}' has no layer: add it to the layers in eslint/feature-layers.js and docs/code-style.md.",
      platform: "platform may not import a feature ({{to}}): let the feature register with platform instead (see src/messages.ts).",
      root: "A feature may not import {{to}} (the composition root): only src/web is shared with features.",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const srcRoot = path.resolve(context.cwd ?? process.cwd(), options.srcRoot ?? "src");
    const exceptions = new Set(options.exceptions ?? [...knownExceptions]);
    const file = context.filename;
    if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(file)) return {};
    const from = areaOf(file, srcRoot);
    if (!from || from.kind === "root") return {};
    // The schema barrel gathers every feature's tables for drizzle (one object); nothing else may.
    if (path.relative(srcRoot, file).split(path.sep).join("/") === "platform/db/schema.ts") return {};
    if (from.kind === "feature" && !rank.has(from.name)) {
      return { Program(node) { context.report({ node, messageId: "unknown", data: { name: from.name } }); } };
    }
    function check(node, spec) {
      if (typeof spec !== "string") return;
      // A feature's surface is imported by its alias (package.json "imports", decision 0014).
      const alias = /^#features\/([^/]+)/.exec(spec);
      if (!alias && !spec.startsWith(".")) return;
      const to = alias ? { kind: "feature", name: alias[1] } : areaOf(path.resolve(path.dirname(file), spec), srcRoot);
      if (!to) return;
      if (from.kind === "platform") {
        if (to.kind === "feature") context.report({ node, messageId: "platform", data: { to: `features/${to.name}` } });
        return;
      }
      if (to.kind === "root") {
        if (to.name !== "web") context.report({ node, messageId: "root", data: { to: `src/${to.name}` } });
        return;
      }
      if (to.kind !== "feature" || to.name === from.name) return;
      const key = `${path.relative(srcRoot, file).split(path.sep).join("/")} -> ${to.name}`;
      if (exceptions.has(key)) return;
      if (!rank.has(to.name) || rank.get(to.name) >= rank.get(from.name)) {
        context.report({ node, messageId: "upward", data: { from: from.name, to: to.name } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};
