import { AvatarPipe, DEFAULT_AVATAR } from './avatar.pipe';

describe('AvatarPipe', () => {
  const pipe = new AvatarPipe();

  it('uses the default avatar when the image is null or empty', () => {
    expect(pipe.transform(null)).toBe(DEFAULT_AVATAR);
    expect(pipe.transform('')).toBe(DEFAULT_AVATAR);
    expect(pipe.transform('   ')).toBe(DEFAULT_AVATAR);
    expect(DEFAULT_AVATAR).toContain('default-avatar.svg');
  });

  it('keeps a real image', () => {
    expect(pipe.transform('https://example.test/me.png')).toBe('https://example.test/me.png');
  });
});
