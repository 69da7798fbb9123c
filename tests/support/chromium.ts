import { existsSync } from "node:fs";

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, else Debian's headless shell
 * (`chromium-headless-shell`, the same engine without the desktop browser around it, which is what
 * Playwright itself runs headless), else Debian's `chromium`. Decision 0016: the same journeys took
 * 752 s of workers' time in the shell against 1,700 s in the full browser.
 */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"]) if (existsSync(candidate)) return candidate;
  return "/usr/bin/chromium";
}
