// First-come baseline (issue 5): requests in the order they were made, each
// in the first slot where both are free and a table (and interpreter) is left.
import { initState } from "../../src/features/matchmaking/engine/greedy";
import type { Problem } from "../../src/features/matchmaking/engine/problem";
import type { State } from "../../src/features/matchmaking/engine/state";

export function firstCome(pr: Problem): State {
  const st = initState(pr);
  for (let r = 0; r < pr.R; r++) {
    if (st.slotOf[r]! >= 0) continue;
    for (let s = 0; s < pr.S; s++) if (st.canPlace(r, s)) { st.place(r, s); break; }
  }
  return st;
}
