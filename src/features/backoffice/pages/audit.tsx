// Placeholder while the page is being written.
export default function Page() {
  return <section><h1>audit</h1></section>;
}
