/** The image formats the library accepts, and what each is called, stored as and served with. */
export const IMAGE_TYPES = {
  jpeg: { label: 'JPEG', mimeType: 'image/jpeg', extension: 'jpg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  png: { label: 'PNG', mimeType: 'image/png', extension: 'png', extensions: ['png'] },
  webp: { label: 'WebP', mimeType: 'image/webp', extension: 'webp', extensions: ['webp'] },
  avif: { label: 'AVIF', mimeType: 'image/avif', extension: 'avif', extensions: ['avif'] },
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

export const ACCEPTED_LABELS = Object.values(IMAGE_TYPES)
  .map((t) => t.label)
  .join(', ');

export function imageTypeOfMime(mimeType: string): ImageType | undefined {
  return (Object.keys(IMAGE_TYPES) as ImageType[]).find((type) => IMAGE_TYPES[type].mimeType === mimeType);
}
