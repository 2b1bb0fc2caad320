/** Path parameters, declared once for every route that takes them. */
import { Limits } from '@proyecto06/contract';
import { Type } from 'typebox';

const Slug = Type.String({ minLength: 1, maxLength: 200 });

export const SlugParams = Type.Object({ slug: Slug });
export const UsernameParams = Type.Object({
  username: Type.String({ minLength: 1, maxLength: Limits.username }),
});
export const CommentParams = Type.Object({
  slug: Slug,
  id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});
