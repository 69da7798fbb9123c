// The vocabulary of a call for nominations: SME size classes and the groups a published
// preference rule can favour. Pure: no I/O.
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
