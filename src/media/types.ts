/** A WebP rendering of an item at one width, for `srcset`. */
export interface MediaVariant {
  width: number;
  height: number;
  url: string;
}

/** One image in the library, as the rest of Broadsheet sees it. */
export interface MediaRecord {
  id: number;
  /** The stored original, e.g. `/media/2026/11/3fa9c1d2e0-harbour-at-dawn.jpg`. */
  url: string;
  filename: string;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  alt: string;
  caption: string;
  credit: string;
  uploadedBy: number | null;
  createdAt: string;
  /** Narrowest first; none wider than the original. */
  variants: MediaVariant[];
}

export interface MediaPage {
  items: MediaRecord[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}
