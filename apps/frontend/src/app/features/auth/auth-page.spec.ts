import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import { SessionStore } from '../../core/auth/session.store';
import { AuthPage } from './auth-page';
import { ME, NETWORK_DOWN, provideApiTesting, textOf, typeInto } from '../../../testing/providers';

describe('AuthPage', () => {
  let fixture: ComponentFixture<AuthPage>;
  let backend: HttpTestingController;
  let navigate: ReturnType<typeof vi.spyOn>;
  const element = () => fixture.nativeElement as HTMLElement;

  async function render(mode: 'login' | 'register'): Promise<void> {
    fixture = TestBed.createComponent(AuthPage);
    fixture.componentRef.setInput('mode', mode);
    await fixture.whenStable();
  }
  async function submit(): Promise<void> {
    element().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideApiTesting() });
    backend = TestBed.inject(HttpTestingController);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });
  afterEach(() => backend.verify());

  it('signs in and goes home', async () => {
    await render('login');
    expect(textOf(element(), 'h1')).toBe('Sign in');
    expect(element().querySelector('input[name="username"]')).toBeNull();
    typeInto(element(), 'input[name="email"]', ' me@example.test ');
    typeInto(element(), 'input[name="password"]', 'secret123');
    await submit();
    const request = backend.expectOne({ method: 'POST', url: '/api/users/login' });
    expect(request.request.body).toEqual({ user: { email: 'me@example.test', password: 'secret123' } });
    request.flush({ user: ME });
    expect(TestBed.inject(SessionStore).isAuthenticated()).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('names the blank fields without asking the server', async () => {
    await render('register');
    await submit();
    expect([...element().querySelectorAll('.error-messages li')].map((li) => li.textContent)).toEqual([
      "username can't be blank",
      "email can't be blank",
      "password can't be blank",
    ]);
  });

  it('shows the server errors of a sign-up and stays', async () => {
    await render('register');
    expect(textOf(element(), 'h1')).toBe('Sign up');
    typeInto(element(), 'input[name="username"]', 'jake');
    typeInto(element(), 'input[name="email"]', 'jake@example.test');
    typeInto(element(), 'input[name="password"]', 'secret123');
    await submit();
    backend
      .expectOne({ method: 'POST', url: '/api/users' })
      .flush({ errors: { username: ['has already been taken'] } }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(textOf(element(), '.error-messages')).toBe('username has already been taken');
    expect(navigate).not.toHaveBeenCalled();
    expect(element().querySelector('fieldset')?.disabled).toBe(false);
  });

  it('says "Unable to connect" when the request never reaches the server', async () => {
    await render('login');
    typeInto(element(), 'input[name="email"]', 'me@example.test');
    typeInto(element(), 'input[name="password"]', 'secret123');
    await submit();
    backend.expectOne('/api/users/login').error(...NETWORK_DOWN);
    await fixture.whenStable();
    expect(textOf(element(), '.error-messages')).toBe(
      'Unable to connect. Please check your internet connection.',
    );
    expect(TestBed.inject(SessionStore).state()).toBe('unauthenticated');
  });
});
