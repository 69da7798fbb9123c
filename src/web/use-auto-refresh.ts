import { useEffect } from "react";
import { useRevalidator } from "react-router";

/**
 * Reloads the page's data every `ms` while the page is in view and the device online, as a board
 * on a wall or a staff phone must (issue #14: the lounge board). Never while someone is typing in
 * a field of the page (a half-typed badge code stays), nor while a reload is under way. Pages
 * without JavaScript keep their refresh link.
 */
export function useAutoRefresh(ms: number) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== "visible" || !navigator.onLine || state !== "idle") return;
      const typing = document.activeElement;
      if ((typing instanceof HTMLInputElement || typing instanceof HTMLTextAreaElement) && typing.value !== "") return;
      void revalidate();
    }, ms);
    return () => clearInterval(timer);
  }, [ms, revalidate, state]);
}
