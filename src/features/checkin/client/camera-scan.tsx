import { useEffect, useRef, useState, type CSSProperties } from "react";
import { useT } from "../../../web/i18n";
import { cameraProblem, startCamera } from "./camera";

/** A scanner page's camera: the button that starts and stops it (client/camera.ts), the reason it
 *  cannot start, and the preview. Every code it reads goes to the latest `onCode` (the gate's
 *  chosen gate may change while the camera runs). The gate's page and the shared scan form. */
export function CameraScan({ onCode, videoStyle }: { onCode: (text: string) => void; videoStyle?: CSSProperties }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  const [stop, setStop] = useState<null | (() => void)>(null);
  const [problem, setProblem] = useState<ReturnType<typeof cameraProblem> | null>(null);
  useEffect(() => {
    latest.current = onCode;
  }, [onCode]);
  useEffect(() => () => stop?.(), [stop]);

  const toggle = async () => {
    if (stop) {
      stop();
      setStop(null);
      return;
    }
    setProblem(null);
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error("no mediaDevices");
      const started = await startCamera(video.current!, (text) => latest.current(text));
      setStop(() => started);
    } catch (e) {
      setStop(null);
      setProblem(cameraProblem(e));
    }
  };

  return (
    <>
      <button type="button" onClick={() => void toggle()}>
        {stop ? t("checkin.gate.stopCamera") : t("checkin.gate.camera")}
      </button>
      {problem ? (
        <p className="error" role="alert" data-testid="camera-error">
          {t(`checkin.gate.${problem}`)}
        </p>
      ) : null}
      <video ref={video} muted style={{ inlineSize: "100%", ...videoStyle, display: stop ? "block" : "none" }} />
    </>
  );
}
