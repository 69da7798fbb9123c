// Placeholder while the page is being written.
export default function Page() {
  return <section><h1>tokens</h1></section>;
}
