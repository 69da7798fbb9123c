/** Public surface of the recommendation engine. */
export { prepareCounterparts, recommend, recommendOne, type Counterparts } from "./recommend";
export { formatReasonEn, ReasonSchema, type Reason, type ReasonCode } from "./reasons";
export {
  ParticipantSchema,
  RecommendInputSchema,
  RecommendOptionsSchema,
  RecommendOutputSchema,
  WeightsSchema,
  type ParticipantInput,
  type RecommendInput,
  type RecommendOptions,
  type RecommendOutput,
  type Recommendation,
  type Weights,
} from "./schema";
export { formatRecommendationsEn } from "./format";
export { normaliseText } from "./normalise";
export { stem } from "./stemmer";
export { searchWords, tokenise } from "./tokenise";
export { Bm25Index } from "./bm25";
