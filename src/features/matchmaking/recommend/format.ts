/** Plain-English rendering of a participant's list, for the command line and test failures. */
import { formatReasonEn } from "./reasons";
import type { RecommendOutput } from "./schema";

export function formatRecommendationsEn(output: RecommendOutput, participantId: string): string {
  const entry = output.participants.find((p) => p.participantId === participantId);
  if (!entry) return `${participantId}: not a participant`;
  if (entry.recommendations.length === 0) return `${participantId}: no recommendations`;
  const lines = [`Recommendations for ${participantId}:`];
  entry.recommendations.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.counterpartId} (score ${r.score.toFixed(3)})`);
    for (const reason of r.reasons) lines.push(`   - ${formatReasonEn(reason)}`);
  });
  return lines.join("\n");
}
