// Camera scanning: the browser's BarcodeDetector where it exists (Chromium on Android), else jsQR
// on canvas frames (loaded on demand, bundled by Vite, so it works offline once cached).

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };

export async function startCamera(video: HTMLVideoElement, onCode: (text: string) => void): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  video.srcObject = stream;
  video.setAttribute("playsinline", "true");
  await video.play();
  const BD = (globalThis as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
  const detector: Detector | null = BD ? new BD({ formats: ["qr_code"] }) : null;
  const jsQR = detector ? null : (await import("jsqr")).default;
  const canvas = document.createElement("canvas");
  const g = canvas.getContext("2d", { willReadFrequently: true });
  let stopped = false;
  let last = "";
  let lastAt = 0;
  const tick = async () => {
    if (stopped) return;
    try {
      let text: string | null = null;
      if (detector) {
        text = (await detector.detect(video))[0]?.rawValue ?? null;
      } else if (g && jsQR && video.videoWidth) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        g.drawImage(video, 0, 0);
        text = jsQR(g.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height)?.data ?? null;
      }
      // The same badge held in front of the lens is one scan, not one per frame.
      if (text && (text !== last || Date.now() - lastAt > 4000)) {
        last = text;
        lastAt = Date.now();
        onCode(text);
      }
    } catch {
      /* a frame that cannot be read is skipped */
    }
    setTimeout(() => void tick(), 200);
  };
  void tick();
  return () => {
    stopped = true;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
}

/** The camera's failure in words staff can act on (no camera, blocked, or not possible here). */
export function cameraProblem(e: unknown): "cameraDenied" | "cameraMissing" | "cameraUnavailable" {
  const name = e instanceof Error || e instanceof DOMException ? e.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "cameraDenied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError") return "cameraMissing";
  return "cameraUnavailable";
}
