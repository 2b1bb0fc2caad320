import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { Profile } from '../../core/api/models';
import { ProfilePage } from './profile-page';
import { NETWORK_DOWN, signIn, textOf, useApiTesting } from '../../../testing/providers';

const jake: Profile = { username: 'jake', bio: null, image: null, following: false };

describe('ProfilePage', () => {
  let fixture: ComponentFixture<ProfilePage>;
  const element = () => fixture.nativeElement as HTMLElement;

  const backend = useApiTesting();

  function render(username = 'jake', tab: 'articles' | 'favorites' = 'articles'): void {
    fixture = TestBed.createComponent(ProfilePage);
    fixture.componentRef.setInput('username', username);
    fixture.componentRef.setInput('tab', tab);
    TestBed.tick();
  }
  function answerArticles(): void {
    backend()
      .expectOne((r) => r.url === '/api/articles')
      .flush({ articles: [], articlesCount: 0 });
  }

  it('shows the banner with an empty bio paragraph when the bio is null', async () => {
    render();
    answerArticles();
    backend().expectOne('/api/profiles/jake').flush({ profile: jake });
    await fixture.whenStable();
    expect(textOf(element(), '.user-info h4')).toBe('jake');
    expect(element().querySelectorAll('.user-info p')).toHaveLength(1);
    expect(element().querySelector('.user-info p')?.textContent).toBe('');
    expect(element().querySelector('.user-img')?.getAttribute('src')).toBe('/default-avatar.svg');
    expect(textOf(element(), '.user-info button')).toBe('Follow jake');
  });

  it('shows the bio, and an empty paragraph again once the bio is gone', async () => {
    render();
    answerArticles();
    backend()
      .expectOne('/api/profiles/jake')
      .flush({ profile: { ...jake, bio: 'I like dragons' } });
    await fixture.whenStable();
    expect(textOf(element(), '.user-info p')).toBe('I like dragons');

    fixture.componentRef.setInput('username', 'jane');
    TestBed.tick();
    answerArticles();
    backend()
      .expectOne('/api/profiles/jane')
      .flush({ profile: { ...jake, username: 'jane', bio: '' } });
    await fixture.whenStable();
    expect(textOf(element(), '.user-info h4')).toBe('jane');
    expect(element().querySelector('.user-info p')?.textContent).toBe('');
  });

  it('lists the favourites on the Favorited tab and offers settings on your own profile', async () => {
    signIn();
    render('me', 'favorites');
    const list = backend().expectOne((r) => r.url === '/api/articles');
    expect(list.request.params.get('favorited')).toBe('me');
    list.flush({ articles: [], articlesCount: 0 });
    backend()
      .expectOne('/api/profiles/me')
      .flush({ profile: { ...jake, username: 'me' } });
    await fixture.whenStable();
    expect(textOf(element(), '.articles-toggle .active')).toBe('Favorited Articles');
    expect(textOf(element(), '.user-info a')).toBe('Edit Profile Settings');
    expect(element().querySelector('.user-info button')).toBeNull();
  });

  const failures: [string, (r: ReturnType<HttpTestingController['expectOne']>) => void, string][] = [
    [
      '404',
      (r) => r.flush({ errors: { profile: ['not found'] } }, { status: 404, statusText: 'x' }),
      'profile not found',
    ],
    [
      '500',
      (r) => r.flush('boom', { status: 500, statusText: 'x' }),
      'Something went wrong. Please try again.',
    ],
    ['network', (r) => r.error(...NETWORK_DOWN), 'Unable to connect. Please check your internet connection.'],
  ];
  it.each(failures)(
    'keeps .profile-page and shows the error without a banner (%s)',
    async (_name, fail, text) => {
      render('ghost');
      answerArticles();
      fail(backend().expectOne('/api/profiles/ghost'));
      await fixture.whenStable();
      expect(element().querySelector('.profile-page')).not.toBeNull();
      expect(element().querySelector('.user-info')).toBeNull();
      expect(textOf(element(), '.profile-page .error-messages')).toBe(text);
      expect(element().querySelector('app-article-list')).toBeNull();
    },
  );
});
