import { data } from "react-router";

// Uploads arrive as multipart forms, which the router would read whole into
// memory before any check: refuse an oversized body by its declared length
// first (a photo is at most 2 MB, a spreadsheet of 2,000 rows far less), and
// cap what is read when no length is declared.
export async function limitedForm(request: Request, maxBytes: number): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw data({ code: "payload_too_large" }, { status: 413 });
  if (!request.body || Number.isFinite(declared)) return request.formData();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw data({ code: "payload_too_large" }, { status: 413 });
    }
    chunks.push(value);
  }
  return new Response(new Blob(chunks as BlobPart[]), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
}
