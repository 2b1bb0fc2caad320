import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { ArticleSummary } from '../core/api/models';
import { TOKEN_KEY } from '../core/auth/token-storage';
import { ArticleList, PAGE_SIZE, ROWS_PER_TASK } from './article-list';
import { provideApiTesting } from '../../testing/providers';

function summary(slug: string, favorited = false, favoritesCount = 0): ArticleSummary {
  return {
    slug,
    title: `Title ${slug}`,
    description: `About ${slug}`,
    tagList: ['one', 'two'],
    createdAt: '2026-01-20T10:00:00.000Z',
    updatedAt: '2026-01-20T10:00:00.000Z',
    favorited,
    favoritesCount,
    author: { username: 'jake', bio: null, image: null, following: false },
  };
}

describe('ArticleList', () => {
  let fixture: ComponentFixture<ArticleList>;
  let backend: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;

  function render(page = 1): void {
    TestBed.configureTestingModule({
      providers: provideApiTesting(),
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ArticleList);
    fixture.componentRef.setInput('filter', { tag: 'dragons' });
    fixture.componentRef.setInput('page', page);
    // Not whenStable(): the pending request keeps the app unstable until the test answers it.
    TestBed.tick();
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => backend.verify());

  it('asks for the page of the URL and shows a loading state meanwhile', async () => {
    render(3);
    expect(element().textContent).toContain('Loading articles');
    const request = backend.expectOne((r) => r.url === '/api/articles');
    expect(request.request.params.toString()).toBe('tag=dragons&limit=10&offset=20');
    request.flush({ articles: [summary('a')], articlesCount: 21 });
    await fixture.whenStable();
    expect(element().querySelectorAll('.article-preview')).toHaveLength(1);
    expect(element().querySelector('.page-item.active')?.textContent?.trim()).toBe('3');
  });

  it('renders previews with author, tags and the default avatar', async () => {
    render();
    backend
      .expectOne((r) => r.url === '/api/articles')
      .flush({ articles: [summary('a'), summary('b')], articlesCount: 2 });
    await fixture.whenStable();
    const first = element().querySelector('.article-preview')!;
    expect(first.querySelector('h1')?.textContent).toBe('Title a');
    expect(first.querySelector('.author')?.textContent).toBe('jake');
    expect(first.querySelector('.article-meta img')?.getAttribute('src')).toContain('default-avatar.svg');
    expect([...first.querySelectorAll('.tag-pill')].map((t) => t.textContent?.trim())).toEqual([
      'one',
      'two',
    ]);
    expect(first.querySelector('.preview-link')?.getAttribute('href')).toBe('/article/a');
    expect(element().querySelector('.pagination')).toBeNull();
  });

  it('adds a full page a few rows per task, and again from the top for the next page', async () => {
    const rows = () => element().querySelectorAll('.article-preview').length;
    const page = (prefix: string) => Array.from({ length: PAGE_SIZE }, (_, i) => summary(`${prefix}${i}`));
    // Each task that follows the first render adds ROWS_PER_TASK rows, up to the page.
    const growsByTasks = async () => {
      expect(rows()).toBeGreaterThan(0);
      expect(rows()).toBeLessThan(PAGE_SIZE);
      while (rows() < PAGE_SIZE) {
        const before = rows();
        await new Promise((resolve) => setTimeout(resolve));
        TestBed.tick();
        expect(rows()).toBe(Math.min(before + ROWS_PER_TASK, PAGE_SIZE));
      }
    };
    render();
    backend.expectOne((r) => r.url === '/api/articles').flush({ articles: page('a'), articlesCount: 20 });
    await fixture.whenStable();
    await growsByTasks();

    fixture.componentRef.setInput('page', 2);
    TestBed.tick();
    backend.expectOne((r) => r.url === '/api/articles').flush({ articles: page('b'), articlesCount: 20 });
    await fixture.whenStable();
    expect(element().querySelector('.article-preview h1')?.textContent).toBe('Title b0');
    await growsByTasks();
  });

  it('says so when there are no articles', async () => {
    render();
    backend.expectOne((r) => r.url === '/api/articles').flush({ articles: [], articlesCount: 0 });
    await fixture.whenStable();
    expect(element().querySelector('.empty-feed-message')?.textContent).toContain('No articles are here');
  });

  it('shows an error with a retry that asks again', async () => {
    render();
    backend
      .expectOne((r) => r.url === '/api/articles')
      .flush('boom', { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Something went wrong');
    element().querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    TestBed.tick();
    backend.expectOne((r) => r.url === '/api/articles').flush({ articles: [summary('a')], articlesCount: 1 });
    await fixture.whenStable();
    expect(element().querySelectorAll('.article-preview')).toHaveLength(1);
  });

  it('favourites from the list and shows the new count and state', async () => {
    localStorage.setItem(TOKEN_KEY, 'jwt');
    render();
    const { SessionStore } = await import('../core/auth/session.store');
    const session = TestBed.inject(SessionStore);
    session.restore();
    backend
      .expectOne('/api/user')
      .flush({ user: { email: 'a@b.c', token: 'jwt', username: 'me', bio: null, image: null } });
    backend
      .expectOne((r) => r.url === '/api/articles')
      .flush({ articles: [summary('a', false, 4)], articlesCount: 1 });
    await fixture.whenStable();

    const button = element().querySelector<HTMLButtonElement>('.article-preview button')!;
    expect(button.classList).toContain('btn-outline-primary');
    button.click();
    backend
      .expectOne({ method: 'POST', url: '/api/articles/a/favorite' })
      .flush({ article: { ...summary('a', true, 5), body: 'x' } });
    await fixture.whenStable();
    const updated = element().querySelector<HTMLButtonElement>('.article-preview button')!;
    expect(updated.classList).toContain('btn-primary');
    expect(updated.classList).not.toContain('btn-outline-primary');
    expect(updated.textContent?.trim()).toBe('5');
  });
});
