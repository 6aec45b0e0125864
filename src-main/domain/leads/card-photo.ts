/**
 * A card photo is checked by its bytes, not by the name or type the browser gave it: only a JPEG, PNG or WebP
 * image of at most 10 MB is stored (issue 13: "a photo that is not an image or is over 10 MB is refused").
 */
export const CARD_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

export type CardPhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** The image type the bytes start with (their magic number), or null when they are none of the three. */
export function sniffCardPhoto(bytes: Uint8Array): CardPhotoMime | null {
  if (bytes.length >= 3 && startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 8 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (bytes.length >= 12 && startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

export type CardPhotoProblem = 'photo_empty' | 'photo_too_large' | 'photo_not_image';

/** What is wrong with a photo's bytes, or null when it may be stored. */
export function cardPhotoProblem(bytes: Uint8Array): CardPhotoProblem | null {
  if (bytes.length === 0) return 'photo_empty';
  if (bytes.length > CARD_PHOTO_MAX_BYTES) return 'photo_too_large';
  return sniffCardPhoto(bytes) === null ? 'photo_not_image' : null;
}

/** A photo's size for the refusal, rounded up: a photo just over the limit is "10.1 MB", not "10.0 MB". */
export const photoSizeText = (bytes: number): string => `${(Math.ceil((bytes * 10) / 1024 / 1024) / 10).toFixed(1)} MB`;
