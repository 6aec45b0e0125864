/**
 * Trade-fair capture (issue 13 item 1): a card photo is checked by its bytes — only a JPEG, PNG or WebP image of at
 * most 10 MB is stored ("a photo that is not an image or is over 10 MB is refused"), whatever its name says.
 */
import { describe, expect, it } from 'vitest';
import { CARD_PHOTO_MAX_BYTES, cardPhotoProblem, sniffCardPhoto } from '../../src-main/domain/leads/card-photo';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0x00, 0x00, 0x00]), Buffer.from('WEBPVP8 ')]);

/** `bytes` padded with zeros to `size` bytes. */
const sized = (bytes: Buffer, size: number) => Buffer.concat([bytes, Buffer.alloc(size - bytes.length)]);

describe('card photos', () => {
  it('JPEG, PNG and WebP are known by their magic numbers and accepted', () => {
    expect(sniffCardPhoto(JPEG)).toBe('image/jpeg');
    expect(sniffCardPhoto(PNG)).toBe('image/png');
    expect(sniffCardPhoto(WEBP)).toBe('image/webp');
    for (const photo of [JPEG, PNG, WEBP]) expect(cardPhotoProblem(photo)).toBeNull();
    expect(cardPhotoProblem(new Uint8Array(PNG))).toBeNull();
  });

  it('a GIF, a text file, another RIFF file (a WAV) and cut-off magic numbers are not images', () => {
    expect(cardPhotoProblem(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('photo_not_image');
    expect(cardPhotoProblem(Buffer.from('Kenji Sato, Nippon Fittings KK\n+81 3 1234 5678\n'))).toBe('photo_not_image');
    expect(cardPhotoProblem(Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WAVEfmt ')]))).toBe('photo_not_image');
    expect(sniffCardPhoto(PNG.subarray(0, 7))).toBeNull();
    expect(sniffCardPhoto(JPEG.subarray(0, 2))).toBeNull();
    expect(sniffCardPhoto(WEBP.subarray(0, 11))).toBeNull();
    // The magic number must be at the start.
    expect(cardPhotoProblem(Buffer.concat([Buffer.from([0x00]), PNG]))).toBe('photo_not_image');
  });

  it('an empty photo is refused as empty', () => {
    expect(cardPhotoProblem(Buffer.alloc(0))).toBe('photo_empty');
  });

  it('10 MB is the limit: exactly 10 MB is stored, one byte more is too large', () => {
    expect(CARD_PHOTO_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(cardPhotoProblem(sized(JPEG, CARD_PHOTO_MAX_BYTES))).toBeNull();
    expect(cardPhotoProblem(sized(JPEG, CARD_PHOTO_MAX_BYTES + 1))).toBe('photo_too_large');
    // Too large is said before "not an image": the user learns the size is wrong whatever the file is.
    expect(cardPhotoProblem(Buffer.alloc(CARD_PHOTO_MAX_BYTES + 1, 0x41))).toBe('photo_too_large');
  });
});
