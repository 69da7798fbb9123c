import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints where the time went (per project: files and summed test time; the slowest files), then
 * one plain closing line, "Tests: N passed, N failed, N skipped", that CI tooling reads regardless
 * of the runner; vitest's own summary stays above it. The time lines keep the CI budget
 * (20 minutes on 2 cores, docs/code-style.md) visible in the tail of every CI log.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const projects = new Map<string, { files: number; ms: number }>();
    const files: { name: string; ms: number }[] = [];
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      if (m.state() === "failed" && [...m.children.allTests()].length === 0) failed++;
      const project = m.project.name || "default";
      const d = m.diagnostic();
      const ms = d.duration + d.setupDuration + d.collectDuration;
      const p = projects.get(project) ?? { files: 0, ms: 0 };
      projects.set(project, { files: p.files + 1, ms: p.ms + ms });
      files.push({ name: `${project} ${m.relativeModuleId}`, ms });
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const lines = [...projects].map(([name, p]) => `  ${name}: ${p.files} files, ${s(p.ms)} summed over workers`);
    const slowest = files.sort((a, b) => b.ms - a.ms).slice(0, 12).map((f) => `  ${s(f.ms)}  ${f.name}`);
    process.stdout.write(`\nTime by project:\n${lines.join("\n")}\nSlowest files:\n${slowest.join("\n")}\n`);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
