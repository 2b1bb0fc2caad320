import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HomePage } from './home-page';
import { signIn, textOf, useApiTesting } from '../../../testing/providers';

describe('HomePage', () => {
  let fixture: ComponentFixture<HomePage>;
  const element = () => fixture.nativeElement as HTMLElement;
  const tabs = () =>
    [...element().querySelectorAll('.feed-toggle .nav-link')].map((a) => a.textContent?.trim());

  const backend = useApiTesting();

  function render(inputs: { feed?: string; tag?: string } = {}): void {
    fixture = TestBed.createComponent(HomePage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    TestBed.tick();
  }

  it('shows the banner, the global feed and the popular tags to a signed-out reader', async () => {
    render();
    backend()
      .expectOne('/api/tags')
      .flush({ tags: ['dragons', 'angular'] });
    backend()
      .expectOne((r) => r.url === '/api/articles')
      .flush({ articles: [], articlesCount: 0 });
    await fixture.whenStable();
    expect(textOf(element(), '.banner h1')).toBe('conduit');
    expect(tabs()).toEqual(['Global Feed']);
    expect(element().querySelector('.feed-toggle .active')?.textContent?.trim()).toBe('Global Feed');
    expect([...element().querySelectorAll('.sidebar .tag-pill')].map((a) => a.getAttribute('href'))).toEqual([
      '/tag/dragons',
      '/tag/angular',
    ]);
    expect(textOf(element(), '.empty-feed-message')).toBe('No articles are here... yet.');
  });

  it('asks for the followed authors on Your Feed and says so, with a way back, when it is empty', async () => {
    signIn();
    render({ feed: 'following' });
    backend().expectOne('/api/tags').flush({ tags: [] });
    backend()
      .expectOne((r) => r.url === '/api/articles/feed')
      .flush({ articles: [], articlesCount: 0 });
    await fixture.whenStable();
    expect(element().querySelector('.banner')).toBeNull();
    expect(tabs()).toEqual(['Your Feed', 'Global Feed']);
    expect(element().querySelector('.feed-toggle .active')?.textContent?.trim()).toBe('Your Feed');
    const message = element().querySelector('.empty-feed-message')!;
    expect(message.textContent).toContain('Your feed is empty');
    expect(message.querySelector('a')?.textContent).toBe('Global Feed');
    expect(message.querySelector('a')?.getAttribute('href')).toBe('/');
  });

  it('filters by the tag of the URL and shows it as the active tab', async () => {
    render({ tag: 'dragons' });
    backend()
      .expectOne('/api/tags')
      .flush({ tags: ['dragons'] });
    const list = backend().expectOne((r) => r.url === '/api/articles');
    expect(list.request.params.get('tag')).toBe('dragons');
    list.flush({ articles: [], articlesCount: 0 });
    await fixture.whenStable();
    expect(textOf(element(), '.feed-toggle .active')).toBe('dragons');
  });

  it('offers a retry when the tags cannot be loaded', async () => {
    render();
    backend()
      .expectOne((r) => r.url === '/api/articles')
      .flush({ articles: [], articlesCount: 0 });
    backend().expectOne('/api/tags').flush('down', { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect(element().querySelector('.sidebar [role="alert"]')?.textContent).toContain(
      'Tags could not be loaded.',
    );
    element().querySelector<HTMLButtonElement>('.sidebar [role="alert"] button')!.click();
    TestBed.tick();
    backend()
      .expectOne('/api/tags')
      .flush({ tags: ['back'] });
    await fixture.whenStable();
    expect(textOf(element(), '.sidebar .tag-pill')).toBe('back');
  });
});
