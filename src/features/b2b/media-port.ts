import type { Executor } from "../../platform/db/types";

// An exhibitor's public pictures on its B2B page (issue #11, profiles: "photos"): the logo and
// photos of its catalogue profile, uploaded once in the exhibitor portal. The exhibitors feature
// reads the floor, which reads b2b, so b2b asks through this port (docs/code-style.md, "ports"):
// exhibitors/b2b-media-port.ts implements it and src/wiring.ts provides it.

export interface ExhibitorPictures {
  /** The exhibitor's catalogue page. */
  catalogue: string;
  logo: string | null;
  photos: string[];
}

export interface MediaPort {
  /** The pictures of those of the given enterprises whose catalogue profile is public, by enterprise id. */
  publicMedia(db: Executor, editionId: string, enterpriseIds: readonly string[]): Promise<Map<string, ExhibitorPictures>>;
}

let provided: MediaPort | undefined;

export function provideMediaPort(port: MediaPort): void {
  provided = port;
}

export function mediaPort(): MediaPort {
  if (!provided) throw new Error("b2b media port not provided (src/wiring.ts)");
  return provided;
}
