import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders markdown', () => {
    const html = renderMarkdown('# Title\n\nSome **bold** text, `code` and [a link](https://example.test/).');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<a href="https://example.test/">a link</a>');
  });

  it('shows raw HTML as text instead of elements', () => {
    const html = renderMarkdown(
      'Hi <script>window.pwned = 1</script>\n\n<img src="x" onerror="window.pwned = 2">',
    );
    const container = document.createElement('div');
    container.innerHTML = html;
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.textContent).toContain('<script>window.pwned = 1</script>');
    expect(container.textContent).toContain('<img src="x" onerror="window.pwned = 2">');
  });

  it('drops javascript: links', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) and ![pic](javascript:alert(2))');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('click');
  });
});
