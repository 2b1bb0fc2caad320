import { TestBed } from '@angular/core/testing';
import { SessionStore } from '../auth/session.store';
import { TOKEN_KEY } from '../auth/token-storage';
import { Footer } from './footer';
import { Header } from './header';
import { ME, signIn, provideApiTesting, useApiTesting } from '../../../testing/providers';

describe('Header', () => {
  const backend = useApiTesting();

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(Header);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const links = (element: HTMLElement) =>
    [...element.querySelectorAll('a.nav-link')].map((a) => a.textContent?.replace(/\s+/g, ' ').trim());

  it('offers Sign in and Sign up to a signed-out reader', async () => {
    expect(links(await render())).toEqual(['Home', 'Sign in', 'Sign up']);
  });

  it('shows the signed-in user with the default avatar', async () => {
    signIn();
    const element = await render();
    expect(links(element)).toEqual(['Home', 'New Article', 'Settings', 'me']);
    expect(element.querySelector('.user-pic')?.getAttribute('src')).toBe('/default-avatar.svg');
    expect(element.querySelector('[role="status"]')).toBeNull();
  });

  it('says "Connecting…" while the server cannot check a stored token, then shows the user', async () => {
    localStorage.setItem(TOKEN_KEY, ME.token);
    TestBed.inject(SessionStore).restore();
    backend().expectOne('/api/user').flush('down', { status: 503, statusText: 'Service Unavailable' });
    const fixture = TestBed.createComponent(Header);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Connecting…');
    expect(links(element)).toEqual(['Home']);
  });

  it('shows neither sign-in links nor a status while a stored token is being checked', async () => {
    localStorage.setItem(TOKEN_KEY, ME.token);
    TestBed.inject(SessionStore).restore();
    const element = await render();
    expect(links(element)).toEqual(['Home']);
    expect(element.querySelector('[role="status"]')).toBeNull();
    backend().expectOne('/api/user').flush({ user: ME });
  });
});

describe('Footer', () => {
  it('links home', async () => {
    TestBed.configureTestingModule({ providers: provideApiTesting() });
    const fixture = TestBed.createComponent(Footer);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('a.logo-font')?.getAttribute('href')).toBe(
      '/',
    );
  });
});
