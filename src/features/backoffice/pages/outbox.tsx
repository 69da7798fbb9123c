// Placeholder while the page is being written.
export default function Page() {
  return <section><h1>outbox</h1></section>;
}
