import { data } from "react-router";

// Any unknown address: a 404 that the root ErrorBoundary renders in the reader's language.
export function loader() {
  throw data({ code: "not_found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
