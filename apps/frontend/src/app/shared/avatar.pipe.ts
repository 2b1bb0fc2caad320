import { Pipe, type PipeTransform } from '@angular/core';

export const DEFAULT_AVATAR = '/default-avatar.svg';

/** A user's image, or the default avatar when the image is null or empty. */
@Pipe({ name: 'avatar' })
export class AvatarPipe implements PipeTransform {
  transform(image: string | null | undefined): string {
    return image?.trim() ? image : DEFAULT_AVATAR;
  }
}
