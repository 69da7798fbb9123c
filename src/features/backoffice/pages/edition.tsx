// Placeholder while the page is being written.
export default function Page() {
  return <section><h1>edition</h1></section>;
}
