import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { Article, Profile } from '../core/api/models';
import { FavoriteButton } from './favorite-button';
import { FollowButton } from './follow-button';
import { NETWORK_DOWN, signIn, textOf, useApiTesting } from '../../testing/providers';

const article: Article = {
  slug: 'dragons',
  title: 'Dragons',
  description: 'About dragons',
  body: 'Body',
  tagList: [],
  createdAt: '2026-01-20T10:00:00.000Z',
  updatedAt: '2026-01-20T10:00:00.000Z',
  favorited: false,
  favoritesCount: 2,
  author: { username: 'jake', bio: null, image: null, following: false },
};
const jake: Profile = { username: 'jake', bio: null, image: null, following: false };

describe('FavoriteButton and FollowButton', () => {
  const backend = useApiTesting();

  async function renderFavorite(compact = false) {
    const fixture = TestBed.createComponent(FavoriteButton);
    fixture.componentRef.setInput('article', article);
    fixture.componentRef.setInput('compact', compact);
    const changed = vi.fn();
    fixture.componentInstance.changed.subscribe(changed);
    await fixture.whenStable();
    return { fixture, changed, element: fixture.nativeElement as HTMLElement };
  }

  it('favourites and hands the new article to its parent', async () => {
    signIn();
    const { fixture, changed, element } = await renderFavorite();
    expect(textOf(element, 'button')).toBe('Favorite Article (2)');
    expect(element.querySelector('button')?.classList).toContain('btn-outline-primary');
    element.querySelector('button')!.click();
    await fixture.whenStable();
    expect(element.querySelector('button')?.disabled).toBe(true);
    backend()
      .expectOne({ method: 'POST', url: '/api/articles/dragons/favorite' })
      .flush({ article: { ...article, favorited: true, favoritesCount: 3 } });
    expect(changed).toHaveBeenCalledWith(expect.objectContaining({ favorited: true, favoritesCount: 3 }));
  });

  it('shows why a favourite failed and can be pressed again', async () => {
    signIn();
    const { fixture, changed, element } = await renderFavorite(true);
    element.querySelector('button')!.click();
    backend()
      .expectOne({ method: 'POST', url: '/api/articles/dragons/favorite' })
      .flush('boom', { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(textOf(element, '.error-messages')).toBe('Something went wrong. Please try again.');
    expect(element.querySelector('button')?.disabled).toBe(false);
    expect(changed).not.toHaveBeenCalled();
  });

  it('sends a signed-out reader to the login page instead of asking the server', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const { element } = await renderFavorite();
    element.querySelector('button')!.click();
    expect(navigate).toHaveBeenCalledWith('/login');
    backend().expectNone(() => true);
  });

  it('follows, and shows the reference wording when the network is down', async () => {
    signIn();
    const fixture = TestBed.createComponent(FollowButton);
    fixture.componentRef.setInput('profile', jake);
    const changed = vi.fn();
    fixture.componentInstance.changed.subscribe(changed);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(textOf(element, 'button')).toBe('Follow jake');

    element.querySelector('button')!.click();
    backend()
      .expectOne({ method: 'POST', url: '/api/profiles/jake/follow' })
      .error(...NETWORK_DOWN);
    await fixture.whenStable();
    expect(textOf(element, '.error-messages')).toBe(
      'Unable to connect. Please check your internet connection.',
    );
    expect(changed).not.toHaveBeenCalled();

    element.querySelector('button')!.click();
    await fixture.whenStable();
    expect(element.querySelector('.error-messages')).toBeNull();
    backend()
      .expectOne({ method: 'POST', url: '/api/profiles/jake/follow' })
      .flush({ profile: { ...jake, following: true } });
    expect(changed).toHaveBeenCalledWith({ ...jake, following: true });
  });
});
