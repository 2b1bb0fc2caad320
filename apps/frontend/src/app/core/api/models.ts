// Wire types of the RealWorld API (api/openapi.yml, version 2.0.0).
export interface User {
  email: string;
  token: string;
  username: string;
  bio: string | null;
  image: string | null;
}

export interface Profile {
  username: string;
  bio: string | null;
  image: string | null;
  following: boolean;
}

export interface Article {
  slug: string;
  title: string;
  description: string;
  /** Absent in list responses: the API omits bodies from lists. */
  body?: string;
  tagList: string[];
  createdAt: string;
  updatedAt: string;
  favorited: boolean;
  favoritesCount: number;
  author: Profile;
}

export interface Comment {
  id: number;
  createdAt: string;
  updatedAt: string;
  body: string;
  author: Profile;
}

export interface ArticlePage {
  articles: Article[];
  articlesCount: number;
}

export interface ArticleDraft {
  title: string;
  description: string;
  body: string;
  tagList: string[];
}

export interface UserUpdate {
  email?: string;
  password?: string;
  username?: string;
  bio?: string | null;
  image?: string | null;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface Registration extends Credentials {
  username: string;
}

/** What to list: the whole feed, a tag, an author's or a user's favourites, or the followed authors. */
export interface ArticleQuery {
  feed?: 'following';
  tag?: string;
  author?: string;
  favorited?: string;
  limit: number;
  offset: number;
}
