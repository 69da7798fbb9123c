// Shared vocabulary of the selection engine: size classes, preference groups,
// a seeded PRNG and small numeric helpers. Pure: no I/O, no clock.

// Size classes and preference groups are the call's vocabulary (nominations/engine/groups.ts).
export { groupsOf, inGroup, PreferenceGroup, preferenceGroups, SizeClass, sizeClasses } from "#features/nominations/client";

// The seeded generator that breaks ties reproducibly: the platform's one (platform/random.ts).
export { seededRandom } from "../../../platform/random";

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

// Population standard deviation: the reviews a reviewer scored are all the
// reviewer's scores, not a sample of them.
export function stdev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
