import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Pagination, pageFromQuery } from './pagination';

describe('pageFromQuery', () => {
  it('reads positive whole numbers and treats anything else as page 1', () => {
    expect(pageFromQuery('3')).toBe(3);
    expect(pageFromQuery(undefined)).toBe(1);
    expect(pageFromQuery('0')).toBe(1);
    expect(pageFromQuery('-2')).toBe(1);
    expect(pageFromQuery('2.5')).toBe(1);
    expect(pageFromQuery('abc')).toBe(1);
  });
});

describe('Pagination', () => {
  async function render(total: number, current: number): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Pagination);
    fixture.componentRef.setInput('total', total);
    fixture.componentRef.setInput('pageSize', 10);
    fixture.componentRef.setInput('current', current);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('links every page through ?page= and marks the current one', async () => {
    const element = await render(25, 2);
    const items = [...element.querySelectorAll('.page-item')];
    expect(items.map((i) => i.textContent?.trim())).toEqual(['1', '2', '3']);
    expect(items.map((i) => i.classList.contains('active'))).toEqual([false, true, false]);
    const links = items.map((i) => i.querySelector('a')?.getAttribute('href'));
    expect(links).toEqual(['/', '/?page=2', '/?page=3']);
    expect(items[1]?.querySelector('a')?.getAttribute('aria-current')).toBe('page');
  });

  it('shows nothing for a single page', async () => {
    const element = await render(10, 1);
    expect(element.querySelector('.pagination')).toBeNull();
  });
});
