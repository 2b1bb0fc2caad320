import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import { SessionStore } from '../../core/auth/session.store';
import { TOKEN_KEY } from '../../core/auth/token-storage';
import { SettingsPage } from './settings-page';
import { ME, NETWORK_DOWN, provideApiTesting, signIn, textOf, typeInto } from '../../../testing/providers';

describe('SettingsPage', () => {
  let fixture: ComponentFixture<SettingsPage>;
  let backend: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const field = (name: string) =>
    element().querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideApiTesting() });
    backend = TestBed.inject(HttpTestingController);
    signIn({ ...ME, bio: 'Old bio', image: 'https://example.test/me.png' });
    fixture = TestBed.createComponent(SettingsPage);
    await fixture.whenStable();
  });
  afterEach(() => backend.verify());

  async function save(): Promise<void> {
    element().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
  }

  it('starts from the signed-in user', () => {
    expect(field('image').value).toBe('https://example.test/me.png');
    expect(field('username').value).toBe('me');
    expect(field('bio').value).toBe('Old bio');
    expect(field('email').value).toBe('me@example.test');
    expect(field('password').value).toBe('');
  });

  it('sends a cleared bio and image as null, leaves the password out, and opens the profile', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    typeInto(element(), '[name="bio"]', '  ');
    typeInto(element(), '[name="image"]', '');
    await save();
    const request = backend.expectOne({ method: 'PUT', url: '/api/user' });
    expect(request.request.body).toEqual({
      user: { image: null, username: 'me', bio: null, email: 'me@example.test' },
    });
    request.flush({ user: ME });
    expect(navigate).toHaveBeenCalledWith(['/profile', 'me']);
    expect(TestBed.inject(SessionStore).user()?.bio).toBeNull();
  });

  it('shows the server errors and "Unable to connect" for a request that never arrived', async () => {
    typeInto(element(), '[name="email"]', 'taken@example.test');
    await save();
    backend
      .expectOne({ method: 'PUT', url: '/api/user' })
      .flush({ errors: { email: ['has already been taken'] } }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(textOf(element(), '.error-messages')).toBe('email has already been taken');

    await save();
    backend.expectOne({ method: 'PUT', url: '/api/user' }).error(...NETWORK_DOWN);
    await fixture.whenStable();
    expect(textOf(element(), '.error-messages')).toBe(
      'Unable to connect. Please check your internet connection.',
    );
    expect(field('email').value).toBe('taken@example.test');
  });

  it('signs out and goes home', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    element().querySelector<HTMLButtonElement>('button.btn-outline-danger')!.click();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(TestBed.inject(SessionStore).state()).toBe('unauthenticated');
    expect(navigate).toHaveBeenCalledWith('/');
  });
});
