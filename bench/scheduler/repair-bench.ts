// Repair benchmark: cancel 5% of the meetings one after another, each at a
// random point of the event (everything before that slot is frozen), and
// measure meetings moved per cancellation, capacity recovered and time.
import { seededRandom } from "../../src/platform/random";
import { RepairSession, repair } from "../../src/features/matchmaking/engine/repair";
import type { ScheduleInput, ScheduleOutput } from "../../src/features/matchmaking/engine/schema";
import { validateSchedule } from "../../src/features/matchmaking/engine/validate";

export function repairBench(input: ScheduleInput, output: ScheduleOutput, maxCancellations: number, seed: number, fillMoves = 0) {
  const rand = seededRandom(seed);
  const slotIds = [...input.slots].sort((x, y) => x.day - y.day || x.start.localeCompare(y.start)).map((s) => s.id);
  const order = new Map(slotIds.map((s, k) => [s, k]));
  const n = Math.min(maxCancellations, Math.max(1, Math.round(output.meetings.length * 0.05)));
  // The server keeps the schedule loaded between changes: time the session's apply().
  const session = new RepairSession(input, output);
  let cur = output;
  let moved = 0;
  let maxMoved = 0;
  let refilled = 0;
  let violations = 0;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = cur.meetings[Math.floor(rand() * cur.meetings.length)]!;
    const k = order.get(m.slot)!;
    // "Now" plus the notification horizon falls somewhere before the cancelled meeting.
    const frozen = slotIds[Math.floor(rand() * (k + 1))]!;
    const t0 = performance.now();
    const res = session.apply({ kind: "cancel", request: m.request }, { frozenBefore: frozen, fillMoves });
    times.push(performance.now() - t0);
    moved += res.moved.length;
    maxMoved = Math.max(maxMoved, res.moved.length);
    refilled += res.added.length;
    if (i % 20 === 0 || i === n - 1) {
      cur = session.output();
      violations += validateSchedule(session.currentInput(), cur).length;
    } else {
      cur = { ...cur, meetings: cur.meetings.filter((x) => x.request !== m.request) };
    }
  }
  // A one-off repair (compile + rebuild from JSON + apply + output), for comparison.
  const m = cur.meetings[0]!;
  const t1 = performance.now();
  repair(session.currentInput(), session.output(), { kind: "cancel", request: m.request });
  const oneOffMs = Math.round(performance.now() - t1);
  times.sort((a, b) => a - b);
  return {
    fillMoves,
    cancellations: n,
    movedPerCancellation: Math.round((moved / n) * 1000) / 1000,
    maxMovedInOneRepair: maxMoved,
    /** Cancelled meetings whose freed time was given to a waiting request. */
    capacityRecovered: Math.round((refilled / n) * 1000) / 1000,
    msMedian: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10,
    msP95: Math.round(times[Math.floor(times.length * 0.95)]! * 10) / 10,
    msMax: Math.round(times[times.length - 1]! * 10) / 10,
    oneOffMs,
    violations,
  };
}
