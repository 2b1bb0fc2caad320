/** Rows to API objects: the only place that knows both shapes. */
import type { Comment, Profile, User } from '@proyecto06/contract';
import type { CommentRow } from '../repositories/comments.js';
import type { ProfileRow, UserRow } from '../repositories/users.js';

type AuthorColumns = Pick<CommentRow, 'authorUsername' | 'authorBio' | 'authorImage' | 'following'>;

const iso = (value: Date | string) => new Date(value).toISOString();

export function toUser(row: UserRow, token: string): User {
  return { email: row.email, token, username: row.username, bio: row.bio, image: row.image };
}

export function toProfile(row: Pick<ProfileRow, 'username' | 'bio' | 'image' | 'following'>): Profile {
  return { username: row.username, bio: row.bio, image: row.image, following: row.following };
}

function toAuthor(row: AuthorColumns): Profile {
  return {
    username: row.authorUsername,
    bio: row.authorBio,
    image: row.authorImage,
    following: row.following,
  };
}

export function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    body: row.body,
    author: toAuthor(row),
  };
}
