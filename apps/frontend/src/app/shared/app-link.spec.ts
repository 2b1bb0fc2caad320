import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AppLink, pathOf } from './app-link';

@Component({
  imports: [AppLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<a [appLink]="['/tag', tag()]">tag</a>`,
})
class Host {
  readonly tag = signal('a b/c?');
}

describe('AppLink', () => {
  function render() {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const link = (fixture.nativeElement as HTMLElement).querySelector('a')!;
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    return { fixture, link, navigate };
  }

  it('writes the href with each segment encoded and follows it with the router on a plain click', () => {
    const { fixture, link, navigate } = render();
    expect(link.getAttribute('href')).toBe('/tag/a%20b%2Fc%3F');

    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/tag/a%20b%2Fc%3F');

    fixture.componentInstance.tag.set('dragons');
    fixture.detectChanges();
    expect(link.getAttribute('href')).toBe('/tag/dragons');
  });

  it('leaves a modified click (new tab, new window) to the browser', () => {
    const { link, navigate } = render();
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey']) {
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, [modifier]: true });
      link.dispatchEvent(click);
      expect(click.defaultPrevented, modifier).toBe(false);
    }
    const middle = new MouseEvent('click', { bubbles: true, cancelable: true, button: 1 });
    link.dispatchEvent(middle);
    expect(middle.defaultPrevented).toBe(false);
    expect(navigate).not.toHaveBeenCalled();
  });
});

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class Blank {}

@Component({
  imports: [AppLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a [appLink]="['/']" activeWhen="exact">home</a>
    <a [appLink]="['/profile', 'jake']" activeWhen="prefix">jake</a>
    <a [appLink]="['/profile', 'jak']" activeWhen="prefix">jak</a>
    <a [appLink]="['/profile', 'jake']">untracked</a>
  `,
})
class Nav {}

describe('AppLink activeWhen', () => {
  it('marks the link of the current path active (exact, or as a prefix of it) with aria-current', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: '**', component: Blank }])] });
    const fixture = TestBed.createComponent(Nav);
    const active = () =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('a')]
        .filter((a) => a.classList.contains('active') && a.getAttribute('aria-current') === 'page')
        .map((a) => a.textContent);

    await TestBed.inject(Router).navigateByUrl('/?page=2');
    await fixture.whenStable();
    expect(active()).toEqual(['home']);

    await TestBed.inject(Router).navigateByUrl('/profile/jake/favorites');
    await fixture.whenStable();
    expect(active()).toEqual(['jake']);
  });
});

describe('pathOf', () => {
  it('decodes the path and drops the query and the fragment', () => {
    expect(pathOf('/tag/a%20b%2Fc?page=2#top')).toBe('/tag/a b/c');
  });

  it('compares a malformed escape as it is instead of throwing', () => {
    // The router refuses such a URL before a link sees it; a typed or pasted one must still not throw here.
    expect(() => decodeURIComponent('/tag/%E0%A4%A')).toThrow(URIError);
    expect(pathOf('/tag/%E0%A4%A?x=1')).toBe('/tag/%E0%A4%A');
  });
});
