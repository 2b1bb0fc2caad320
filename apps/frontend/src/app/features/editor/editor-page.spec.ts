import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import { EditorPage } from './editor-page';
import { NETWORK_DOWN, provideApiTesting } from '../../../testing/providers';

describe('EditorPage', () => {
  let fixture: ComponentFixture<EditorPage>;
  let backend: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const input = (selector: string) =>
    element().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;

  function type(selector: string, value: string): void {
    const field = input(selector);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function pressEnter(selector: string): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    input(selector).dispatchEvent(event);
    return event;
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: provideApiTesting(),
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EditorPage);
    await fixture.whenStable();
  });
  afterEach(() => backend.verify());

  it('adds a tag on Enter without submitting, ignores duplicates and removes on click', async () => {
    type('input[placeholder="Enter tags"]', ' dragons ');
    expect(pressEnter('input[placeholder="Enter tags"]').defaultPrevented).toBe(true);
    type('input[placeholder="Enter tags"]', 'dragons');
    pressEnter('input[placeholder="Enter tags"]');
    type('input[placeholder="Enter tags"]', 'angular');
    pressEnter('input[placeholder="Enter tags"]');
    await fixture.whenStable();
    const tags = () => [...element().querySelectorAll('.tag-pill')].map((t) => t.textContent?.trim());
    expect(tags()).toEqual(['dragons', 'angular']);
    expect(input('input[placeholder="Enter tags"]').value).toBe('');

    element().querySelector<HTMLButtonElement>('button[aria-label="Remove tag dragons"]')!.click();
    await fixture.whenStable();
    expect(tags()).toEqual(['angular']);
  });

  it('publishes the article with its tags (a tag still being typed included) and opens it', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('input[name="title"]', 'How to train your dragon');
    type('input[name="description"]', 'Ever wonder how?');
    type('textarea[name="body"]', 'You have to believe');
    type('input[placeholder="Enter tags"]', 'dragons');
    element().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const request = backend.expectOne({ method: 'POST', url: '/api/articles' });
    expect(request.request.body).toEqual({
      article: {
        title: 'How to train your dragon',
        description: 'Ever wonder how?',
        body: 'You have to believe',
        tagList: ['dragons'],
      },
    });
    request.flush({ article: { slug: 'how-to-train-your-dragon' } });
    expect(navigate).toHaveBeenCalledWith(['/article', 'how-to-train-your-dragon']);
  });

  it('shows the server errors and stays on the page', async () => {
    element().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    backend
      .expectOne({ method: 'POST', url: '/api/articles' })
      .flush({ errors: { title: ["can't be blank"] } }, { status: 422, statusText: 'Unprocessable' });
    await fixture.whenStable();
    expect(element().querySelector('.error-messages')?.textContent).toContain("title can't be blank");
    expect(element().querySelector('fieldset')?.disabled).toBe(false);
  });

  it('says "Unable to connect" when the article never reaches the server, and keeps what was written', async () => {
    type('input[name="title"]', 'Offline');
    element().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    backend.expectOne({ method: 'POST', url: '/api/articles' }).error(...NETWORK_DOWN);
    await fixture.whenStable();
    expect(element().querySelector('.error-messages')?.textContent?.trim()).toBe(
      'Unable to connect. Please check your internet connection.',
    );
    expect(input('input[name="title"]').value).toBe('Offline');
  });
});

describe('EditorPage, editing', () => {
  let fixture: ComponentFixture<EditorPage>;
  let backend: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const field = (selector: string) =>
    element().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideApiTesting() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EditorPage);
    fixture.componentRef.setInput('slug', 'dragons');
    TestBed.tick();
    backend.expectOne('/api/articles/dragons').flush({
      article: { slug: 'dragons', title: 'Dragons', description: 'About', body: 'Body', tagList: ['a'] },
    });
    await fixture.whenStable();
  });
  afterEach(() => backend.verify());

  it('starts from the article and sends the update with PUT', async () => {
    expect(field('input[name="title"]').value).toBe('Dragons');
    expect(field('textarea[name="body"]').value).toBe('Body');
    expect(element().querySelector('.tag-pill')?.textContent?.trim()).toBe('a');
    field('input[name="title"]').value = 'Dragons, again';
    field('input[name="title"]').dispatchEvent(new Event('input'));
    element().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const request = backend.expectOne({ method: 'PUT', url: '/api/articles/dragons' });
    expect(request.request.body).toEqual({
      article: { title: 'Dragons, again', description: 'About', body: 'Body', tagList: ['a'] },
    });
    request.error(...NETWORK_DOWN);
    await fixture.whenStable();
    expect(element().querySelector('.error-messages')?.textContent?.trim()).toBe(
      'Unable to connect. Please check your internet connection.',
    );
  });
});
