import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ArticleSummary } from '../core/api/models';
import { ArticleMeta } from './article-meta';
import { ErrorList } from './error-list';
import { LoadError } from './load-error';

describe('ErrorList', () => {
  it('lists each error in ul.error-messages inside a live region, and nothing when there are none', async () => {
    const fixture = TestBed.createComponent(ErrorList);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')).not.toBeNull();
    expect(element.querySelector('.error-messages')).toBeNull();

    fixture.componentRef.setInput('errors', ["title can't be blank", 'body is too long']);
    await fixture.whenStable();
    expect([...element.querySelectorAll('.error-messages li')].map((li) => li.textContent)).toEqual([
      "title can't be blank",
      'body is too long',
    ]);
  });
});

describe('LoadError', () => {
  it('says what failed and asks again on Retry', async () => {
    const fixture = TestBed.createComponent(LoadError);
    fixture.componentRef.setInput('message', 'Tags could not be loaded.');
    const retry = vi.fn();
    fixture.componentInstance.retry.subscribe(retry);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Tags could not be loaded.');
    element.querySelector('button')!.click();
    expect(retry).toHaveBeenCalledTimes(1);
  });
});

describe('ArticleMeta', () => {
  it('links the author, shows the default avatar and the date', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(ArticleMeta);
    const article: ArticleSummary = {
      slug: 's',
      title: 'T',
      description: 'D',
      tagList: [],
      createdAt: '2026-01-20T10:00:00.000Z',
      updatedAt: '2026-01-20T10:00:00.000Z',
      favorited: false,
      favoritesCount: 0,
      author: { username: 'jake', bio: null, image: null, following: false },
    };
    fixture.componentRef.setInput('article', article);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.author')?.getAttribute('href')).toBe('/profile/jake');
    expect(element.querySelector('.author')?.textContent).toBe('jake');
    expect(element.querySelector('.article-meta img')?.getAttribute('src')).toBe('/default-avatar.svg');
    expect(element.querySelector('time')?.textContent).toBe('January 20, 2026');
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe('2026-01-20T10:00:00.000Z');
  });
});
