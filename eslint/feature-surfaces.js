// ESLint rule `numaish/feature-surfaces`: a feature uses another feature only through its surface.
//
// Each feature's public surface is `src/features/<name>/index.ts` (imported as `#features/<name>`)
// and its browser-safe part `client.ts` (`#features/<name>/client`); decision 0014. A file of a
// feature that imports another feature's module by path (`../../editions/tables`,
// `#features/editions/tables`) reaches into its internals and fails; so does a file importing its
// own feature through `#features/<own>` (the surface would import itself: use the relative path).
// A stylesheet (`import "../../floor/pages/floor-map.css"`) is not an interface and may be shared.
// Tests are exempt (a test may look inside to observe an effect), and so are the composition root
// (src/*.ts(x), src/server, src/cli), src/web and platform, which assemble the features. The order
// between features is the other rule's (eslint/feature-layers.js).
import path from "node:path";

const ALIAS = /^#features\/([^/]+)(\/.*)?$/;

function featureOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file).split(path.sep);
  if (rel[0] !== "features" || rel.length < 2) return null;
  return { name: rel[1], rest: rel.slice(2).join("/") };
}

export default {
  meta: {
    type: "problem",
    docs: { description: "a feature imports another feature only through its surface (#features/<name> or #features/<name>/client)" },
    schema: [{ type: "object", properties: { srcRoot: { type: "string" } }, additionalProperties: false }],
    messages: {
      internal: "{{from}} may not reach into {{to}}'s internals ({{spec}}): import it from '#features/{{to}}' (server code) or '#features/{{to}}/client' (browser-safe code), adding the export to src/features/{{to}}/index.ts or client.ts (decision 0014).",
      own: "Import {{from}}'s own modules by relative path, not through its surface ({{spec}}): the surface would import itself.",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const srcRoot = path.resolve(context.cwd ?? process.cwd(), options.srcRoot ?? "src");
    const file = context.filename;
    if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(file)) return {};
    const from = featureOf(file, srcRoot);
    if (!from || from.rest === "") return {};
    function check(node, spec, sideEffectOnly) {
      if (typeof spec !== "string") return;
      const alias = ALIAS.exec(spec);
      if (alias) {
        const [, name, rest = ""] = alias;
        if (name === from.name) context.report({ node, messageId: "own", data: { from: from.name, spec } });
        else if (rest !== "" && rest !== "/client") context.report({ node, messageId: "internal", data: { from: from.name, to: name, spec } });
        return;
      }
      if (!spec.startsWith(".")) return;
      const to = featureOf(path.resolve(path.dirname(file), spec), srcRoot);
      if (!to || to.name === from.name) return;
      if (sideEffectOnly && /\.css$/.test(spec)) return;
      if (["", "index", "index.ts", "client", "client.ts"].includes(to.rest)) return;
      context.report({ node, messageId: "internal", data: { from: from.name, to: to.name, spec } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.specifiers.length === 0),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, false),
      ExportAllDeclaration: (node) => check(node, node.source.value, false),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
    };
  },
};
