import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { Article, Comment } from '../../core/api/models';
import { ArticlePage } from './article-page';
import { ME, NETWORK_DOWN, signIn, textOf, typeInto, useApiTesting } from '../../../testing/providers';

const article: Article = {
  slug: 'dragons',
  title: 'How to train your dragon',
  description: 'Ever wonder how?',
  body: '# Step one\n\nBe **brave**.',
  tagList: ['dragons', 'training'],
  createdAt: '2026-01-20T10:00:00.000Z',
  updatedAt: '2026-01-20T10:00:00.000Z',
  favorited: false,
  favoritesCount: 0,
  author: { username: 'jake', bio: null, image: null, following: false },
};
const comment = (id: number, username = 'jake'): Comment => ({
  id,
  body: `Comment ${id}`,
  createdAt: '2026-01-21T10:00:00.000Z',
  updatedAt: '2026-01-21T10:00:00.000Z',
  author: { username, bio: null, image: null, following: false },
});

describe('ArticlePage', () => {
  let fixture: ComponentFixture<ArticlePage>;
  const element = () => fixture.nativeElement as HTMLElement;
  const comments = () =>
    [...element().querySelectorAll('.card:not(.comment-form) .card-block')].map((c) => c.textContent?.trim());

  const backend = useApiTesting();

  async function render(value: Article = article, list: Comment[] = [comment(1)]): Promise<void> {
    fixture = TestBed.createComponent(ArticlePage);
    fixture.componentRef.setInput('slug', value.slug);
    TestBed.tick();
    backend().expectOne(`/api/articles/${value.slug}`).flush({ article: value });
    backend().expectOne(`/api/articles/${value.slug}/comments`).flush({ comments: list });
    await fixture.whenStable();
  }
  async function post(text: string): Promise<void> {
    typeInto(element(), 'textarea[placeholder="Write a comment..."]', text);
    element().querySelector<HTMLButtonElement>('.comment-form button[type="submit"]')!.click();
    await fixture.whenStable();
  }

  it('shows the article as rendered markdown, its tags and comments, and asks a reader to sign in', async () => {
    await render();
    expect(textOf(element(), '.banner h1')).toBe('How to train your dragon');
    expect(element().querySelector('.article-content h1')?.textContent).toBe('Step one');
    expect(element().querySelector('.article-content strong')?.textContent).toBe('brave');
    expect(
      [...element().querySelectorAll('.article-content .tag-pill')].map((t) => t.textContent?.trim()),
    ).toEqual(['dragons', 'training']);
    expect(comments()).toEqual(['Comment 1']);
    expect(element().querySelector('.comment-form')).toBeNull();
    expect(element().textContent).toContain('to add comments on this article');
  });

  it('posts a comment from the form, puts it first and empties the box', async () => {
    signIn();
    await render();
    await post('  Great read  ');
    const request = backend().expectOne({ method: 'POST', url: '/api/articles/dragons/comments' });
    expect(request.request.body).toEqual({ comment: { body: 'Great read' } });
    request.flush({ comment: comment(2, 'me') });
    await fixture.whenStable();
    expect(comments()).toEqual(['Comment 2', 'Comment 1']);
    expect(element().querySelector<HTMLTextAreaElement>('.comment-form textarea')?.value).toBe('');
  });

  it('refuses a blank comment without asking the server', async () => {
    signIn();
    await render();
    await post('   ');
    expect(textOf(element(), '.error-messages')).toBe("body can't be blank");
  });

  it('keeps the text and says "Unable to connect" when the comment never reaches the server', async () => {
    signIn();
    await render();
    await post('Lost words');
    backend()
      .expectOne({ method: 'POST', url: '/api/articles/dragons/comments' })
      .error(...NETWORK_DOWN);
    await fixture.whenStable();
    expect(textOf(element(), '.error-messages')).toBe(
      'Unable to connect. Please check your internet connection.',
    );
    expect(element().querySelector<HTMLTextAreaElement>('.comment-form textarea')?.value).toBe('Lost words');
    expect(element().querySelector<HTMLFieldSetElement>('.comment-form fieldset')?.disabled).toBe(false);
  });

  it('lets the author edit, delete the article and delete their own comments', async () => {
    signIn({ ...ME, username: 'jake' });
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await render(article, [comment(1), comment(2, 'someone')]);
    expect(element().querySelector('.banner a[href="/editor/dragons"]')?.textContent).toContain(
      'Edit Article',
    );
    expect(element().querySelectorAll('.mod-options')).toHaveLength(1);

    element().querySelector<HTMLButtonElement>('.mod-options button')!.click();
    backend().expectOne({ method: 'DELETE', url: '/api/articles/dragons/comments/1' }).flush(null);
    await fixture.whenStable();
    expect(comments()).toEqual(['Comment 2']);

    element().querySelector<HTMLButtonElement>('.banner .btn-outline-danger')!.click();
    backend().expectOne({ method: 'DELETE', url: '/api/articles/dragons' }).flush(null);
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('shows why the article could not be loaded', async () => {
    fixture = TestBed.createComponent(ArticlePage);
    fixture.componentRef.setInput('slug', 'gone');
    TestBed.tick();
    backend()
      .expectOne('/api/articles/gone')
      .flush({ errors: { article: ['not found'] } }, { status: 404, statusText: 'Not Found' });
    backend().expectOne('/api/articles/gone/comments').flush({ comments: [] });
    await fixture.whenStable();
    expect(textOf(element(), 'h1')).toBe('Article unavailable');
    expect(textOf(element(), '.error-messages')).toBe('article not found');
  });
});
