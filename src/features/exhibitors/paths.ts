// The catalogue's addresses (no React here: operations build links with them too).

export const cataloguePath = (slug: string, exhibitor?: string, productId?: string) =>
  `/editions/${slug}/catalogue${exhibitor ? `/${encodeURIComponent(exhibitor)}` : ""}${productId ? `/products/${productId}` : ""}`;

export const filePath = (slug: string, exhibitor: string, fileId: string) => `${cataloguePath(slug, exhibitor)}/files/${fileId}`;
