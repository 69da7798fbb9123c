import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Plugin } from "vite";

// A feature's surface (src/features/*/index.ts and client.ts, decision 0014) only re-exports. In
// the browser build it is declared free of side effects, so a page that imports one name through
// `#features/x/client` receives that name's module, not every module the surface lists.
function featureSurfaces(): Plugin {
  const surface = /[\\/]src[\\/]features[\\/][^\\/]+[\\/](index|client)\.ts$/;
  return {
    name: "numaish:feature-surfaces",
    apply: (_config, env) => env.command === "build" && !env.isSsrBuild,
    transform(code, id) {
      if (surface.test(id)) return { code, map: null, moduleSideEffects: false };
      return null;
    },
  };
}

export default defineConfig({
  plugins: [reactRouter(), featureSurfaces()],
  build: { target: "es2022" },
});
