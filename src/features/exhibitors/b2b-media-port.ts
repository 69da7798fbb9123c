import type { MediaPort } from "#features/b2b";
import { publicMediaOf } from "./operations/media";

/** The catalogue profile's logo and photos for b2b's participant pages (b2b/media-port.ts). */
export const exhibitorsMediaPort: MediaPort = { publicMedia: publicMediaOf };
