// Shared vocabulary of the selection engine: size classes, preference groups,
// a seeded PRNG and small numeric helpers. Pure: no I/O, no clock.
import { z } from "zod";

export const sizeClasses = ["micro", "small", "medium"] as const;
export const SizeClass = z.enum(sizeClasses);
export type SizeClass = z.infer<typeof SizeClass>;

// The three groups a published preference rule can favour. A women-led micro
// enterprise belongs to all three; the rule says how they combine (see select.ts).
export const preferenceGroups = ["women_led_micro", "women_led", "micro"] as const;
export const PreferenceGroup = z.enum(preferenceGroups);
export type PreferenceGroup = z.infer<typeof PreferenceGroup>;

export function groupsOf(a: { womenLed: boolean; sizeClass: SizeClass }): PreferenceGroup[] {
  const groups: PreferenceGroup[] = [];
  if (a.womenLed && a.sizeClass === "micro") groups.push("women_led_micro");
  if (a.womenLed) groups.push("women_led");
  if (a.sizeClass === "micro") groups.push("micro");
  return groups;
}

export function inGroup(a: { womenLed: boolean; sizeClass: SizeClass }, group: PreferenceGroup): boolean {
  if (group === "women_led_micro") return a.womenLed && a.sizeClass === "micro";
  if (group === "women_led") return a.womenLed;
  return a.sizeClass === "micro";
}

// mulberry32: tiny, fast and good enough to break ties reproducibly under a seed.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
