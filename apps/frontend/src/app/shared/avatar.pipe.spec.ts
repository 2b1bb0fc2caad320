import { AvatarPipe } from './avatar.pipe';

describe('AvatarPipe', () => {
  const pipe = new AvatarPipe();

  it('uses the default avatar of the UI contract when the image is null, empty or blank', () => {
    for (const image of [null, undefined, '', '   ']) {
      expect(pipe.transform(image)).toBe('/default-avatar.svg');
    }
  });

  it('keeps a real image', () => {
    expect(pipe.transform('https://example.test/me.png')).toBe('https://example.test/me.png');
  });
});
