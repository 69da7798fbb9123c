import type { Route } from "./+types/review-photo";
import { loadOr } from "../../../web/actions";
import { getPhotoForReview } from "../operations/review";
import { uuidParam } from "../../../web/params";

// An application's photo for its reviewers and organiser staff; the type was checked from the bytes at upload.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.photoId);
  const photo = await loadOr(request, () => getPhotoForReview(context.ctx, { photoId: params.photoId }));
  return new Response(new Uint8Array(photo.bytes), {
    headers: { "Content-Type": photo.contentType, "X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600" },
  });
}
